-- RUN: %slothc check %s 2>&1 | FileCheck %s
local ok = file.exists("/etc/app.conf") == "true"
-- CHECK: {{.*}}impossible-comparison.lua:2:41: warning: this compares a boolean with a string: '==' is always false (Lua never converts types for '==') [impossible-comparison]
local line = "+x"
if not line:sub(1, 1) == "+" then print(ok) end
-- CHECK: {{.*}}impossible-comparison.lua:5:23: warning: this compares a boolean with a string: '==' is always false (Lua never converts types for '==') [impossible-comparison]
if #line ~= "" then print(line) end
-- CHECK: {{.*}}impossible-comparison.lua:7:10: warning: this compares a number with a string: '~=' is always true (Lua never converts types for '==') [impossible-comparison]
