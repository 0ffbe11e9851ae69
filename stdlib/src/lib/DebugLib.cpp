// The part of the debug library (Lua 5.4 manual §6.10, ldblib.c) that scripts use outside
// debuggers: traceback (the usual xpcall handler) and raw metatable access.
#include "LibSupport.h"

#include "sloth/stdlib/Stdlib.h"

namespace sloth::stdlib {

using vm::Thread;
using vm::Type;

namespace {

int dbTraceback(Thread& L) {
  Thread* other = L.toThread(1);
  int arg = other != nullptr ? 1 : 0;
  Thread& target = other != nullptr ? *other : L;
  std::string_view msg;
  bool hasMessage = L.type(arg + 1) == Type::String || L.type(arg + 1) == Type::Number;
  if (!hasMessage && !L.isNoneOrNil(arg + 1)) {
    L.pushValue(arg + 1); // a non-string message is returned untouched
    return 1;
  }
  std::string message;
  if (hasMessage) {
    L.toStringView(arg + 1, msg);
    message = msg;
  }
  auto level = static_cast<int>(L.optInteger(arg + 2, &target == &L ? 1 : 0));
  target.traceback(message, level);
  if (&target != &L)
    target.xmove(L, 1);
  return 1;
}

int dbGetMetatable(Thread& L) {
  L.checkAny(1);
  if (!L.getMetatable(1))
    L.pushNil();
  return 1;
}

int dbSetMetatable(Thread& L) {
  Type t = L.type(2);
  if (t != Type::Nil && t != Type::Table)
    L.typeError(2, "nil or table");
  L.setTop(2);
  L.setMetatable(1);
  return 1;
}

} // namespace

void openDebug(Thread& L) {
  lib::newLibrary(L, "debug",
                  {{"traceback", dbTraceback},
                   {"getmetatable", dbGetMetatable},
                   {"setmetatable", dbSetMetatable}});
  L.pop();
}

} // namespace sloth::stdlib
