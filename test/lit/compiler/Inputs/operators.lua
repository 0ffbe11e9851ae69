local a, b = 3, 4.5
local r = {
  a + 1, a - 1, a * 2, a / 2, a // 2, a % 2, a ^ 2, 1 + a, 2 * a, 1 - a, 2 ^ a,
  a + 1000, a - 1000, a & 3, a | 3, a ~ 3, 3 & a, a << 2, a >> 2, 2 << a, 2 >> a, a << 200,
  a .. b, a .. b .. "x" .. 1, -a, ~a, #r, not a,
  a == 1, a ~= 1, a == "s", a == nil, a == true, 1 == a, a == 1.0, a == 1.5, a == b,
  a < 1, a <= 1, a > 1, a >= 1, 1 < a, 1 <= a, 1 > a, 1 >= a, a < b, a > b, a < 1000,
  a and b, a or b, a and b or 1, not (a and b), (a or b) and (a < b),
  1 + 2, 10 // 3, 10 % -3, 7 / 2, 2^53, 1 // 0, 1 % 0, 0/0, -0.0, 3 & 1.0, 1.5 & 1, 1 << 63, "a" .. "b",
  -9223372036854775807 - 1, math.maxinteger + 1, 9007199254740993, 0x7fffffffffffffff + 1,
  -(-9223372036854775807 - 1), 5 // 0.0, -5 % 0.0, 3 % -2.0,
}
if a and b then print(1) elseif a or b then print(2) else print(3) end
if not a then print(4) end
if a == 1 and b ~= 2 or a > 3 then print(5) end
local x = a > b and "big" or "small"
while a < 10 and b do a = a + 1 end
local s = nil
if s then end
if nil then print(1) end
if true then print(2) end
local n = (a)
local m = #"abc"
