// Whether a value of one type may be used where another is expected.
//
// Sound for errors: `false` means a value of `from` can never be a valid `to` (a literal outside
// its literal union, a string where a table is required, nil where nil is not allowed, a field
// an exact class does not have). Whenever a value of `from` might still fit — `number` to
// `integer`, `string` to `"present"|"latest"`, `table` to a class, an unresolved name — the
// answer is `true`, so the checker can turn `false` into an error without false positives.
#pragma once

#include "sloth/analyzer/types/Type.h"

namespace sloth::types {

bool isAssignable(TypeRef from, TypeRef to);

} // namespace sloth::types
