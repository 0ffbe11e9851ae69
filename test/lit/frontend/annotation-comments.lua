-- RUN: %slothc dump-ast %s | FileCheck %s
-- CHECK: (function "main chunk" (...)
-- CHECK-NEXT:   (comment "-@param name string") (comment "-@return boolean") (function-stat (global check) (function "check" (name)))
-- CHECK-NEXT:   (local (x) (values (int 1))))
---@param name string
---@return boolean
function check(name) end
-- plain comment
local x = 1
