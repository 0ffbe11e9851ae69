#pragma once
// What every library binding shares: registering natives with the names Lua's messages use,
// turning the text engines' LibError into Lua errors, and lauxlib-style helpers the VM API does
// not have (checkOption, fileResult, ...).

#include "sloth/stdlib/text/LibError.h"
#include "sloth/stdlib/text/LibValue.h"
#include "sloth/vm/State.h"

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace sloth::stdlib::lib {

/// Raises `error` as a Lua error: an argument error `bad argument #N to 'f' (msg)` or a plain
/// error with the caller's position.
[[noreturn]] void raiseLibError(vm::Thread& L, const text::LibError& error);

/// A native that may call the text engines: their LibError becomes the Lua error Lua raises.
template <vm::NativeFn F> int withLibErrors(vm::Thread& L) {
  try {
    return F(L);
  } catch (const text::LibError& e) {
    raiseLibError(L, e);
  }
}

struct LibFunction {
  const char* name;
  vm::NativeFn fn;
};

/// Sets each function as a field of the table at `tableIndex`. `qualifier` ("string") names the
/// natives "string.rep" for messages when the call site gives no name, as Lua's
/// pushglobalfuncname does; an empty qualifier uses the bare name (base functions).
/// `ownNames`: argument errors name the natives "qualifier.name" wherever they are called from
/// (sloth's modules: "bad argument #2 to 'reliability.timeout'"); Lua's own libraries take the
/// call site's name, as lua5.4 does ("bad argument #1 to 'rep'").
void setFunctions(vm::Thread& L, int tableIndex, std::initializer_list<LibFunction> functions,
                  std::string_view qualifier, bool ownNames = false);

/// Creates a library table with `functions`, sets it as global `name` and as package.loaded[name]
/// (when the package library is open), and leaves it on the stack.
void newLibrary(vm::Thread& L, const char* name, std::initializer_list<LibFunction> functions);
/// newLibrary for a sloth module: its natives' argument errors say "module.function".
void newModule(vm::Thread& L, const char* name, std::initializer_list<LibFunction> functions);

/// A name with static storage for a native's messages.
const char* persistentName(std::string_view name);

/// The argument at `index` as the text engines take it (strings are views into the stack).
text::LibValue toLibValue(vm::Thread& L, int index);

/// The type name Lua's argument errors use (luaL_typeerror): __name, "light userdata", or the type.
std::string typeNameForError(vm::Thread& L, int index);

/// luaL_typename: the basic type name of the value at `index`.
inline const char* basicTypeName(vm::Thread& L, int index) {
  return vm::typeName(L.type(index));
}

/// luaL_checkoption: the index of the string argument in `options` (or of `def` when the argument
/// is absent); else the argument error "invalid option 'x'".
int checkOption(vm::Thread& L, int arg, const char* def,
                std::initializer_list<const char*> options);

/// luaL_fileresult: true, or fail plus "fname: strerror(errno)" (or just strerror) and errno.
int fileResult(vm::Thread& L, bool ok, const char* fname);
/// luaL_execresult for the status of system()/pclose().
int execResult(vm::Thread& L, int status);

/// luaL_len: #v honouring __len, which must be an integer ("object length is not an integer").
std::int64_t lengthOf(vm::Thread& L, int index);

/// An error value as a message for people: a string as it is; a table without __tostring as its
/// fields (`{code = 7, host = "db1"}`, sorted, scalars shown, nested tables as `{…}`), so that
/// `error({...})` does not read as "table: 0x55..."; anything else as tostring shows it. A field
/// whose key is named like a secret (Logger::isSecretKey) shows as `[redacted]`.
std::string errorValueText(vm::Thread& L, int index);

/// luaL_error: a plain error with the caller's position.
[[noreturn]] void raiseError(vm::Thread& L, std::string_view message);

/// luaL_checkstack: room for n more values, else "stack overflow (message)".
void ensureStack(vm::Thread& L, int n, std::string_view message);

} // namespace sloth::stdlib::lib
