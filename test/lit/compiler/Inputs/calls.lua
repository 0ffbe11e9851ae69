local t = {a = {b = {c = function(...) return ... end}}}
print(t.a.b.c(1, 2, 3))
t.a.b:c()
local s = ("x"):rep(3)
local f = print
f "hello"
f {1, 2}
return t.a.b.c(t, ...)
