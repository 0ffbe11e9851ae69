#include "sloth/stdlib/text/LuaNumber.h"

#include "sloth/stdlib/text/CharClass.h"
#include "sloth/stdlib/text/LibError.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace sloth::stdlib::text {
namespace {

// C-locale classification, independent of whatever setlocale() the process did.
bool isSpace(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}
bool isDigit(char c) {
  return c >= '0' && c <= '9';
}
int hexValue(char c) {
  if (isDigit(c))
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

std::optional<std::int64_t> stringToInteger(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && isSpace(s[i]))
    i++;
  bool negative = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
    negative = s[i] == '-';
    i++;
  }
  std::uint64_t value = 0;
  bool empty = true;
  if (i + 1 < s.size() && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
    i += 2;
    for (; i < s.size() && hexValue(s[i]) >= 0; i++) {
      value = value * 16 + static_cast<std::uint64_t>(hexValue(s[i])); // wraps, as in Lua
      empty = false;
    }
  } else {
    constexpr std::uint64_t maxBy10 = static_cast<std::uint64_t>(INT64_MAX) / 10;
    constexpr std::uint64_t maxLastDigit = static_cast<std::uint64_t>(INT64_MAX) % 10;
    for (; i < s.size() && isDigit(s[i]); i++) {
      auto digit = static_cast<std::uint64_t>(s[i] - '0');
      if (value >= maxBy10 && (value > maxBy10 || digit > maxLastDigit + (negative ? 1 : 0)))
        return std::nullopt; // overflow: Lua reads it as a float instead
      value = value * 10 + digit;
      empty = false;
    }
  }
  while (i < s.size() && isSpace(s[i]))
    i++;
  if (empty || i != s.size())
    return std::nullopt;
  return static_cast<std::int64_t>(negative ? 0 - value : value);
}

std::optional<double> stringToFloat(std::string_view s) {
  // Lua rejects 'inf' and 'nan' by refusing any 'n'; strtod does the rest (C locale).
  if (s.find_first_of("nN") != std::string_view::npos)
    return std::nullopt;
  std::string copy(s);
  if (std::strlen(copy.c_str()) != copy.size())
    return std::nullopt; // embedded zero
  char* end = nullptr;
  double value = std::strtod(copy.c_str(), &end);
  if (end == copy.c_str())
    return std::nullopt;
  while (*end != '\0' && isSpace(*end))
    end++;
  if (*end != '\0')
    return std::nullopt;
  return value;
}

} // namespace

std::optional<LuaNumber> stringToNumber(std::string_view text) {
  if (auto integer = stringToInteger(text))
    return LuaNumber{*integer};
  if (auto real = stringToFloat(text))
    return LuaNumber{*real};
  return std::nullopt;
}

std::optional<std::int64_t> stringToIntegerInBase(std::string_view text, std::int64_t base) {
  if (base < 2 || base > 36)
    throw LibError("base out of range", 2);
  // A Lua string passed to C: the numeral ends at a zero byte, which then fails the end check.
  std::size_t i = 0;
  while (i < text.size() && isSpace(text[i]))
    i++;
  bool negative = false;
  if (i < text.size() && text[i] == '-') {
    negative = true;
    i++;
  } else if (i < text.size() && text[i] == '+') {
    i++;
  }
  if (i >= text.size() || !isAsciiAlnum(static_cast<unsigned char>(text[i])))
    return std::nullopt; // no digit
  std::uint64_t value = 0;
  do {
    auto c = static_cast<unsigned char>(text[i]);
    int digit = isAsciiDigit(c) ? c - '0' : toAsciiLower(c) - 'a' + 10;
    if (digit >= base)
      return std::nullopt;
    value = value * static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(digit);
    i++;
  } while (i < text.size() && isAsciiAlnum(static_cast<unsigned char>(text[i])));
  while (i < text.size() && isSpace(text[i]))
    i++;
  if (i != text.size())
    return std::nullopt;
  return static_cast<std::int64_t>(negative ? 0 - value : value);
}

std::string floatToString(double value) {
  char buffer[64];
  int length = std::snprintf(buffer, sizeof buffer, "%.14g", value);
  std::string text(buffer, static_cast<std::size_t>(length));
  if (text.find_first_not_of("-0123456789") == std::string::npos)
    text += ".0"; // looks like an int: mark it as a float
  return text;
}

std::string integerToString(std::int64_t value) {
  return std::to_string(value);
}

std::optional<std::int64_t> floatToInteger(double value) {
  // Range check as in lua_numbertointeger: [-2^63, 2^63).
  if (!(value >= -9223372036854775808.0 && value < 9223372036854775808.0))
    return std::nullopt;
  if (std::floor(value) != value)
    return std::nullopt;
  return static_cast<std::int64_t>(value);
}

} // namespace sloth::stdlib::text
