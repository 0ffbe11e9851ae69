#pragma once
// Check mode (`--dry-run`): state-changing module functions work out whether they would change
// anything and report it with `changed`, but make no change. Read-only functions run for real.
// The flag lives in the State's registry, so every module of one run sees the same setting.

#include "sloth/vm/State.h"

namespace sloth::stdlib::modules {

inline constexpr const char* kCheckModeRegistryKey = "sloth.check_mode";

inline void setCheckMode(vm::State& state, bool enabled) {
  vm::Thread& L = state.main();
  L.pushBoolean(enabled);
  L.setField(vm::kRegistryIndex, kCheckModeRegistryKey);
}

inline bool checkMode(vm::Thread& L) {
  L.getField(vm::kRegistryIndex, kCheckModeRegistryKey);
  bool enabled = L.toBoolean(-1);
  L.pop();
  return enabled;
}

inline bool checkMode(vm::State& state) {
  return checkMode(state.main());
}

} // namespace sloth::stdlib::modules
