#pragma once
// What the state store and codec throw; the Lua binding prefixes the function's name.

#include <stdexcept>

namespace sloth::stdlib::modules {

struct StateError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

} // namespace sloth::stdlib::modules
