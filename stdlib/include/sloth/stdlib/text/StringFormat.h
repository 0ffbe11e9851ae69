#pragma once
// string.format (Lua 5.4 manual §6.4, lstrlib.c str_format) on plain C++ values.
//
// Conversions are validated exactly as Lua 5.4 does (flags allowed per conversion, at most two
// digits of width and precision, "invalid format (too long)") and then rendered with the C
// library's snprintf in the C locale, as Lua does.

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

namespace sloth::stdlib::text {

/// A value that is not nil, boolean, number or string (table, function, userdata, thread).
struct FormatOther {
  /// The name Lua's errors use for its type ("table", or the __name of its metatable).
  std::string_view typeName;
  /// tostring() of the value (honouring __tostring); called only for `%s`. May throw LibError.
  std::function<std::string()> toString;
  /// What `%p` prints (lua_topointer); nullptr prints "(null)".
  const void* identity = nullptr;
};

/// One argument of string.format: nil, boolean, integer, float, string or another value.
using FormatArg =
    std::variant<std::monostate, bool, std::int64_t, double, std::string_view, FormatOther>;

/// string.format(format, args...). `args[0]` is Lua's argument #2.
/// Argument errors (LibError::argument() != 0): "no value", "number expected, got T",
/// "number has no integer representation", "value has no literal form", "string contains zeros".
/// Plain errors: "invalid format (too long)", "invalid conversion specification: '%...'",
/// "invalid conversion '%...' to 'format'", "specifier '%q' cannot have modifiers".
std::string stringFormat(std::string_view format, std::span<const FormatArg> args);

/// luaL_tolstring for the argument kinds above ("nil", "true", "42", "1.0", the string, ...).
std::string formatArgToString(const FormatArg& value);

} // namespace sloth::stdlib::text
