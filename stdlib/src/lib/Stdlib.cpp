#include "sloth/stdlib/Stdlib.h"

namespace sloth::stdlib {

void openStandardLibraries(vm::State& state) {
  vm::Thread& L = state.main();
  // The order of luaL_openlibs.
  openBase(L);
  openPackage(L);
  openCoroutine(L);
  openTable(L);
  openIo(L);
  openOs(L);
  openString(L);
  openMath(L);
  openUtf8(L);
  openDebug(L);
}

} // namespace sloth::stdlib
