// What a YAML scalar means under the YAML 1.2 core schema, shared by `params:` in YAML task files,
// by `--values` / `--set` and by data.yaml_parse, so `port: 8080` is the same integer in all:
// `true`/`false` are booleans, `~`/`null`/empty is null, `12`, `0x1F`, `0o17` integers, `1.5`,
// `1e3`, `.inf`, `.nan` floats, anything else (and every quoted scalar) a string.
#pragma once

#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace sloth::yaml {

// std::monostate is null.
using ScalarValue = std::variant<std::monostate, bool, std::int64_t, double, std::string>;

namespace detail {

inline bool allOf(std::string_view s, std::string_view chars) {
  return !s.empty() && s.find_first_not_of(chars) == std::string_view::npos;
}

constexpr std::string_view kDigits = "0123456789";

// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
inline bool isCoreFloat(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+'))
    s.remove_prefix(1);
  std::size_t exponent = s.find_first_of("eE");
  std::string_view mantissa = s.substr(0, exponent);
  std::size_t dot = mantissa.find('.');
  std::string_view whole = mantissa.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? "" : mantissa.substr(dot + 1);
  bool mantissaOk = (whole.empty() || allOf(whole, kDigits)) &&
                    (fraction.empty() || allOf(fraction, kDigits)) &&
                    (!whole.empty() || !fraction.empty());
  if (!mantissaOk)
    return false;
  if (exponent == std::string_view::npos)
    return true;
  std::string_view e = s.substr(exponent + 1);
  if (!e.empty() && (e[0] == '-' || e[0] == '+'))
    e.remove_prefix(1);
  return allOf(e, kDigits);
}

inline std::optional<std::int64_t> integer(std::string_view digits, int base, bool negative) {
  std::uint64_t magnitude = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), magnitude, base);
  if (ec != std::errc() || end != digits.data() + digits.size())
    return std::nullopt;
  constexpr auto max = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (magnitude > max + (negative ? 1 : 0))
    return std::nullopt;
  return negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
}

} // namespace detail

// `plain`: written without quotes (a quoted scalar is always a string). An integer beyond 64 bits
// is a float, as Lua reads such a literal.
inline ScalarValue resolveScalar(const std::string& text, bool plain) {
  if (!plain)
    return text;
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL")
    return std::monostate{};
  if (text == "true" || text == "True" || text == "TRUE")
    return true;
  if (text == "false" || text == "False" || text == "FALSE")
    return false;
  std::string_view s = text;
  bool negative = s[0] == '-';
  std::string_view unsigned_ = (s[0] == '-' || s[0] == '+') ? s.substr(1) : s;
  if (detail::allOf(unsigned_, detail::kDigits)) {
    if (auto i = detail::integer(unsigned_, 10, negative))
      return *i;
    return std::strtod(text.c_str(), nullptr); // beyond 64 bits
  }
  if (s.starts_with("0x") && detail::allOf(s.substr(2), "0123456789abcdefABCDEF"))
    if (auto i = detail::integer(s.substr(2), 16, false))
      return *i;
  if (s.starts_with("0o") && detail::allOf(s.substr(2), "01234567"))
    if (auto i = detail::integer(s.substr(2), 8, false))
      return *i;
  if (detail::isCoreFloat(s))
    return std::strtod(text.c_str(), nullptr);
  if (unsigned_ == ".inf" || unsigned_ == ".Inf" || unsigned_ == ".INF")
    return negative ? -std::numeric_limits<double>::infinity()
                    : std::numeric_limits<double>::infinity();
  if (s == ".nan" || s == ".NaN" || s == ".NAN")
    return std::numeric_limits<double>::quiet_NaN();
  return text;
}

} // namespace sloth::yaml
