-- RUN: %sloth run %s | FileCheck --match-full-lines %s
-- string.gsub with string/table/function replacements, %0-%9, limits; string.gmatch
print(string.gsub("hello world", "o", "0"))
print(string.gsub("hello world", "(%w+)", "<%1>"))
print(string.gsub("hello world", "%w+", "%0 %0", 1))
print(string.gsub("abc", "", "-"))
print(string.gsub("hello", "l", {l = "L"}))
print(string.gsub("$name is $age", "%$(%w+)", {name = "Bob", age = 42}))
print(string.gsub("$x and $y", "%$(%w+)", {x = false}))
print(string.gsub("hello world", "%w+", function(w) return w:upper() end))
print(string.gsub("a b c", "%w", function() end))
print(string.gsub("abc", "(b)()", function(c, p) return c .. p end))
print(string.gsub("x = 1", "(%w+) = (%w+)", "%2 = %1"))
print(string.gsub("100%", "%%", " percent"))
print(string.gsub("abc", ".", "%%"))
print(string.gsub("hello", "", "x", 2))
print(string.gsub("hello", "l", "L", 0), string.gsub("hello", "l", "L", -1))
print(pcall(string.gsub, "abc", "b", "%2"))
print(pcall(string.gsub, "abc", "b", "%x"))
print(pcall(string.gsub, "abc", "b", function() return {} end))
print(pcall(string.gsub, "abc", "b"))
print(pcall(string.gsub, "abc", "b", 1.5))
for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do io.write(k, ":", v, " ") end
print()
for w in string.gmatch("one two  three", "%a+") do io.write("[", w, "]") end
print()
for p in string.gmatch("abc", "()") do io.write(p, " ") end
print()
for a in string.gmatch("hello", "^h") do io.write("anchor? ", a) end
print()
for w in string.gmatch("one two three", "%a+", 5) do io.write(w, ";") end
print()
local it = string.gmatch("ab", ".")
print(it(), it(), it(), it())
-- CHECK: hell0 w0rld	2
-- CHECK-NEXT: <hello> <world>	2
-- CHECK-NEXT: hello hello world	1
-- CHECK-NEXT: -a-b-c-	4
-- CHECK-NEXT: heLLo	2
-- CHECK-NEXT: Bob is 42	2
-- CHECK-NEXT: $x and $y	2
-- CHECK-NEXT: HELLO WORLD	2
-- CHECK-NEXT: a b c	3
-- CHECK-NEXT: ab3c	1
-- CHECK-NEXT: 1 = x	1
-- CHECK-NEXT: 100 percent	1
-- CHECK-NEXT: %%%	3
-- CHECK-NEXT: xhxello	2
-- CHECK-NEXT: hello	hello	0
-- CHECK-NEXT: false	invalid capture index %2
-- CHECK-NEXT: false	invalid use of '%' in replacement string
-- CHECK-NEXT: false	invalid replacement value (a table)
-- CHECK-NEXT: false	bad argument #3 to 'string.gsub' (string/function/table expected, got no value)
-- CHECK-NEXT: true	a1.5c	1
-- CHECK-NEXT: a:1 b:2 c:3 
-- CHECK-NEXT: [one][two][three]
-- CHECK-NEXT: 1 2 3 4 
-- CHECK-EMPTY:
-- CHECK-NEXT: two;three;
-- CHECK-NEXT: a	b	nil
