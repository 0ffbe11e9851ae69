#include "sloth/stdlib/Modules.h"

namespace sloth::stdlib {

void openSlothModules(vm::State& state) {
  vm::Thread& L = state.main();
  openExec(L);
  openLog(L);
}

} // namespace sloth::stdlib
