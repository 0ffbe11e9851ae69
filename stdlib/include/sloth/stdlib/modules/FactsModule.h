#pragma once
// The `facts` module (stdlib/defs/facts.lua, docs/modules/facts.md): the host's operating system,
// kernel, processors, memory, file systems and network, read afresh on each call.

#include "sloth/vm/State.h"

namespace sloth::stdlib {

/// Sets the global `facts` (and package.loaded.facts).
void openFacts(vm::Thread& L);

} // namespace sloth::stdlib
