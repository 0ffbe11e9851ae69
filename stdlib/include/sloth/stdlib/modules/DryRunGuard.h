#pragma once
// The dry run's safety net: no state-changing module function may act for real in `--dry-run`.
// The module signatures (stdlib/defs, embedded) say which functions change something
// (`---@effect write|exec|net`). Those known to honour check mode are wrapped so that a result
// with `changed = true` is recorded as a "would change" prediction; every other one is replaced,
// for this run, by a function that records "cannot dry-run" and raises without doing anything.

#include "sloth/vm/State.h"

#include <string>
#include <string_view>
#include <vector>

namespace sloth::stdlib::modules {

/// The functions the embedded signatures mark `---@effect write|exec|net` ("file.write", ...).
std::vector<std::string> stateChangingFunctions();

/// Whether the function handles a dry run itself: reports its would-be change (the file, state and
/// template functions) or that it would run (exec, os.execute). The others are refused.
bool supportsDryRun(std::string_view qualifiedName);

/// Installs the guards on the modules opened in `state` (after openSlothModules and attachDryRun).
void guardModulesForDryRun(vm::State& state);

} // namespace sloth::stdlib::modules
