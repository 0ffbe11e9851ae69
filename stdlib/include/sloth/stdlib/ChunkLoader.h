#pragma once
// How load, loadstring, loadfile, dofile and require turn source text into a function.
//
// The standard library does not depend on the compiler (a bundle runs without it, design §2):
// the `sloth` tool installs a ChunkLoader that compiles source text. Binary chunks (string.dump's
// output) need no compiler: the standard library reads them through the bundle verifier.
// Without one, loading a chunk fails the way Lua reports a load failure (nil plus a message).

#include "sloth/vm/Proto.h"
#include "sloth/vm/State.h"

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace sloth::stdlib {

/// What a ChunkLoader produces: a main-chunk prototype, or (proto null) the error message exactly
/// as Lua would show it, e.g. `[string "x = "]:1: unexpected symbol near <eof>`.
struct LoadedChunk {
  std::shared_ptr<const vm::Proto> proto;
  std::string error;
};

/// Compiles `chunk`. `sourceName` is the name messages use for it (Lua's luaO_chunkid of the
/// chunk name: `deploy.lua`, `stdin`, `[string "print(1)"]`); the loader puts it in
/// Proto::source. Only text chunks reach it (binary ones start with '\x1b'); the load mode was
/// already checked by the caller.
using ChunkLoader = std::function<LoadedChunk(std::string_view chunk, std::string_view sourceName)>;

/// Installs (or, with an empty function, removes) the loader of `state`.
void setChunkLoader(vm::State& state, ChunkLoader loader);

/// Lua's luaO_chunkid: the name messages use for a chunk name given to load ("=name" and
/// "@file" name themselves; anything else is source text, shown as [string "first line..."]).
std::string chunkSourceName(std::string_view chunkName);

} // namespace sloth::stdlib
