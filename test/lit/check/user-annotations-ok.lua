-- RUN: %slothc check %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
---@class (exact) Server
---@field host string
---@field port integer

---@param server Server
---@param retries? integer
---@return boolean
local function deploy(server, retries)
  print(server.host, server.port, retries)
  return true
end

local ok = deploy({ host = "web-1", port = 22 })
print(ok)
---@type Server
local primary = { host = "db-1", port = 5432 }
print(primary.host)
