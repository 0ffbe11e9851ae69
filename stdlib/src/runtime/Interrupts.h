#pragma once
// Ctrl-C handling that works even while Lua code runs: the signal handler only does
// async-signal-safe things. It kills every child process group the run started; then, in a
// workflow run (graceful mode), the first signal is reported through a pipe that the event loop
// reads, and a second one exits at once with 128+signal; otherwise the default action follows.
// The event loop can't read the pipe while Lua code runs without waiting (`while true do end`),
// so the first signal also interrupts the VM, whose handler stops that code (luaStopPending).

#include <sys/types.h>

namespace sloth::vm {
class State;
}

namespace sloth::stdlib::runtime::interrupts {

/// Installs the SIGINT/SIGTERM handlers (once per process) and returns the pipe's read end.
int install();
/// Graceful mode: the first signal is only reported (the run then cancels its tasks cleanly).
void setGraceful(bool graceful);
void trackChild(pid_t pgid);
void untrackChild(pid_t pgid);
/// The signal that arrived (SIGINT or SIGTERM), 0 when none.
int lastSignal();
/// The VM a graceful-mode signal interrupts (null: none).
void setInterruptedVm(vm::State* state);
/// A graceful-mode signal arrived and the event loop has not handled it yet: Lua code running
/// now must stop. clearLuaStop() is called by the loop once it has handled the signal.
bool luaStopPending();
void clearLuaStop();

} // namespace sloth::stdlib::runtime::interrupts
