#pragma once
// The sloth modules (design §7): the task DSL (`task`, `workflow`), `exec`, `log`, `goroutine`,
// and the host modules (`file`, `data`, `state`, ...). Each is a global table and what
// `require("name")` returns.
//
// The modules that wait (processes, timers, concurrent functions) run on the State's event loop:
// create a runtime::Runtime for the State (sloth/stdlib/runtime/Runtime.h) before calling them.

#include "sloth/vm/State.h"

namespace sloth::stdlib {

/// Opens every sloth module into the State's globals and package.loaded. Open the standard
/// libraries first (openStandardLibraries), so package.loaded exists.
void openSlothModules(vm::State& state);

void openTask(vm::Thread& L);      // task(name): the task builder
void openWorkflow(vm::Thread& L);  // workflow.define
void openExec(vm::Thread& L);      // exec.command, exec.shell, exec.script
void openLog(vm::Thread& L);       // log.debug, log.info, log.warn, log.error
void openGoroutine(vm::Thread& L); // goroutine.parallel

} // namespace sloth::stdlib
