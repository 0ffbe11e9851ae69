#pragma once
// Reading a module function's options table (design §7): unknown keys and wrong types are errors
// that name the function and the key.

#include "sloth/vm/State.h"

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace sloth::stdlib::runtime {

/// Raises "`function`: unknown option 'k' (expected one of: a, b)" for a key outside `allowed`,
/// and "`function`: options must be a table" when the value at `index` is not a table or nil.
void checkOptionKeys(vm::Thread& L, int index, std::string_view function,
                     std::initializer_list<std::string_view> allowed);

/// The string field `key` of the table at `index`, nullopt when absent.
std::optional<std::string> stringOption(vm::Thread& L, int index, std::string_view key,
                                        std::string_view function);
/// The number field `key`, nullopt when absent.
std::optional<double> numberOption(vm::Thread& L, int index, std::string_view key,
                                   std::string_view function);

/// The value's type as messages name it ("string", "number", ...).
std::string_view luaTypeName(vm::Thread& L, int index);

} // namespace sloth::stdlib::runtime
