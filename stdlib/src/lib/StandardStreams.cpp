#include "StandardStreams.h"

namespace sloth::stdlib::lib {

namespace {

struct Hook {
  StandardStreamHook function = nullptr;
  void* context = nullptr;
};

// One workflow runs at a time in a process; the hook is set and removed on its thread.
Hook gHook;

} // namespace

void setStandardStreamHook(StandardStreamHook hook, void* context) {
  gHook = {hook, context};
}

bool mayDivert(std::FILE* f) {
  return gHook.function != nullptr && (f == stdout || f == stderr);
}

bool divertedToHook(vm::Thread& L, std::FILE* f, std::string_view text) {
  if (!mayDivert(f))
    return false;
  return gHook.function(L, f == stdout ? 1 : 2, text, gHook.context);
}

} // namespace sloth::stdlib::lib
