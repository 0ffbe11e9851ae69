#pragma once
// JSON to Lua values and back, through nlohmann::json. Integers stay integers and floats floats
// both ways; null decodes to data.null; sequences and parsed arrays encode as arrays, other
// tables (the empty table included) as objects with sorted keys.

#include "sloth/vm/State.h"

#include <string>
#include <string_view>

namespace sloth::stdlib::modules {

/// Pushes the value of the JSON text; throws DataError "line L, column C: ...".
void pushParsedJson(vm::Thread& L, std::string_view text);

/// The JSON text of the value at `index`, compact or (`pretty`) indented by two spaces; throws
/// DataError naming the offending key.
std::string encodeJson(vm::Thread& L, int index, bool pretty);

} // namespace sloth::stdlib::modules
