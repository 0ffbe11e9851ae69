#pragma once
// TOML to Lua values through toml++: tables, arrays, strings, integers, floats and booleans keep
// their types; dates and times become their RFC 3339 text ("1979-05-27T07:32:00Z").

#include "sloth/vm/State.h"

#include <string>
#include <string_view>

namespace sloth::stdlib::modules {

/// Pushes the document's table; throws DataError "line L, column C: ...".
void pushParsedToml(vm::Thread& L, std::string_view text);

/// The table at `index` as a TOML document (keys sorted, sub-tables as [sections]); throws
/// DataError for what TOML cannot hold (data.null, a top-level array, functions, cycles).
std::string encodeToml(vm::Thread& L, int index);

} // namespace sloth::stdlib::modules
