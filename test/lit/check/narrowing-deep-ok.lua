-- RUN: %slothc check %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
---@class Db
---@field host? string
---@class Config
---@field db? Db
---@type Config
local cfg = data.json_parse(file.read("/etc/app.json"))
if cfg.db and cfg.db.host then print(cfg.db.host:upper()) end
if cfg.db and cfg.db.host ~= nil then print(cfg.db.host:lower()) end
if not (cfg.db and cfg.db.host) then error("db.host is not set") end
print(cfg.db.host:upper())
-- After a prefix is assigned, or the table goes to code that may change it, the field is no
-- longer known (and not reported either way).
local function reload(c) c.db = nil end
if cfg.db and cfg.db.host then
  reload(cfg)
  print(cfg.db.host)
end
if cfg.db and cfg.db.host then
  cfg.db = data.json_parse("{}")
  print(cfg.db.host)
end
