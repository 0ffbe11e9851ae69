-- RUN: %sloth run %s | FileCheck --match-full-lines %s
-- string.format: every conversion, flags, widths and precisions, %q, and format errors
print(string.format("%d %5d %-5d| %05d %+d %x %X %o %c", 42, 42, 42, 42, 42, 255, 255, 8, 65))
print(string.format("%f %.2f %10.3f %-10.1f| %e %.3E %g %g %g", 3.14159, 3.14159, 3.14159, 3.14159, 12345.678, 12345.678, 0.0001, 1e20, 100))
print(string.format("%a %A", 1.0, 0.5))
print(string.format("%s %10s %-10s| %.2s", "str", "right", "left", "truncate"))
print(string.format("%s %s %s %s", nil, true, 12, 1.5))
print(string.format("%q", 'a "quoted"\n\t\0 string\r\\'))
print(string.format("%q %q %q %q", 1, 1.5, math.mininteger, 1/0), string.format("%q", -1/0), string.format("%q", 0/0))
print(string.format("%q", 2^63), string.format("%q", 0.1))
print(string.format("%%"), string.format("%5.1s|", "abc"), string.format("%i", 7))
print(string.format("%d", 3.0), string.format("%x", -1), string.format("%.0f", 0.5), string.format("%.14g", 0.1))
print(string.format("%s", setmetatable({}, {__tostring = function() return "custom" end})))
print(string.format("%-3c|", 66), string.format("%.3d", 5), string.format("%#x %#o", 255, 8))
print(string.format("%5s|%-5s|", 1, 2.5), string.format("[%s]", "a\0b"):len())
print(pcall(string.format, "%d", 1.5))
print(pcall(string.format, "%d", "x"))
print(pcall(string.format, "%d"))
print(pcall(string.format, "%y", 1))
print(pcall(string.format, "%123d", 1))
print(pcall(string.format, "%.123f", 1))
print(pcall(string.format, "%", 1))
print(pcall(string.format, "%q", {}))
print(pcall(string.format, "%10q", "x"))
print(pcall(string.format, "%s"))
print(pcall(string.format, "%c", "a"))
print(pcall(string.format))
-- CHECK: 42    42 42   | 00042 +42 ff FF 10 A
-- CHECK-NEXT: 3.141590 3.14      3.142 3.1       | 1.234568e+04 1.235E+04 0.0001 1e+20 100
-- CHECK-NEXT: 0x1p+0 0X1P-1
-- CHECK-NEXT: str      right left      | tr
-- CHECK-NEXT: nil true 12 1.5
-- CHECK-NEXT: "a \"quoted\"\
-- CHECK-NEXT: \9\0 string\13\\"
-- CHECK-NEXT: 1 0x1.8p+0 0x8000000000000000 1e9999	-1e9999	(0/0)
-- CHECK-NEXT: 0x1p+63	0x1.999999999999ap-4
-- CHECK-NEXT: %	    a|	7
-- CHECK-NEXT: 3	ffffffffffffffff	0	0.1
-- CHECK-NEXT: custom
-- CHECK-NEXT: B  |	005	0xff 010
-- CHECK-NEXT:     1|2.5  |	5
-- CHECK-NEXT: false	bad argument #2 to 'string.format' (number has no integer representation)
-- CHECK-NEXT: false	bad argument #2 to 'string.format' (number expected, got string)
-- CHECK-NEXT: false	bad argument #2 to 'string.format' (no value)
-- CHECK-NEXT: false	invalid conversion '%y' to 'format'
-- CHECK-NEXT: false	invalid conversion specification: '%123d'
-- CHECK-NEXT: false	invalid conversion specification: '%.123f'
-- CHECK-NEXT: false	invalid conversion '%' to 'format'
-- CHECK-NEXT: false	bad argument #2 to 'string.format' (value has no literal form)
-- CHECK-NEXT: false	specifier '%q' cannot have modifiers
-- CHECK-NEXT: false	bad argument #2 to 'string.format' (no value)
-- CHECK-NEXT: false	bad argument #2 to 'string.format' (number expected, got string)
-- CHECK-NEXT: false	bad argument #1 to 'string.format' (string expected, got no value)
