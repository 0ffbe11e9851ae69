#pragma once
// string.format (Lua 5.4 manual §6.4, lstrlib.c str_format) on plain C++ values.
//
// Conversions are validated exactly as Lua 5.4 does (flags allowed per conversion, at most two
// digits of width and precision, "invalid format (too long)") and then rendered with the C
// library's snprintf in the C locale, as Lua does.

#include "sloth/stdlib/text/LibValue.h"

#include <span>
#include <string>
#include <string_view>

namespace sloth::stdlib::text {

/// string.format's arguments: the engines' common value type.
using FormatArg = LibValue;
using FormatOther = OtherValue;

/// string.format(format, args...). `args[0]` is Lua's argument #2.
/// Argument errors (LibError::argument() != 0): "no value", "number expected, got T",
/// "number has no integer representation", "value has no literal form", "string contains zeros".
/// Plain errors: "invalid format (too long)", "invalid conversion specification: '%...'",
/// "invalid conversion '%...' to 'format'", "specifier '%q' cannot have modifiers".
std::string stringFormat(std::string_view format, std::span<const FormatArg> args);

} // namespace sloth::stdlib::text
