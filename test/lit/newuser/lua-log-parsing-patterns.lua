-- Access-log parsing with patterns; string.format corner cases.
-- Expected output: lua5.4 (5.4.4) on the same file.
-- RUN: %sloth run %s 2>/dev/null | FileCheck --match-full-lines %s
-- log parsing with patterns: nginx access log, frontier, balanced, captures, gmatch anchors
local lines = {
  '10.0.0.1 - - [27/Nov/2026:01:02:03 +0000] "GET /api/v1/users?id=5 HTTP/1.1" 200 512 "-" "curl/8.0"',
  '10.0.0.2 - bob [27/Nov/2026:01:02:04 +0000] "POST /login HTTP/1.1" 401 0 "-" "Mozilla/5.0 (X11)"',
  'garbage line',
}
local pat = '^(%S+) %S+ (%S+) %[([^%]]+)%] "(%u+) (%S+) [^"]*" (%d%d%d) (%d+)'
local by_status = {}
for _, l in ipairs(lines) do
  local ip, user, ts, method, path, status, size = l:match(pat)
  if ip then
    by_status[status] = (by_status[status] or 0) + 1
    print(ip, user, ts, method, path:match("^[^?]*"), tonumber(status), math.type(tonumber(size)))
  else
    print("unparsed:", l)
  end
end
print(by_status["200"], by_status["401"])
print(("THE (quick) fox"):find("%f[%a]%a+%f[%A]"), ("THE (quick) fox"):match("%b()"))
print(("key = [[nested [x] ]] tail"):match("%[(%b[])%]"))
print(string.gsub("hello world from lua", "%f[%w]%w+", function(w) return w:sub(1, 1):upper() .. w:sub(2) end))
print(string.gsub("abc", ".", { a = 1, b = false }))
print(string.gsub("a,b,,c", ",", ";", 2))
print(string.find("a+b", "+", 1, true), string.find("a.b", "%."), string.match("  x", "^%s*()"))
print(pcall(string.match, "x", "%"), pcall(string.find, "x", "[a"), pcall(string.gsub, "x", "x", "%2"))
print(string.gsub("x = 1", "(%w+) = (%w+)", "%2 = %1 (%0) %%"))
for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do io.write(k, v, ";") end print()
for w in string.gmatch("one two", "()") do io.write(w, " ") end print()
print(string.rep("ab", 3, "-"), ("x"):rep(1, "sep"))
print(("%s"):rep(3, "|"):format(1, 2, 3))
print(pcall(string.format, "%-10q|", "hi"))
print(pcall(string.format, "%10q", "hi"))
print(string.format("[%5s][%-5s][%.2s]", "ab", "ab", "abcdef"), string.format("%%"), string.format("%c", 0):len())
print(string.format("%.3f %.0e %G %e", 1/3, 12345, 1e-10, 0))
print(string.format("%5.1s|", "xyz"), string.format("%x %X %#x %#o", 255, 255, 255, 8))
print(string.format("% d %+d %05.1f %-8.3e|", 42, -42, 3.14159, 1234.5))
print(string.format("%s %s", 1.5, 10 // 1), string.format("%d", -0))
print(#string.format("%099d", 7), pcall(string.format, "%100d", 7))
print(tostring(2^63 // 1), string.format("%.0f", 2^63), 2^63 == math.mininteger * -1.0)
print(("abc"):upper():lower():reverse():len(), ("ABC"):byte(10), select("#", ("ABC"):byte(10)))
print(("\0a\0"):len(), ("a\0b"):find("\0"), ("a\0b"):find("%z"))
print(string.format("%q", "\r\n\t\1\0011"))
print(("x"):format(), tostring(print):match("^builtin") or tostring(print):match("^function"))
local date = "2026-11-27"
local y, m, d = date:match("(%d+)-(%d+)-(%d+)")
print(os.time({ year = y, month = m, day = d, hour = 12 }) > 0, os.date("!%Y%m%d", os.time({year=2000,month=1,day=1,hour=12})))
print(pcall(os.time, { year = "x", month = 1, day = 1 }))
print(table.concat({ 1, 2, 3 }, ", ", 1, 0), pcall(table.concat, { 1 }, ",", 1, 2))
-- CHECK: 10.0.0.1	-	27/Nov/2026:01:02:03 +0000	GET	/api/v1/users	200	integer
-- CHECK-NEXT: 10.0.0.2	bob	27/Nov/2026:01:02:04 +0000	POST	/login	401	integer
-- CHECK-NEXT: unparsed:	garbage line
-- CHECK-NEXT: 1	1
-- CHECK-NEXT: 1	(quick)
-- CHECK-NEXT: [nested [x] ]
-- CHECK-NEXT: Hello World From Lua	4
-- CHECK-NEXT: 1bc	3
-- CHECK-NEXT: a;b;,c	2
-- CHECK-NEXT: 2	2	3
-- CHECK-NEXT: false	false	false	invalid capture index %2
-- CHECK-NEXT: 1 = x (x = 1) %	1
-- CHECK-NEXT: a1;b2;c3;
-- CHECK-NEXT: 1 2 3 4 5 6 7 8 
-- CHECK-NEXT: ab-ab-ab	x
-- CHECK-NEXT: 1|2|3
-- CHECK-NEXT: false	specifier '%q' cannot have modifiers
-- CHECK-NEXT: false	specifier '%q' cannot have modifiers
-- CHECK-NEXT: [   ab][ab   ][ab]	%	1
-- CHECK-NEXT: 0.333 1e+04 1E-10 0.000000e+00
-- CHECK-NEXT:     x|	ff FF 0xff 010
-- CHECK-NEXT:  42 -42 003.1 1.234e+03|
-- CHECK-NEXT: 1.5 10	0
-- CHECK-NEXT: 99	false	invalid conversion specification: '%100d'
-- CHECK-NEXT: 9.2233720368548e+18	9223372036854775808	true
-- CHECK-NEXT: 3	nil	0
-- CHECK-NEXT: 3	2	2	2
-- CHECK-NEXT: "\13\
-- CHECK-NEXT: \9\1\0011"
-- CHECK-NEXT: x	function
-- CHECK-NEXT: true	20000101
-- CHECK-NEXT: false	field 'year' is not an integer
-- CHECK-NEXT: 	false	invalid value (nil) at index 2 in table for 'concat'
