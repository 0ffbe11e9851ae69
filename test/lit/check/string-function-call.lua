-- RUN: not %slothc check --format gcc %s 2>&1 | FileCheck %s --implicit-check-not=error:
-- A string's fields are the string library's: `s.upper(s)` works, calling any other is calling nil
-- (as `s:nosuch()` is), unless the file adds it to `string`.
local s = "web1,web2"
print(s.upper(s), s.len(s))
print(s.splitt(s, ","))
-- CHECK: string-function-call.lua:6:9: error: strings have no function 'splitt' [unknown-field]
print(s.trim(s))
function string.trim(x) return (x:gsub("^%s+", "")) end
