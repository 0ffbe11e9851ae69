-- RUN: %sloth run %s | FileCheck --match-full-lines %s
-- string.len/sub/byte/char/rep/upper/lower/reverse with Lua's position rules and errors
local s = "hello world"
print(#s, s:len(), string.len(""), string.len(123))
print(s:sub(1, 5), s:sub(-5), s:sub(7), s:sub(0), s:sub(5, 2), s:sub(-100, 3), s:sub(3, 100))
print(s:sub(math.mininteger, math.maxinteger), ("x"):sub(2), s:sub(-3, -2))
print(s:byte(), s:byte(-1), s:byte(1, 3), s:byte(100), s:byte(0))
print(string.char(), string.char(104, 105), pcall(string.char, 256), pcall(string.char, -1))
print(("ab"):rep(3), ("ab"):rep(3, "-"), ("ab"):rep(0), ("ab"):rep(-1), ("x"):rep(1, "sep"))
print(pcall(string.rep, "x", 1e10))
print(("MiXeD 123"):upper(), ("MiXeD 123"):lower(), ("abc"):reverse(), (""):reverse())
print(pcall(string.sub))
print(pcall(string.sub, "x", "a"))
print(pcall(string.sub, "x", 1.5))
print(pcall(string.byte, {}))
print(pcall(("x").rep))
print(pcall(function() return ("x"):rep() end))
print(pcall(function() local s = "x"; return s.bad() end))
print(("%d items"):format(3), ("abc"):find("b"), ("k=v"):match("(%w)=(%w)"))
print(string.format("%s|%s", 1, 1.0), 10 .. "", 1.5 .. "|" .. -0.0)
-- CHECK: 11	11	0	3
-- CHECK-NEXT: hello	world	world	hello world		hel	llo world
-- CHECK-NEXT: hello world		rl
-- CHECK-NEXT: 104	100	104	nil
-- CHECK-NEXT: 	hi	false	false	bad argument #1 to 'string.char' (value out of range)
-- CHECK-NEXT: ababab	ab-ab-ab			x
-- CHECK-NEXT: false	resulting string too large
-- CHECK-NEXT: MIXED 123	mixed 123	cba	
-- CHECK-NEXT: false	bad argument #1 to 'string.sub' (string expected, got no value)
-- CHECK-NEXT: false	bad argument #2 to 'string.sub' (number expected, got string)
-- CHECK-NEXT: false	bad argument #2 to 'string.sub' (number has no integer representation)
-- CHECK-NEXT: false	bad argument #1 to 'string.byte' (string expected, got table)
-- CHECK-NEXT: false	bad argument #1 to 'string.rep' (string expected, got no value)
-- CHECK-NEXT: false	{{.*}}string-basics.lua:17: bad argument #1 to 'rep' (number expected, got no value)
-- CHECK-NEXT: false	{{.*}}string-basics.lua:18: attempt to call a nil value (field 'bad')
-- CHECK-NEXT: 3 items	2	k	v
-- CHECK-NEXT: 1|1.0	10	1.5|-0.0
