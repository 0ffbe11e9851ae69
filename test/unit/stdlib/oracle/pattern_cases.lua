-- lua5.4 pattern_cases.lua > ../PatternCases.inc
package.path = (arg[0]:match("(.*/)") or "./") .. "?.lua;" .. package.path
local C = require("common")

local cases = {
  -- find: {subject, pattern, init, plain}
  {"find", "hello world", "o w"}, {"find", "hello world", "o", 6}, {"find", "hello", "l+"},
  {"find", "hello", "xyz"}, {"find", "hello", ""}, {"find", "hello", "", 10}, {"find", "hello", "", 6},
  {"find", "hello", "", 7}, {"find", "hello", "l", -2}, {"find", "hello", "h", -100},
  {"find", "hello", "h", 0}, {"find", "a.b", ".", 1, true}, {"find", "a.b", "%.", 1},
  {"find", "a+b", "+", 1, true}, {"find", "a+b", "a+b"}, {"find", "key = value", "(%w+)%s*=%s*(%w+)"},
  {"find", "abc", "()b()"}, {"find", "  x", "^%s*"}, {"find", "xyz", "^y"}, {"find", "xyz", "z$"},
  {"find", "xy$z", "y$z"}, {"find", "a)", "a)"}, {"find", "a\0b", "\0"}, {"find", "a\0b", "%z"},
  {"find", "a\0b", "[\0]"}, {"find", "abc", "[a-"}, {"find", "a-b", "[a-]", 2},
  {"find", "f(a(b)c)d", "%b()"}, {"find", "THE (quick) fox", "%f[%a]%a+", 5},
  {"find", "THE (quick) fox", "%f[%l]%a+"}, {"find", "hello", "%f[%z]"}, {"find", "x", "%f[^\0]"},
  {"find", "aaab", "a-b"}, {"find", "aaab", "a*"}, {"find", "aaab", "a?a?b"}, {"find", "", "a*"},
  {"find", "abcabc", "(abc)%1"}, {"find", "x=1, y=2", "(%a)=(%d)", 3},
  {"find", "hello", "l", 10}, {"find", "hello", "o", 5}, {"find", "]", "[]]"}, {"find", "^", "[%^]"},
  {"find", "a^", "[a^]+"}, {"find", "-", "[%-]"}, {"find", "b", "[^a]"}, {"find", "\255", "[\200-\255]"},
  {"find", "\200", "%a"}, {"find", "\200", "%A"}, {"find", "x\n", "%c"}, {"find", "a%b", "%%"},
  -- errors
  {"find", "abc", "%"}, {"find", "abc", "[a"}, {"find", "abc", "[]"}, {"find", "abc", "[^]"},
  {"find", "abc", "(()"}, {"find", "abc", "%b"}, {"find", "abc", "%ba"}, {"find", "abc", "%fa"},
  {"find", "abc", "(a)%2"}, {"find", "abc", "(a%1)"}, {"find", "abc", "%0"}, {"find", "abc", "a)"},
  {"find", "abc", "%a)"}, {"find", "a", string.rep("()", 33)}, {"find", "a", string.rep("()", 32)},
  {"find", string.rep("a", 300), string.rep("a?", 300)}, {"find", string.rep("a", 150), string.rep("a?", 150)},
  {"find", "abc", "[%"}, {"find", "abc", "(a"},
  -- match: {subject, pattern, init}
  {"match", "hello world", "%w+"}, {"match", "hello world", "(%w+) (%w+)"}, {"match", "2024-01-15", "(%d+)-(%d+)-(%d+)"},
  {"match", "  trim me  ", "^%s*(.-)%s*$"}, {"match", "key=val", "()=()"}, {"match", "abc", "b", -1},
  {"match", "abc", "b", -2}, {"match", "abc", "", 4}, {"match", "abc", "", 5}, {"match", "abc", "^(a)"},
  {"match", "abc", "^b"}, {"match", "[[x]]", "%[(%b[])%]"}, {"match", "THE (quick) fox", "%((%a+)%)"},
  {"match", "aXb", "%u"}, {"match", "a\tb", "%s"}, {"match", "a!b", "%p"}, {"match", "0x1F", "%x+$"},
  {"match", "hello", ".-"}, {"match", "hello", ".-$"}, {"match", "hello", "(h)(e)(l)(l)(o)"},
  {"match", "abab", "(ab)%1"}, {"match", "word1 word2", "%f[%w]%w+%f[%W]", 2},
  {"match", "foo.bar.baz", "^(.-)%.(.*)$"}, {"match", "/usr/local/bin", "([^/]+)$"},
  {"match", "a,b,,c", "([^,]*),([^,]*),([^,]*)"}, {"match", "café", "[\128-\255]+"},
  {"match", "%d", "%%d"}, {"match", "x", "[%a-z]"}, {"match", "-", "[%a-z]"}, {"match", "b", "[a-%z]"},
  {"match", "abc", "((a)(b))"}, {"match", "abc", "(a)(%1)"}, {"match", "aa", "(a)(%1)"},
  {"match", "a()", "()%1"},
  -- gmatch: {subject, pattern, init}
  {"gmatch", "one two  three", "%a+"}, {"gmatch", "k1=v1, k2=v2", "(%w+)=(%w+)"}, {"gmatch", "abc", ""},
  {"gmatch", "abc", "a*"}, {"gmatch", "a,b,,c", "([^,]*)"}, {"gmatch", "^a^a", "^a"},
  {"gmatch", "hello", "()l"}, {"gmatch", "hello world", "%a+", 3}, {"gmatch", "hello", ".", -2},
  {"gmatch", "hello", ".", 10},
  -- gsub: {subject, pattern, replacement, n}
  {"gsub", "hello world", "o", "0"}, {"gsub", "hello world", "(%w+)", "<%1>"}, {"gsub", "hello world", "%w+", "%0 %0", 1},
  {"gsub", "abc", "", "-"}, {"gsub", "abc", "b*", "-"}, {"gsub", "hello", "l", "L", 0}, {"gsub", "hello", "l", "L", -1},
  {"gsub", "hello", "^h", "H"}, {"gsub", "hello", "^l", "L"}, {"gsub", "abc", "%w", "%%"}, {"gsub", "abc", "(b)", "%2"},
  {"gsub", "abc", "b", "%1"}, {"gsub", "abc", "b", "%"}, {"gsub", "abc", "b", "%x"}, {"gsub", "abc", "()b", "%1"},
  {"gsub", "hello world", "(o)", "[%0%1]"}, {"gsub", "$x and $y", "%$(%w+)", "{%1}"},
  {"gsub", "a.b.c", ".", "x"}, {"gsub", "a.b.c", "%.", "/"}, {"gsub", "  x  ", "^%s+", ""},
  {"gsub", "abc", ".", "%0%0", 2}, {"gsub", "", "", "x"}, {"gsub", "abc", "$", "!"}, {"gsub", "abc", "^", "!"},
  {"gsub", "hello", "", "-", 3}, {"gsub", "a\0b", "%z", "0"}, {"gsub", "x", "x", "a%"},
}

local out = {}
for _, c in ipairs(cases) do
  local kind, s, p = c[1], c[2], c[3]
  local r
  if kind == "find" then
    r = C.results(pcall(string.find, s, p, c[4] or 1, c[5] or false))
  elseif kind == "match" then
    r = C.results(pcall(string.match, s, p, c[4] or 1))
  elseif kind == "gmatch" then
    local ok, e = pcall(function()
      local parts = {}
      for a, b in string.gmatch(s, p, c[4] or 1) do parts[#parts + 1] = C.results(true, a, b) end
      return table.concat(parts, ";")
    end)
    r = ok and e or ("error: " .. e)
  else
    r = C.results(pcall(string.gsub, s, p, c[4], c[5]))
  end
  local extra
  if kind == "find" then extra = string.format("%d, %s, \"\"", c[4] or 1, tostring(c[5] or false))
  elseif kind == "gsub" then extra = string.format("%d, false, %s", c[5] or -999, C.cpp(c[4]))
  else extra = string.format("%d, false, \"\"", c[4] or 1) end
  out[#out + 1] = string.format("{\"%s\", %s, %s, %s, %s},", kind, C.cpp(s), C.cpp(p), extra, C.cpp(r))
end
print("// Generated by oracle/pattern_cases.lua from lua5.4; do not edit by hand.")
print(table.concat(out, "\n"))
