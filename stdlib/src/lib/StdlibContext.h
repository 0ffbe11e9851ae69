#pragma once
// Per-State settings of the standard library that Lua keeps in its global state.

#include "sloth/vm/State.h"

#include <cstdint>

namespace sloth::stdlib::lib {

struct StdlibContext {
  bool warningsOn = false;    // warn("@on") / warn("@off"); off by default, as in lua.c
  bool gcRunning = true;      // collectgarbage("stop") / ("restart") / ("isrunning")
  bool gcGenerational = true; // lua.c starts the collector in generational mode
  std::int64_t gcPause = 200; // reported back by the deprecated "setpause"/"setstepmul"
  std::int64_t gcStepMul = 100;
};

/// The context of L's State, created on first use (kept in the registry).
StdlibContext& context(vm::Thread& L);

/// Sets the first upvalue (a main chunk's _ENV) of the Lua function at `funcIndex` to the value at
/// `valueIndex`; natives and functions without upvalues are left alone (lua_setupvalue).
void setFirstUpvalue(vm::Thread& L, int funcIndex, int valueIndex);

} // namespace sloth::stdlib::lib
