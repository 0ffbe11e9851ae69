// yaml-cpp, whose static initializers (its token names, ...) run on first use: call
// initializeYaml() before parsing or emitting YAML (include/sloth/DeferredInitializers.h).
#pragma once

#include "sloth/DeferredInitializers.h"

#include <mutex>

SLOTH_DEFERRED_INITIALIZERS(sloth_deferred_yaml);

namespace sloth {

inline void initializeYaml() {
  static std::once_flag once;
  std::call_once(once,
                 [] { runInitializers(__start_sloth_deferred_yaml, __stop_sloth_deferred_yaml); });
}

} // namespace sloth
