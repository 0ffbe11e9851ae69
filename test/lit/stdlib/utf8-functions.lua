-- RUN: %sloth run %s | FileCheck --match-full-lines %s
-- utf8: char, charpattern, codes, codepoint, len, offset, with strict and lax decoding
print(utf8.char(72, 228, 8364, 128512), utf8.char(), #utf8.char(0x7FFFFFFF))
print(utf8.len("häll€"), utf8.len(""), utf8.len("abc", 2), utf8.len("abc", 4), utf8.len("häll€", -3))
print(utf8.len("\xff"), utf8.len("ab\x80cd"), utf8.len("\xed\xa0\x80"), utf8.len("\xed\xa0\x80", 1, -1, true))
print(utf8.codepoint("häll€", 1, -1))
print(utf8.codepoint("abc"), utf8.codepoint("abc", 3), pcall(utf8.codepoint, "abc", 4))
print(utf8.offset("häll€", 1), utf8.offset("häll€", 3), utf8.offset("häll€", -1), utf8.offset("häll€", 0, 3), utf8.offset("abc", 5))
for p, c in utf8.codes("aé€") do io.write(p, "=", c, " ") end
print()
for p, c in utf8.codes("\xed\xa0\x80", true) do io.write(p, "=", c, " ") end
print()
print(#utf8.charpattern, ("héllo"):match(utf8.charpattern, 2))
local n = 0
for _ in ("häll€"):gmatch(utf8.charpattern) do n = n + 1 end
print(n)
print(pcall(utf8.char, -1))
print(pcall(utf8.char, 0x80000000))
print(pcall(utf8.len, "abc", 5))
print(pcall(utf8.len, "abc", 1, 4))
print(pcall(utf8.codepoint, "\xff"))
print(pcall(utf8.codepoint, "abc", 0))
print(pcall(utf8.offset, "abc", 1, 5))
print(pcall(utf8.offset, "\xe4\xb8\xad", 1, 2))
print(pcall(function() for p, c in utf8.codes("a\xffb") do end end))
-- CHECK: Hä€😀		6
-- CHECK-NEXT: 5	0	2	0	1
-- CHECK-NEXT: nil	nil	nil	1
-- CHECK-NEXT: 104	228	108	108	8364
-- CHECK-NEXT: 97	99	false	bad argument #3 to 'utf8.codepoint' (out of bounds)
-- CHECK-NEXT: 1	4	6	2	nil
-- CHECK-NEXT: 1=97 2=233 4=8364 
-- CHECK-NEXT: 1=55296 
-- CHECK-NEXT: 14	é
-- CHECK-NEXT: 5
-- CHECK-NEXT: false	bad argument #1 to 'utf8.char' (value out of range)
-- CHECK-NEXT: false	bad argument #1 to 'utf8.char' (value out of range)
-- CHECK-NEXT: false	bad argument #2 to 'utf8.len' (initial position out of bounds)
-- CHECK-NEXT: false	bad argument #3 to 'utf8.len' (final position out of bounds)
-- CHECK-NEXT: false	invalid UTF-8 code
-- CHECK-NEXT: false	bad argument #2 to 'utf8.codepoint' (out of bounds)
-- CHECK-NEXT: false	bad argument #3 to 'utf8.offset' (position out of bounds)
-- CHECK-NEXT: false	initial position is a continuation byte
-- CHECK-NEXT: false	{{.*}}utf8-functions.lua:25: invalid UTF-8 code
