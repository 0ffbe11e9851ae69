-- RUN: %sloth run %s | FileCheck --match-full-lines %s
-- string.pack, string.unpack and string.packsize
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("<i4", 1)), hex(string.pack(">i4", 1)), hex(string.pack("<i2 i2", 1, -1)))
print(hex(string.pack("b B h H", -1, 255, -2, 65535)))
print(hex(string.pack("<d", 1.5)), hex(string.pack("<f", -2)), hex(string.pack("<n j J", 0, -1, 1)))
print(hex(string.pack("z", "ab")), hex(string.pack("s1", "abc")), hex(string.pack("c5", "ab")))
print(hex(string.pack("!4 i1 i4", 1, 2)), hex(string.pack("<i3", -2)), hex(string.pack("<I16", 1)))
print(string.unpack("<i4", string.pack("<i4", -123456)))
print(string.unpack("z s2 c3", string.pack("z s2 c3", "hello", "world", "abc")))
print(string.unpack("<h h", "\1\0\2\0"), string.unpack("B", "\200"), string.unpack("b", "\200"))
print(string.unpack("<d", string.pack("<d", math.pi)), string.unpack(">I3", "\0\1\0"))
print(string.unpack("i1", "\1\2\3", 2), string.unpack("i1", "\1\2\3", -1))
print(string.packsize("i4 i8 d"), string.packsize("!8 i1 i8"), string.packsize("c10"), string.packsize(""))
print(pcall(string.pack, "i1", 200))
print(pcall(string.pack, "I1", -1))
print(pcall(string.pack, "i17", 1))
print(pcall(string.pack, "c2", "abc"))
print(pcall(string.pack, "z", "a\0b"))
print(pcall(string.pack, "d", "x"))
print(pcall(string.pack, "X", 1))
print(pcall(string.unpack, "i4", "\1\2"))
print(pcall(string.unpack, "i1", "\1", 5))
print(pcall(string.packsize, "s"))
print(pcall(string.packsize, "z"))
print(pcall(string.unpack, "<i9", string.rep("\255", 8) .. "\1"))
print(pcall(string.pack, "!3 i4", 1))
-- CHECK: 01000000	00000001	0100ffff
-- CHECK-NEXT: fffffeffffff
-- CHECK-NEXT: 000000000000f83f	000000c0	0000000000000000ffffffffffffffff0100000000000000
-- CHECK-NEXT: 616200	03616263	6162000000
-- CHECK-NEXT: 0100000002000000	feffff	01000000000000000000000000000000
-- CHECK-NEXT: -123456	5
-- CHECK-NEXT: hello	world	abc	17
-- CHECK-NEXT: 1	200	-56	2
-- CHECK-NEXT: 3.1415926535898	256	4
-- CHECK-NEXT: 2	3	4
-- CHECK-NEXT: 20	16	10	0
-- CHECK-NEXT: false	bad argument #2 to 'string.pack' (integer overflow)
-- CHECK-NEXT: false	bad argument #2 to 'string.pack' (unsigned overflow)
-- CHECK-NEXT: false	integral size (17) out of limits [1,16]
-- CHECK-NEXT: false	bad argument #2 to 'string.pack' (string longer than given size)
-- CHECK-NEXT: false	bad argument #2 to 'string.pack' (string contains zeros)
-- CHECK-NEXT: false	bad argument #2 to 'string.pack' (number expected, got string)
-- CHECK-NEXT: false	bad argument #1 to 'string.pack' (invalid next option for option 'X')
-- CHECK-NEXT: false	bad argument #2 to 'string.unpack' (data string too short)
-- CHECK-NEXT: false	bad argument #3 to 'string.unpack' (initial position out of string)
-- CHECK-NEXT: false	bad argument #1 to 'string.packsize' (variable-length format)
-- CHECK-NEXT: false	bad argument #1 to 'string.packsize' (variable-length format)
-- CHECK-NEXT: false	9-byte integer does not fit into Lua Integer
-- CHECK-NEXT: false	bad argument #1 to 'string.pack' (format asks for alignment not power of 2)
