#pragma once
// What the data converters throw: the cause, with the place in the input ("line 3, column 7: ...")
// or in the value ("at servers[2].port: ..."). The Lua binding prefixes the function's name.

#include <stdexcept>

namespace sloth::stdlib::modules {

struct DataError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

} // namespace sloth::stdlib::modules
