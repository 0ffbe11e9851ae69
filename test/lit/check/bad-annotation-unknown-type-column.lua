-- RUN: %slothc check --format gcc %s 2>&1 | FileCheck %s
-- An unknown type in an annotation is reported at its own line and column (it was reported past
-- the end of the line, on the next one).
---@type xyz
local v = 1
print(v)
--- @type   strng
local w = "a"
print(w)
-- CHECK: bad-annotation-unknown-type-column.lua:4:10: warning: unknown type 'xyz' [bad-annotation]
-- CHECK: bad-annotation-unknown-type-column.lua:7:13: warning: unknown type 'strng'; did you mean 'string'? [bad-annotation]
