#pragma once
// Waiting a while without blocking the run: the calling coroutine is suspended on an event-loop
// timer (design §5), so other tasks and goroutines keep running meanwhile.

#include "sloth/vm/State.h"

namespace sloth::stdlib::runtime {

/// Suspends L's coroutine for `seconds` (<= 0: returns at once). Raises the cancellation reason
/// when L's task is cancelled meanwhile (a timeout, Ctrl-C); the timer is cancelled then.
void sleepFor(vm::Thread& L, double seconds);

} // namespace sloth::stdlib::runtime
