// Static initializers that run on first use instead of before main.
//
// Some libraries construct objects in static initializers that most sloth processes never use:
// the ANTLR runtime and the generated parsers (a `sloth run` of a bundle never parses), yaml-cpp.
// Every process paid them before main, in instructions and in the pages they touch. The build
// links copies of those libraries in which a member's .init_array entries are moved to a section
// of their own (cmake/SlothDeferredInitializers.cmake; no source of theirs is edited), and the
// code that uses a library first calls the function that runs its section, once.
#pragma once

// Declares the linker-made bounds of `section`; weak, so that a build without the moved section
// links and finds it empty.
#define SLOTH_DEFERRED_INITIALIZERS(section)                                                       \
  extern "C" void (*const __start_##section[])() __attribute__((weak));                            \
  extern "C" void (*const __stop_##section[])() __attribute__((weak))

namespace sloth {

// Runs the initializers of a section, in link order (the order they had in .init_array).
inline void runInitializers(void (*const* begin)(), void (*const* end)()) {
  for (auto* init = begin; init != end; ++init)
    (*init)();
}

} // namespace sloth
