#pragma once
// string.dump and the binary half of load: functions as our bytecode (a one-function bundle,
// docs/bundle-format.md), read back through the bundle verifier.

#include "sloth/vm/State.h"

#include <string_view>

namespace sloth::stdlib::lib {

/// string.dump(f [, strip])
int strDump(vm::Thread& L);

/// Loads a binary chunk (string.dump's output, or a script bundle) given to load with Lua's
/// `chunkName`: pushes the function and returns Ok, or pushes "name: bad binary format (why)"
/// and returns ErrSyntax. Nothing that fails the verifier is ever run.
vm::Status loadBinaryChunk(vm::Thread& L, std::string_view chunk, std::string_view chunkName);

} // namespace sloth::stdlib::lib
