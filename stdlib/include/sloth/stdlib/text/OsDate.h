#pragma once
// os.date and os.time (Lua 5.4 manual §6.9, loslib.c) on plain C++ values: strftime conversions
// validated against Lua's C99 list, "*t" tables, and mktime normalisation of date tables.
//
// Formatting always uses the C locale (as lua5.4 does, since it never calls setlocale); the
// local time zone is the process's (TZ), as in Lua.

#include "sloth/stdlib/text/LibValue.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace sloth::stdlib::text {

/// The fields of os.date("*t") and of a table normalised by os.time.
struct DateFields {
  std::int64_t year = 0;
  std::int64_t month = 0; // 1-12
  std::int64_t day = 0;   // 1-31
  std::int64_t hour = 0;
  std::int64_t min = 0;
  std::int64_t sec = 0;
  std::int64_t yday = 0;     // 1-366
  std::int64_t wday = 0;     // 1-7, Sunday is 1
  std::optional<bool> isdst; // absent when the C library does not know

  bool operator==(const DateFields&) const = default;
};

/// os.date(format, time): a string, or DateFields for "*t" / "!*t". A leading '!' means UTC.
/// The binding passes time(nullptr) when the script gives no time.
/// Errors: argument #1 "invalid conversion specifier '%Ez...'" (the rest of the format is
/// quoted, as in Lua); plain "date result cannot be represented in this installation".
std::variant<std::string, DateFields> osDate(std::string_view format, std::int64_t time);

/// Reads one field of os.time's table argument (year, month, day, hour, min, sec, isdst); nil
/// when absent.
using DateTableReader = std::function<LibValue(std::string_view key)>;

struct OsTimeResult {
  std::int64_t time = 0;
  /// The fields after mktime normalisation; Lua writes them back into the table.
  DateFields normalized;
};

/// os.time(table). Plain errors, exactly as Lua: "field 'day' missing in date table",
/// "field 'day' is not an integer", "field 'day' is out-of-bound", "time result cannot be
/// represented in this installation".
OsTimeResult osTime(const DateTableReader& readField);

} // namespace sloth::stdlib::text
