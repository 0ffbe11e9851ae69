local a, b, c = 1
local t = {}
a, b = b, a
t[a], a = 10, 20
t.x, t.y, t[1], t[a] = 1, 2, 3, 4
x, y = y, x
local i = 1
i, t[i] = i + 1, 20
local function f(...) return ... end
local p, q, r = f(1, 2, 3)
local u, v = ..., 5
local w = select('#', ...)
a, b, c = f()
t = {f()}
t = {f(), f()}
t = {..., n = select('#', ...)}
t = {(f())}
t = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, f()}
local o = {}
function o.m(self, z) return self, z end
function o:n(z) return self.m(self, z) end
o:n(1):m(2)
print(o.m(o, 1), #t, -a, ~a, not a)
