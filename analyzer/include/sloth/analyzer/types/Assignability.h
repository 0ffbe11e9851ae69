// Whether a value of one type may be used where another is expected.
//
// isAssignable is sound for errors: `false` means a value of `from` can never be a valid `to` (a
// literal outside its literal union, a table where a string is required, nil where nil is not
// allowed, a field an exact class does not have). Whenever a value of `from` might still work —
// `number` to `integer`, `string` to `"present"|"latest"`, `table` to a class, an unresolved
// name, and Lua's own coercions (a number where a string is expected, a numeric string where a
// number is) — the answer is `true`, so the checker can turn `false` into an error without false
// positives.
//
// isStrictlyAssignable reads the annotations to the letter, as lua-language-server does (no
// coercions). Assignable but not strictly: the code works through a coercion — a warning.
#pragma once

#include "sloth/analyzer/types/Type.h"

namespace sloth::types {

bool isAssignable(TypeRef from, TypeRef to);
bool isStrictlyAssignable(TypeRef from, TypeRef to);

} // namespace sloth::types
