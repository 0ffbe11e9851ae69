-- RUN: %sloth run %s | FileCheck --match-full-lines %s
-- os.getenv, os.remove, os.rename, os.tmpname, os.execute, os.exit
print(os.getenv("HOME") ~= nil, os.getenv("SLOTH_SURELY_NOT_SET"), pcall(os.getenv))
local name = os.tmpname()
print(name:match("^/tmp/lua_") ~= nil, io.open(name) ~= nil)
local renamed = name .. ".moved"
print(os.rename(name, renamed))
print((select(2, os.remove(name)):gsub("lua_%w+", "NAME")))
print(os.remove(renamed), (select(2, os.remove(renamed)):gsub("lua_%w+", "NAME")))
print(os.rename("/nonexistent/a", "/nonexistent/b"))
print(os.execute("exit 0"))
print(os.execute("exit 3"))
print(os.execute("kill -9 $$"))
print(os.execute())
io.write("before exit\n")
os.exit(true)
print("not reached")
-- CHECK: true	nil	false	bad argument #1 to 'os.getenv' (string expected, got no value)
-- CHECK-NEXT: true	true
-- CHECK-NEXT: true
-- CHECK-NEXT: /tmp/NAME: No such file or directory
-- CHECK-NEXT: true	/tmp/NAME.moved: No such file or directory
-- CHECK-NEXT: nil	No such file or directory	2
-- CHECK-NEXT: true	exit	0
-- CHECK-NEXT: nil	exit	3
-- CHECK-NEXT: nil	signal	9
-- CHECK-NEXT: true
-- CHECK-NEXT: before exit
