#pragma once
// Durations as scripts write them: seconds as a number, or number+unit parts: "90s", "5m",
// "1h30m", "500ms", "1.5h". The parser is shared with the analyzer (sloth/Duration.h).

#include "sloth/Duration.h"

namespace sloth::stdlib::runtime {

using sloth::parseDuration;

} // namespace sloth::stdlib::runtime
