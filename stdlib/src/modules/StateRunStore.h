#pragma once
// The run's state database: opened on the first call that needs it and kept in the State's
// registry until the State closes (which frees the locks the run still holds). Shared by the
// state module and the circuit breakers of reliability, which persist there.

#include "StateStore.h"

#include "sloth/vm/State.h"

namespace sloth::stdlib::modules {

/// The open store; raises "`function`: cannot open the state database ..." on failure.
StateStore& runStateStore(vm::Thread& L, const char* function);

} // namespace sloth::stdlib::modules
