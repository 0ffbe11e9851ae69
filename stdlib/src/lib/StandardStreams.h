#pragma once
// The io library's writes to the process's stdout and stderr (io.write, io.stdout:write,
// io.stderr:write) can be taken over: while a workflow runs, what a task writes goes to the run's
// view with the task's name, as its print() and its commands' output do (runtime/TaskOutput.h).

#include "sloth/vm/State.h"

#include <cstdio>
#include <string_view>

namespace sloth::stdlib::lib {

/// Takes `text` written to `stream` (1 stdout, 2 stderr) by Lua code running on L; returns false
/// to let the io library write it as usual (code outside a task).
using StandardStreamHook = bool (*)(vm::Thread& L, int stream, std::string_view text,
                                    void* context);

/// Sets the process's one hook (nullptr removes it).
void setStandardStreamHook(StandardStreamHook hook, void* context);

/// The io library's check before it writes to `f`: true when the hook took the text.
bool divertedToHook(vm::Thread& L, std::FILE* f, std::string_view text);

/// Whether a write to `f` would be offered to the hook (it is one of the two streams and a hook is
/// set): the io library then gathers the values of one call into one text.
bool mayDivert(std::FILE* f);

} // namespace sloth::stdlib::lib
