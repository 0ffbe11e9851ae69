#pragma once
// The `state` module (stdlib/defs/state.lua, docs/modules/state.md): typed values kept between
// runs in SQLite ($SLOTH_HOME/state.db, default ~/.local/state/sloth/state.db, WAL mode).

#include "sloth/vm/State.h"

namespace sloth::stdlib {

/// Sets the global `state` (and package.loaded.state). The database is opened on first use.
void openState(vm::Thread& L);

} // namespace sloth::stdlib
