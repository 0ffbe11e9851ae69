-- RUN: %slothc check %s 2>&1 | FileCheck %s
---@class (exact) Server
---@field host string
---@field port integer

---@param server Server
---@param retries integer
---@return boolean
local function deploy(server, retries)
  print(server.hots, retries)
  return true
end

deploy({ host = "web-1", port = 22 }, "three")
---@type Server
local primary = { host = "db-1", port = 5432 }
print(primary.adress)
-- CHECK: {{.*}}user-annotations.lua:10:16: warning: unknown field 'hots' on Server; did you mean 'host'? [unknown-field]
-- CHECK: {{.*}}user-annotations.lua:14:39: warning: deploy: argument 2 ('retries') must be integer, got "three" [arg-type-mismatch]
-- CHECK: {{.*}}user-annotations.lua:17:15: warning: unknown field 'adress' on Server [unknown-field]
