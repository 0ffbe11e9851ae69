-- RUN: %sloth run %s | FileCheck --match-full-lines %s
-- load from strings and functions, chunk names, modes, env, syntax errors, loadstring
print(load("return 1 + 2")())
print(load("syntax error here") == nil)
print(select(2, load("x = ", "=mychunk")):match("^mychunk:1:"))
print(select(2, load("x = ", "@file.lua")):match("^file.lua:1:"))
local parts = {"return ", "'pie", "ces'"}
local i = 0
print(load(function() i = i + 1; return parts[i] end)())
print(type(load(function() return nil end)))
print(pcall(load, function() return {} end))
print(pcall(load, function() error("reader failed") end))
print(load("return 1", "chunk", "b"))
print(load("return x", "env", "t", {x = "from env"})())
print(pcall(load("return x", "noenv", "t", nil)))
local f = load("local a, b = ... ; return b, a")
print(f(1, 2))
print(load("return ...", "varargs")(7, 8, 9))
local env = {}
load("y = 5", "setter", "t", env)()
print(env.y, y)
print(pcall(load))
print(load("error('runtime')", "=rt") ~= nil, pcall(load("error('runtime')", "=rt")))
print(select(2, load("x = = 1", "=" .. string.rep("n", 100))):match("^n*"):len())
print(select(2, load("x = = 1", string.rep("long source line ", 5))):match("^[^:]*"))
print(select(2, load("x = = 1", "line one\nline two")):match("^[^:]*"))
print(select(2, load("x = = 1", "@" .. string.rep("d/", 40) .. "f.lua")):match("^[^:]*"))
-- CHECK: 3
-- CHECK-NEXT: true
-- CHECK-NEXT: mychunk:1:
-- CHECK-NEXT: file.lua:1:
-- CHECK-NEXT: pieces
-- CHECK-NEXT: function
-- CHECK-NEXT: true	nil	reader function must return a string
-- CHECK-NEXT: true	nil	{{.*}}base-load.lua:12: reader failed
-- CHECK-NEXT: nil	attempt to load a text chunk (mode is 'b')
-- CHECK-NEXT: from env
-- CHECK-NEXT: false	[string "noenv"]:1: attempt to index a nil value (upvalue '_ENV')
-- CHECK-NEXT: 2	1
-- CHECK-NEXT: 7	8	9
-- CHECK-NEXT: 5	nil
-- CHECK-NEXT: false	bad argument #1 to 'load' (function expected, got no value)
-- CHECK-NEXT: true	false	rt:1: runtime
-- CHECK-NEXT: 59
-- CHECK-NEXT: [string "long source line long source line long source..."]
-- CHECK-NEXT: [string "line one..."]
-- CHECK-NEXT: .../d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/f.lua
