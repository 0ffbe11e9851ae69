#pragma once
// The `reliability` module (stdlib/defs/reliability.lua, docs/modules/reliability.md): retry with
// backoff, circuit breakers (kept per name in the run and in the state database across runs) and
// timeouts, all waiting on the run's event loop.

#include "sloth/vm/State.h"

namespace sloth::stdlib {

/// Sets the global `reliability` (and package.loaded.reliability).
void openReliability(vm::Thread& L);

} // namespace sloth::stdlib
