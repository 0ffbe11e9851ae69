-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}table-literal-brackets.lua:3:15: error: unexpected symbol near '[' (expected an expression); Lua table constructors use braces: {1, 2}, not [1, 2] [syntax-error]
local hosts = [1, 2]
