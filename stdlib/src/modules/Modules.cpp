#include "sloth/stdlib/Modules.h"

namespace sloth::stdlib {

void openSlothModules(vm::State& state) {
  vm::Thread& L = state.main();
  openTask(L);
  openWorkflow(L);
  openExec(L);
  openLog(L);
  openGoroutine(L);
}

} // namespace sloth::stdlib
