-- RUN: %slothc check %s 2>&1 | FileCheck %s
---@class Db
---@field host? string
---@class Config
---@field db? Db
---@type Config
local cfg = data.json_parse(file.read("/etc/app.json"))
-- Without a test, both levels may be nil.
print(cfg.db.host:upper())
-- CHECK: {{.*}}narrowing-deep.lua:9:7: warning: this value may be nil (its type is Db?); check it before reading 'host' [possibly-nil]
-- CHECK: {{.*}}narrowing-deep.lua:9:7: warning: this value may be nil (its type is string?); check it before calling :upper() [possibly-nil]
-- Testing the outer level says nothing of the inner one.
if cfg.db then print(cfg.db.host:lower()) end
-- CHECK: {{.*}}narrowing-deep.lua:13:22: warning: this value may be nil (its type is string?); check it before calling :lower() [possibly-nil]
-- CHECK-NOT: possibly-nil
