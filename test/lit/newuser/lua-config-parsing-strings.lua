-- A config parser and string.format report, as operators write them.
-- Expected output: lua5.4 (5.4.4) on the same file.
-- RUN: %sloth run %s 2>/dev/null | FileCheck --match-full-lines %s
-- string utilities an operator writes: parse key=value lines, trim, split, format report
local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end
local function split(s, sep)
  local out = {}
  for piece in (s .. sep):gmatch("(.-)" .. sep:gsub("%p", "%%%0")) do out[#out + 1] = piece end
  return out
end
local conf = [[
# comment
host = web01.example.com
port=8080
  timeout =  2.5
empty =
tags = a,b,,c
]]
local cfg = {}
for line in conf:gmatch("[^\n]+") do
  if not line:match("^%s*#") then
    local k, v = line:match("^%s*([%w_]+)%s*=%s*(.-)%s*$")
    if k then cfg[k] = v end
  end
end
local keys = {}
for k in pairs(cfg) do keys[#keys + 1] = k end
table.sort(keys)
for _, k in ipairs(keys) do print(string.format("%-8s|%s|", k, cfg[k])) end
print(#split(cfg.tags, ","), table.concat(split(cfg.tags, ","), ";"))
print(trim("   x y  "), ("%q"):format("a\nb\0c\"\\"), string.format("%5.2f|%-5d|%05d|%x|%X|%o", 3.14159, 42, -42, 255, 255, 8))
print(string.format("%q", 1/3), string.format("%q", math.mininteger), string.format("%q", 1e300 * 10))
print(string.format("%g %g %g %g", 1e20, 0.1, 100, 2^53))
print(string.format("%10.3s|%-10s|%c%c", "abcdef", "hi", 72, 105))
print(string.format("%a", 1.0), string.format("%.3a", 0.1))
print(string.format("%i", 3.0), pcall(string.format, "%d", 3.5))
print(("x"):rep(3, ","), ("ab"):rep(0), ("ab"):rep(-1))
print(string.byte("hello", -3, -1), string.char(104, 105))
print(("hello world"):find("o w"), ("hello world"):find("o", 6), ("a.b"):find(".", 1, true))
print(("hello"):sub(2), ("hello"):sub(-3, -2), ("hello"):sub(0), ("hello"):sub(10), ("hello"):sub(3, 2))
print(string.gsub("hello world", "(%w+)", "<%1>"), string.gsub("abc", "", "-"))
print(string.gsub("$name is $age", "%$(%w+)", { name = "bob", age = 42 }))
print(string.gsub("abc", "%w", function(c) if c == "b" then return false end return c:upper() end))
print(pcall(string.gsub, "abc", "(", "x"))
print(pcall(string.rep))
print(("%d items"):format(3), #"\u{10FFFF}", utf8 and utf8.char(72, 228, 8364))
print(string.match("2024-01-15T10:30:00Z", "(%d+)-(%d+)-(%d+)T(%d+):(%d+)"))
print(string.match("  key: value", "()key()"), string.find("abc", "b", -10))
print(("test123abc"):match("^(%a+)(%d+)(%a+)$"))
print(string.format("%-20s%s", "name", "end"), string.format("%+d %+.1f", 5, 2.25))
print(tostring(1e15), tostring(1e16), tostring(-0.0), tostring(1/0), tostring(-1/0), 2^63, math.tointeger(2^53))
print(string.format("%.14g", 0.1 + 0.2), 0.1 + 0.2 == 0.3, 7 // 2, 7.0 // 2, -7 // 2, 7 % -3, -7 % 3, 7.5 % 2)
print(("%s %s %s"):format(nil, true, {} ~= nil))
-- CHECK: empty   ||
-- CHECK-NEXT: host    |web01.example.com|
-- CHECK-NEXT: port    |8080|
-- CHECK-NEXT: tags    |a,b,,c|
-- CHECK-NEXT: timeout |2.5|
-- CHECK-NEXT: 4	a;b;;c
-- CHECK-NEXT: x y	"a\
-- CHECK-NEXT: b\0c\"\\"	 3.14|42   |-0042|ff|FF|10
-- CHECK-NEXT: 0x1.5555555555555p-2	{{0x[0-9a-f]+}}	0x1.ddd4baa009303p+999
-- CHECK-NEXT: 1e+20 0.1 100 9.0072e+15
-- CHECK-NEXT:        abc|hi        |Hi
-- CHECK-NEXT: 0x1p+0	0x1.99ap-4
-- CHECK-NEXT: 3	false	bad argument #2 to 'string.format' (number has no integer representation)
-- CHECK-NEXT: x,x,x		
-- CHECK-NEXT: 108	hi
-- CHECK-NEXT: 5	8	2	2
-- CHECK-NEXT: ello	ll	hello		
-- CHECK-NEXT: <hello> <world>	-a-b-c-	4
-- CHECK-NEXT: bob is 42	2
-- CHECK-NEXT: AbC	3
-- CHECK-NEXT: true	xaxbxcx	4
-- CHECK-NEXT: false	bad argument #1 to 'string.rep' (string expected, got no value)
-- CHECK-NEXT: 3 items	4	Hä€
-- CHECK-NEXT: 2024	01	15	10	30
-- CHECK-NEXT: 3	2	2
-- CHECK-NEXT: test	123	abc
-- CHECK-NEXT: name                end	+5 +2.2
-- CHECK-NEXT: 1e+15	1e+16	-0.0	inf	-inf	9.2233720368548e+18	9007199254740992
-- CHECK-NEXT: 0.3	false	3	3.0	-4	-2	2	1.5
-- CHECK-NEXT: nil true true
