#pragma once
// TOML to Lua values through toml++: tables, arrays, strings, integers, floats and booleans keep
// their types; dates and times become their RFC 3339 text ("1979-05-27T07:32:00Z").

#include "sloth/vm/State.h"

#include <string_view>

namespace sloth::stdlib::modules {

/// Pushes the document's table; throws DataError "line L, column C: ...".
void pushParsedToml(vm::Thread& L, std::string_view text);

} // namespace sloth::stdlib::modules
