#pragma once
// The argument values the text engines accept, and Lua's luaL_check* conversions on them.

#include "sloth/stdlib/text/LuaNumber.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <variant>

namespace sloth::stdlib::text {

/// A value that is not nil, boolean, number or string (table, function, userdata, thread).
struct OtherValue {
  /// The name Lua's errors use for its type ("table", or the __name of its metatable).
  std::string_view typeName;
  /// tostring() of the value (honouring __tostring); called only when a string is needed. May
  /// throw LibError.
  std::function<std::string()> toString;
  /// What `%p` prints (lua_topointer); nullptr prints "(null)".
  const void* identity = nullptr;
};

/// One Lua argument: nil, boolean, integer, float, string or another value.
using LibValue =
    std::variant<std::monostate, bool, std::int64_t, double, std::string_view, OtherValue>;

/// Lua's type name of `value` ("nil", "boolean", "number", "string", or OtherValue::typeName).
std::string luaTypeName(const LibValue& value);

/// luaL_checknumber: a number, or a string convertible to one. `value` null means the argument is
/// absent ("no value"). Throws the argument error "number expected, got T".
LuaNumber checkNumber(const LibValue* value, int argument);
double checkFloat(const LibValue* value, int argument);
/// luaL_checkinteger: also "number has no integer representation" for 1.5 or "1.5".
std::int64_t checkInteger(const LibValue* value, int argument);
/// luaL_checklstring: a string, or a number converted as tostring does.
std::string checkString(const LibValue* value, int argument);

/// luaL_tolstring for every kind ("nil", "true", "42", "1.0", the string, OtherValue::toString).
std::string luaToString(const LibValue& value);

} // namespace sloth::stdlib::text
