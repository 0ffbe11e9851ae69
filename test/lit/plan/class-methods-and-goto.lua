-- RUN: %slothc plan %s | FileCheck %s
-- Methods of a class (a metatable with an __index table) are followed; a loop made with goto
-- whose exit the run decides is shown once, marked "repeats".
local Service = {}
Service.__index = Service
function Service.new(name) return setmetatable({ name = name }, Service) end
function Service:deploy(mode)
  file.write("/etc/" .. self.name .. ".conf", "enabled=true\n")
  file.chmod("/etc/" .. self.name .. ".conf", mode)
end
Service.new("nginx"):deploy("0640")
::again::
local r = exec.command("curl -fs http://localhost/health")
if not r.success then goto again end
-- CHECK:        ~ write /etc/nginx.conf
-- CHECK-NEXT:       file.write at {{.*}}class-methods-and-goto.lua:8, via {{.*}}:deploy
-- CHECK:        ~ chmod 0640 /etc/nginx.conf
-- CHECK:        ! run curl -fs http://localhost/health  (repeats)
-- CHECK-NEXT:       exec.command at {{.*}}class-methods-and-goto.lua:13
