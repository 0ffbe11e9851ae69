#include "sloth/stdlib/text/OsDate.h"

#include "sloth/stdlib/text/LibError.h"

#include <climits>
#include <cstring>
#include <ctime>
#include <locale.h>

namespace sloth::stdlib::text {
namespace {

// LUA_STRFTIMEOPTIONS for C99: one-character options, then after "||" two-character ones.
constexpr std::string_view kOneCharOptions = "aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%";
constexpr std::string_view kTwoCharOptions = "EcECExEXEyEYOdOeOHOIOmOMOSOuOUOVOwOWOy";
constexpr std::size_t kMaxItemSize = 250; // SIZETIMEFMT: a longer item is dropped, as in Lua

// The C locale, so a setlocale() elsewhere in the process cannot change day and month names.
locale_t cLocale() {
  static locale_t locale = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(nullptr));
  return locale;
}

// loslib.c checkoption: the length of the valid conversion at the start of `conv`.
std::size_t conversionLength(std::string_view conv) {
  if (!conv.empty() && kOneCharOptions.find(conv[0]) != std::string_view::npos)
    return 1;
  if (conv.size() >= 2)
    for (std::size_t i = 0; i < kTwoCharOptions.size(); i += 2)
      if (conv.substr(0, 2) == kTwoCharOptions.substr(i, 2))
        return 2;
  return 0;
}

DateFields fieldsOf(const std::tm& tm) {
  DateFields fields;
  fields.year = std::int64_t{tm.tm_year} + 1900;
  fields.month = std::int64_t{tm.tm_mon} + 1;
  fields.day = tm.tm_mday;
  fields.hour = tm.tm_hour;
  fields.min = tm.tm_min;
  fields.sec = tm.tm_sec;
  fields.yday = std::int64_t{tm.tm_yday} + 1;
  fields.wday = std::int64_t{tm.tm_wday} + 1;
  if (tm.tm_isdst >= 0)
    fields.isdst = tm.tm_isdst != 0;
  return fields;
}

// loslib.c getfield: an integer field (floats and numeric strings with integral values count),
// `fallback` when absent (negative: required), stored minus `delta` in an int.
int readIntField(const DateTableReader& readField, const char* key, int fallback, int delta) {
  LibValue value = readField(key);
  std::optional<std::int64_t> integer;
  if (const auto* i = std::get_if<std::int64_t>(&value)) {
    integer = *i;
  } else if (const auto* d = std::get_if<double>(&value)) {
    integer = floatToInteger(*d);
  } else if (const auto* s = std::get_if<std::string_view>(&value)) {
    if (auto number = stringToNumber(*s)) {
      if (const auto* ni = std::get_if<std::int64_t>(&*number))
        integer = *ni;
      else
        integer = floatToInteger(std::get<double>(*number));
    }
  }
  std::string name = key;
  if (!integer) {
    if (value.index() != 0)
      throw LibError("field '" + name + "' is not an integer");
    if (fallback < 0)
      throw LibError("field '" + name + "' missing in date table");
    return fallback;
  }
  std::int64_t n = *integer;
  bool inRange = n >= 0
                     ? static_cast<std::uint64_t>(n) <= static_cast<std::uint64_t>(INT_MAX) + delta
                     : std::int64_t{INT_MIN} + delta <= n;
  if (!inRange)
    throw LibError("field '" + name + "' is out-of-bound");
  return static_cast<int>(n - delta);
}

} // namespace

std::variant<std::string, DateFields> osDate(std::string_view format, std::int64_t time) {
  auto t = static_cast<std::time_t>(time);
  std::tm tm{};
  bool utc = !format.empty() && format.front() == '!';
  if (utc)
    format.remove_prefix(1);
  if ((utc ? gmtime_r(&t, &tm) : localtime_r(&t, &tm)) == nullptr)
    throw LibError("date result cannot be represented in this installation");
  // Lua compares with strcmp, so "*t" followed by a zero byte also asks for a table.
  if (format.substr(0, format.find('\0')) == "*t")
    return fieldsOf(tm);

  std::string out;
  for (std::size_t i = 0; i < format.size();) {
    if (format[i] != '%') {
      out += format[i++];
      continue;
    }
    std::string_view conv = format.substr(++i);
    std::size_t length = conversionLength(conv);
    if (length == 0) // Lua quotes the rest of the format, up to a zero byte
      throw LibError("invalid conversion specifier '%" +
                         std::string(conv.substr(0, conv.find('\0'))) + "'",
                     1);
    std::string spec = "%" + std::string(conv.substr(0, length));
    char buffer[kMaxItemSize];
    out.append(buffer, strftime_l(buffer, sizeof buffer, spec.c_str(), &tm, cLocale()));
    i += length;
  }
  return out;
}

OsTimeResult osTime(const DateTableReader& readField) {
  std::tm tm{};
  tm.tm_year = readIntField(readField, "year", -1, 1900);
  tm.tm_mon = readIntField(readField, "month", -1, 1);
  tm.tm_mday = readIntField(readField, "day", -1, 0);
  tm.tm_hour = readIntField(readField, "hour", 12, 0);
  tm.tm_min = readIntField(readField, "min", 0, 0);
  tm.tm_sec = readIntField(readField, "sec", 0, 0);
  LibValue isdst = readField("isdst");
  // getboolfield: nil is "unknown" (-1); otherwise Lua truthiness.
  if (isdst.index() == 0)
    tm.tm_isdst = -1;
  else if (const auto* b = std::get_if<bool>(&isdst))
    tm.tm_isdst = *b ? 1 : 0;
  else
    tm.tm_isdst = 1;
  std::time_t t = mktime(&tm);
  OsTimeResult result{static_cast<std::int64_t>(t), fieldsOf(tm)};
  if (t == static_cast<std::time_t>(-1))
    throw LibError("time result cannot be represented in this installation");
  return result;
}

} // namespace sloth::stdlib::text
