// Durations as scripts and task files write them: seconds as a number, or number+unit parts:
// "90s", "5m", "1h30m", "500ms", "1.5h", "2d". Header-only so that the runtime (the task
// builder) and the analyzer (YAML task files, checked before anything runs) read them alike.
#pragma once

#include <cctype>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace sloth {

/// The longest duration a timeout or a retry delay may be: a longer one overflows the event loop's
/// timer (a task "timed out after -9223372036854775808s" at once).
inline constexpr double kMaxDurationSeconds = 10 * 365 * 86400.0;

/// Seconds, or nullopt when the text is not a duration.
inline std::optional<double> parseDuration(std::string_view text) {
  if (text.empty())
    return std::nullopt;
  double total = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t start = i;
    while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.'))
      ++i;
    if (i == start)
      return std::nullopt;
    double amount = 0;
    std::string number(text.substr(start, i - start));
    try {
      std::size_t used = 0;
      amount = std::stod(number, &used);
      if (used != number.size())
        return std::nullopt;
    } catch (const std::exception&) {
      return std::nullopt;
    }
    std::size_t unitStart = i;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])))
      ++i;
    std::string_view unit = text.substr(unitStart, i - unitStart);
    if (unit.empty() && i == text.size() && start == 0)
      return amount; // "30": seconds
    if (unit == "ms")
      total += amount / 1000;
    else if (unit == "s")
      total += amount;
    else if (unit == "m")
      total += amount * 60;
    else if (unit == "h")
      total += amount * 3600;
    else if (unit == "d")
      total += amount * 86400;
    else
      return std::nullopt;
  }
  return total;
}

} // namespace sloth
