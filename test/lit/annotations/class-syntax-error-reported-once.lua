-- A `---@class` line that does not parse is reported once, and so are the unknown types of the
-- `---@field` lines under it (the block was read twice: once as a declaration, once as the
-- annotations of the statement below). Found by the annotation fuzzing of test/fuzz.
-- RUN: %slothc check --format gcc %s 2>&1 | FileCheck %s --implicit-check-not=bad-annotation
---@class G: G<G>
---@field v T
local g = {}
print(g)
-- CHECK: class-syntax-error-reported-once.lua:5:15: warning: unexpected '<' [bad-annotation]
-- CHECK-NEXT: class-syntax-error-reported-once.lua:6:5: warning: @field outside a @class [bad-annotation]
-- CHECK-NEXT: class-syntax-error-reported-once.lua:6:13: warning: unknown type 'T'{{.*}} [bad-annotation]
