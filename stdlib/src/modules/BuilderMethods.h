#pragma once
// The method table of a DSL builder (task(...), workflow.define(...)) as its metatable's
// __index, so that a misspelt method names itself and the builder's methods
// ("TaskBuilder has no method 'descripton' (its methods: abort_if, build, ...)") instead of Lua's
// "attempt to call a nil value (method 'descripton')".

#include "sloth/vm/State.h"

#include <string>

namespace sloth::stdlib::modules {

/// Pops the methods table on top of the stack and sets, on the metatable at `metatable`, an
/// __index that returns those methods and raises for any other key. `builder` names it in the
/// message; it must have static storage.
void setBuilderMethods(vm::Thread& L, int metatable, const char* builder);

/// "file:line" of the Lua code that called the running native: where a task or a workflow is
/// defined, for messages about it (the `defined_at` of both).
std::string definitionSite(vm::Thread& L);

} // namespace sloth::stdlib::modules
