-- RUN: %sloth run %s | FileCheck --match-full-lines %s
-- require: package.preload, package.loaded, search failures, searchpath, modules from files
package.preload["mymod"] = function(name, extra) return {name = name, extra = extra} end
local m = require("mymod")
print(m.name, m.extra, require("mymod") == m, package.loaded.mymod == m)
package.preload["noval"] = function() end
print(require("noval"), package.loaded.noval)
print(require("string") == string, package.loaded._G == _G, package.loaded.table == table)
package.path = "/nonexistent/?.lua;/nonexistent/?/init.lua"
package.cpath = "/nonexistent/?.so"
print(pcall(require, "missing.mod"))
print(package.searchpath("a.b", "/x/?.lua;/y/?.lua"))
print(package.searchpath("a.b", "/x/?.lua", ".", "_"))
print(type(package.searchers), #package.searchers, package.config:sub(1, 1))
local dir = os.tmpname()
os.remove(dir)
local name = dir:match("[^/]+$")
local f = io.open(dir .. ".lua", "w")
f:write("local n, path = ...\nreturn {loaded_as = n, ok = path:sub(-4) == '.lua'}\n")
f:close()
package.path = dir:match("^(.*)/") .. "/?.lua"
local fm = require(name)
print(fm.loaded_as == name, fm.ok)
os.remove(dir .. ".lua")
print(pcall(require))
-- CHECK: mymod	:preload:	true	true
-- CHECK-NEXT: true	true
-- CHECK-NEXT: true	true	true
-- CHECK-NEXT: false	module 'missing.mod' not found:
-- CHECK-NEXT: 	no field package.preload['missing.mod']
-- CHECK-NEXT: 	no file '/nonexistent/missing/mod.lua'
-- CHECK-NEXT: 	no file '/nonexistent/missing/mod/init.lua'
-- CHECK-NEXT: 	no file '/nonexistent/missing/mod.so'
-- CHECK-NEXT: 	no file '/nonexistent/missing.so'
-- CHECK-NEXT: nil	no file '/x/a/b.lua'
-- CHECK-NEXT: 	no file '/y/a/b.lua'
-- CHECK-NEXT: nil	no file '/x/a_b.lua'
-- CHECK-NEXT: table	4	/
-- CHECK-NEXT: true	true
-- CHECK-NEXT: false	bad argument #1 to 'require' (string expected, got no value)
