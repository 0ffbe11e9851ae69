#pragma once
// The `data` module (stdlib/defs/data.lua, docs/modules/data.md): JSON, YAML and TOML to and from
// Lua values. Pure functions: no effect on the host, the same in check mode.

#include "sloth/vm/State.h"

namespace sloth::stdlib {

/// Sets the global `data` (and package.loaded.data).
void openData(vm::Thread& L);

} // namespace sloth::stdlib
