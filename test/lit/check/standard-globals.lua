-- RUN: %slothc check %s 2>&1 | FileCheck %s
-- package, debug and arg are declared: their fields are checked like any module's.
print(package.serchpath("a", package.path))
-- CHECK: {{.*}}standard-globals.lua:3:15: warning: unknown function 'package.serchpath'; did you mean 'package.searchpath'? [unknown-module-function]
print(debug.getinfo(1))
-- CHECK: {{.*}}standard-globals.lua:5:13: warning: unknown function 'debug.getinfo': sloth's debug library has only traceback, getmetatable and setmetatable [unknown-module-function]
print(debug.traceback(coroutine.running(), "message", 1, "extra"))
-- CHECK: {{.*}}standard-globals.lua:7:22: warning: no form of debug.traceback takes 4 arguments [wrong-arg-count]
