// How a diagnostic names what a type accepts: `"present" or "latest"` for a literal union (as in
// `pkg.install: option 'state' must be "present" or "latest", got "lastest"`), `a string or a list
// of strings` is left to the checker; anything else is its LuaLS spelling.
#pragma once

#include "sloth/analyzer/types/Type.h"

#include <string>
#include <vector>

namespace sloth::types {

// The literal values a type allows, when it allows nothing else (nil included when optional);
// empty otherwise. Follows aliases.
std::vector<TypeRef> literalChoices(TypeRef type);

// `"present" or "latest"`, `1, 2 or 3`; the type's spelling when it is not a literal union.
std::string expectedText(TypeRef type);

} // namespace sloth::types
