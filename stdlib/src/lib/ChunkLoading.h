#pragma once
// Loading chunks through the State's ChunkLoader (luaL_loadbufferx / luaL_loadfilex).

#include "sloth/vm/State.h"

#include <string_view>

namespace sloth::stdlib::lib {

/// Loads `chunk` named `chunkName` (Lua's chunk name: "=name", "@file" or the source itself) if
/// `mode` ("b", "t", "bt") allows its kind. Pushes the function and returns Ok, or pushes the
/// error message and returns ErrSyntax.
vm::Status loadBuffer(vm::Thread& L, std::string_view chunk, std::string_view chunkName,
                      std::string_view mode);

/// Loads the file `filename` (stdin when null), skipping a UTF-8 BOM and a first line starting
/// with '#'. Like loadBuffer; a file that cannot be read pushes "cannot open NAME: reason".
vm::Status loadFile(vm::Thread& L, const char* filename, std::string_view mode);

} // namespace sloth::stdlib::lib
