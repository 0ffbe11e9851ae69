-- RUN: %slothc check %s
-- Odd corners of Lua 5.4 syntax that must parse cleanly (luac5.4 -p accepts this file).
local a <const>, b <close> = 1, nil
local t = {1, 2; 3, [4] = 4, x = 5, ["y"] = 6, f = function(...) return ... end,}
local s = ("x"):rep(3) .. [[long]] .. [==[
with ]] inside]==] .. 'single' .. "double\z
      continued"
print "literal call"; print {table = "call"}; print [[long call]]
t.f(1)(2)
local w = t.x.y.z
t["k"].v = t[1][2]
t:method "s" {1} [[x]]
do ;;; end
local function f(x, y, ...) local n = select('#', ...) return n end
local g = function(...) return ... end
goto done
::done::
for i = 10, 1, -1 do if i % 2 == 0 then goto continue end ::continue:: end
for k, v in next, t, nil do end
while false do break end
repeat local z = 1 until z == 1
if a then elseif b then else end
local n = 0x.1p-1 + 0xA + 1e-3 + .5 + 5. + 3 // 2 + 7 % 3 + 2 ^ -1
local bits = ~5 & 3 | 1 ~ 2 << 1 >> 1
local cmp = 1 < 2 == true ~= false and not nil or #t >= 0
local neg = - - 1 + -(-2)
local concat = 1 .. 2
local len = #"abc" + #{1, 2}
local nested = {{{}}, {{1}}}
local method = ("%d"):format(42)
local paren = (f(1, 2, 3))
local goto_name = {goto_ = 1}
return
