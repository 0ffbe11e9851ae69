#pragma once
// Stored values as bytes that round-trip exactly: booleans, integers and floats (kept apart, 1.0
// stays a float), strings of any bytes, and tables of those (any storable keys, nested). Table
// entries are sorted by their encoded key, so equal values always encode to equal bytes and
// "did it change" is a byte comparison.

#include "sloth/vm/State.h"

#include <string>
#include <string_view>

namespace sloth::stdlib::modules {

/// The encoding of the value at `index`; throws StateError naming `key` and the place of a
/// function, userdata, thread, nil or a table that contains itself.
std::string encodeStateValue(vm::Thread& L, int index, std::string_view key);

/// Pushes the value `bytes` encodes; throws StateError when they are not an encoding.
void pushStateValue(vm::Thread& L, std::string_view bytes, std::string_view key);

} // namespace sloth::stdlib::modules
