#pragma once
// YAML to Lua values through yaml-cpp. Plain scalars are typed by the YAML 1.2 core schema (null,
// true/false, integers in decimal, 0o octal and 0x hex, floats with .inf/.nan); quoted scalars
// and `!!str` are strings. `yes`/`no`/`on`/`off` stay strings (they were booleans in YAML 1.1).

#include "sloth/vm/State.h"

#include <string>
#include <string_view>

namespace sloth::stdlib::modules {

/// Pushes the value of the first document; throws DataError "line L, column C: ...".
void pushParsedYaml(vm::Thread& L, std::string_view text);

/// The value at `index` as a YAML document in block style (keys sorted, strings quoted where a
/// YAML 1.1 or 1.2 reader would take them for something else); throws DataError naming the key.
std::string encodeYaml(vm::Thread& L, int index);

} // namespace sloth::stdlib::modules
