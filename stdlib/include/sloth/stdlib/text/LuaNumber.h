#pragma once
// Lua 5.4's conversions between numbers and strings, as the string library sees them
// (lobject.c l_str2int/l_str2d, lua_Number2str with LUAI_NUMFFORMAT "%.14g").

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace sloth::stdlib::text {

/// A Lua number: an integer or a float subtype.
using LuaNumber = std::variant<std::int64_t, double>;

/// Converts a numeral the way Lua coerces strings to numbers: surrounding whitespace allowed,
/// decimal or hex integers (hex wraps around), decimal overflow becomes a float, hex floats,
/// no "inf"/"nan". Returns nullopt when the string is not a numeral.
std::optional<LuaNumber> stringToNumber(std::string_view text);

/// tonumber(text, base) for a string (lbaselib.c l_str2int): optional sign, digits and letters
/// of `base` (2..36), surrounding whitespace; wraps around on overflow. nullopt is fail.
/// Argument error #2 "base out of range".
std::optional<std::int64_t> stringToIntegerInBase(std::string_view text, std::int64_t base);

/// tostring() of a float: "%.14g", plus ".0" when the result looks like an integer.
std::string floatToString(double value);

/// tostring() of an integer.
std::string integerToString(std::int64_t value);

/// Exact float-to-integer conversion (Lua's F2Ieq): nullopt when `value` is not integral or out
/// of the int64 range.
std::optional<std::int64_t> floatToInteger(double value);

} // namespace sloth::stdlib::text
