#pragma once
// The `file` module (stdlib/defs/file.lua, docs/modules/file.md): copy, create, remove, exists,
// chmod, chown, read, write on the local host, idempotent and honouring check mode.

#include "sloth/vm/State.h"

namespace sloth::stdlib {

/// Sets the global `file` (and package.loaded.file).
void openFile(vm::Thread& L);

} // namespace sloth::stdlib
