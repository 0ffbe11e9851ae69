#pragma once
// The `infra_test` module (stdlib/defs/infra_test.lua, docs/modules/infra_test.md): checks of
// ports, HTTP endpoints, commands and files that raise an error saying what was expected and
// what was found. Network checks and commands wait on the run's event loop.

#include "sloth/vm/State.h"

namespace sloth::stdlib {

/// Sets the global `infra_test` (and package.loaded.infra_test).
void openInfraTest(vm::Thread& L);

} // namespace sloth::stdlib
