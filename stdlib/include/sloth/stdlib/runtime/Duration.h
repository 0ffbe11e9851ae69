#pragma once
// Durations as scripts write them: seconds as a number, or number+unit parts: "90s", "5m",
// "1h30m", "500ms", "1.5h".

#include <optional>
#include <string_view>

namespace sloth::stdlib::runtime {

/// Seconds, or nullopt when the text is not a duration.
std::optional<double> parseDuration(std::string_view text);

} // namespace sloth::stdlib::runtime
