// The inputs of a plan: `--values F.yaml` (a YAML map) and `--set key=value` on top, read the same
// way `sloth run` reads them (YAML 1.2 core scalars; a dotted key sets a nested value).
#pragma once

#include "sloth/analyzer/plan/Plan.h"

#include <optional>
#include <string>
#include <vector>

namespace sloth::plan {

// The params Map, or nullopt with `error` naming the file and line or the --set.
std::optional<Data> loadInputs(const std::string& valuesFile, const std::vector<std::string>& sets,
                               std::string& error);

} // namespace sloth::plan
