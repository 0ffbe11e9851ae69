#pragma once
// The Lua 5.4 standard library (reference manual §6), bound natively to the VM.
//
// openStandardLibraries opens every library into a State's globals, as luaL_openlibs does:
// base (_G), package, coroutine, table, io, os, string, math, utf8, debug (traceback and raw
// metatables only), plus the Lua 5.1 aliases
// (unpack, loadstring, table.getn, math.pow, string.gfind) that scripts written for the original
// tool still use. Each library can also be opened alone; openBase first, since the others
// register themselves in package.loaded when the package library is open.

#include "sloth/vm/State.h"

#include <string_view>

namespace sloth::stdlib {

void openStandardLibraries(vm::State& state);

void openBase(vm::Thread& L);      // _G, _VERSION, print, pcall, load, ... (lbaselib.c)
void openPackage(vm::Thread& L);   // require, package.* (loadlib.c, Lua searchers only)
void openCoroutine(vm::Thread& L); // coroutine.* (lcorolib.c)
void openTable(vm::Thread& L);     // table.* (ltablib.c)
void openIo(vm::Thread& L);        // io.*, file methods (liolib.c)
void openOs(vm::Thread& L);        // os.* (loslib.c)
void openString(vm::Thread& L);    // string.* and the string metatable (lstrlib.c)
void openMath(vm::Thread& L);      // math.* (lmathlib.c)
void openUtf8(vm::Thread& L);      // utf8.* (lutf8lib.c)
void openDebug(vm::Thread& L);     // debug.traceback, getmetatable, setmetatable (ldblib.c)

/// Makes the table on top of the stack (popped) what `require(name)` returns, as luaL_requiref
/// does for a library that is already open: sets package.loaded[name]. Sloth modules call this
/// so `require("pkg")` returns the same table as the global `pkg`.
void registerLoadedModule(vm::Thread& L, std::string_view name);

} // namespace sloth::stdlib
