#pragma once
// The `template` module (stdlib/defs/template.lua, docs/modules/template.md): render a Jinja2-style
// template file to a destination, idempotently and honouring check mode.

#include "sloth/vm/State.h"

namespace sloth::stdlib {

/// Sets the global `template` (and package.loaded.template).
void openTemplate(vm::Thread& L);

} // namespace sloth::stdlib
