-- RUN: %sloth run %s | FileCheck --match-full-lines %s
-- ORACLE-PRELUDE: unpack = table.unpack; loadstring = load; table.getn = function(t) return #t end; string.gfind = string.gmatch
-- Lua 5.1 aliases kept for scripts written for the original tool
print(unpack({1, 2, 3}), unpack({1, 2, 3}, 2))
print(loadstring("return 1 + 1")(), loadstring("x = ", "=named") == nil)
print(table.getn({1, 2, 3}), table.getn({}))
print(math.pow(2, 8), math.pow(9, 0.5))
for w in string.gfind("a b c", "%a") do io.write(w, ";") end
print()
print(pcall(unpack))
-- CHECK: 1	2	3
-- CHECK-NEXT: 2	true
-- CHECK-NEXT: 3	0
-- CHECK-NEXT: 256.0	3.0
-- CHECK-NEXT: a;b;c;
-- CHECK-NEXT: false	attempt to get length of a nil value
