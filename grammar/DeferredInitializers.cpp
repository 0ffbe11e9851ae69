#include "DeferredInitializers.h"

#include <mutex>

// The bounds of the section, made by the linker; weak, so that a library built without the
// objcopy step (no such section) links and runs its initializers at start-up as usual.
extern "C" {
extern void (*const __start_sloth_deferred_init[])() __attribute__((weak));
extern void (*const __stop_sloth_deferred_init[])() __attribute__((weak));
}

namespace sloth::grammar {

void runDeferredInitializers() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (auto* init = __start_sloth_deferred_init; init != __stop_sloth_deferred_init; ++init)
      (*init)();
  });
}

} // namespace sloth::grammar
