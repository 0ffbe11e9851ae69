// The params a workflow's commands receive: `--values F.yaml` (nested maps and lists) and then
// each `--set key=value` on top (a dotted key sets a nested value: --set db.port=5433).
#pragma once

#include "sloth/vm/State.h"

#include <optional>
#include <string>
#include <vector>

namespace sloth::cli {

/// Pushes the params table, or returns the error (naming the file and line, or the --set).
std::optional<std::string> pushRunValues(vm::Thread& L, const std::string& valuesFile,
                                         const std::vector<std::string>& sets);

} // namespace sloth::cli
