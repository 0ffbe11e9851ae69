// The base library (Lua 5.4 manual §6.1, lbaselib.c).
#include "ChunkLoading.h"
#include "LibSupport.h"
#include "StdlibContext.h"

#include "sloth/stdlib/Stdlib.h"
#include "sloth/stdlib/text/LuaNumber.h"

#include <cstdio>
#include <string>

namespace sloth::stdlib {

using lib::raiseError;
using vm::Thread;
using vm::Type;

namespace {

int basePrint(Thread& L) {
  int n = L.top();
  for (int i = 1; i <= n; i++) {
    std::string_view s = L.toDisplayString(i);
    if (i > 1)
      std::fputc('\t', stdout);
    std::fwrite(s.data(), 1, s.size(), stdout);
    L.pop();
  }
  std::fputc('\n', stdout);
  std::fflush(stdout);
  return 0;
}

int baseWarn(Thread& L) {
  int n = L.top();
  L.checkString(1);
  for (int i = 2; i <= n; i++)
    L.checkString(i);
  std::string message;
  for (int i = 1; i <= n; i++) {
    std::string_view s;
    L.toStringView(i, s);
    message.append(s);
  }
  bool& enabled = lib::context(L).warningsOn;
  if (n == 1 && message.starts_with("@")) { // a control message
    if (message == "@on")
      enabled = true;
    else if (message == "@off")
      enabled = false;
    return 0;
  }
  if (enabled) {
    std::fflush(stdout);
    std::fprintf(stderr, "Lua warning: %s\n", message.c_str());
    std::fflush(stderr);
  }
  return 0;
}

int baseToNumber(Thread& L) {
  if (L.isNoneOrNil(2)) {
    if (L.type(1) == Type::Number) {
      L.setTop(1);
      return 1;
    }
    std::string_view s;
    if (L.type(1) == Type::String && L.toStringView(1, s)) {
      if (auto number = text::stringToNumber(s)) {
        if (const auto* i = std::get_if<std::int64_t>(&*number))
          L.pushInteger(*i);
        else
          L.pushNumber(std::get<double>(*number));
        return 1;
      }
    }
    L.checkAny(1);
  } else {
    std::int64_t base = L.checkInteger(2);
    L.checkType(1, Type::String);
    std::string_view s;
    L.toStringView(1, s);
    if (auto value = text::stringToIntegerInBase(s, base)) {
      L.pushInteger(*value);
      return 1;
    }
  }
  L.pushNil();
  return 1;
}

int baseError(Thread& L) {
  std::int64_t level = L.optInteger(2, 1);
  L.setTop(1);
  if (L.type(1) == Type::String && level > 0) {
    std::string message = L.where(static_cast<int>(level));
    std::string_view s;
    L.toStringView(1, s);
    message.append(s);
    L.pushString(message);
  }
  L.error();
}

int baseGetMetatable(Thread& L) {
  L.checkAny(1);
  if (!L.getMetatable(1)) {
    L.pushNil();
    return 1;
  }
  L.getMetafield(1, "__metatable");
  return 1; // the __metatable field if present, else the metatable itself
}

int baseSetMetatable(Thread& L) {
  Type t = L.type(2);
  L.checkType(1, Type::Table);
  if (t != Type::Nil && t != Type::Table)
    L.typeError(2, "nil or table");
  if (L.getMetafield(1, "__metatable") != Type::Nil)
    raiseError(L, "cannot change a protected metatable");
  L.setTop(2);
  L.setMetatable(1);
  return 1;
}

int baseRawEqual(Thread& L) {
  L.checkAny(1);
  L.checkAny(2);
  L.pushBoolean(L.rawEqual(1, 2));
  return 1;
}

int baseRawLen(Thread& L) {
  Type t = L.type(1);
  if (t != Type::Table && t != Type::String)
    L.typeError(1, "table or string");
  L.pushInteger(static_cast<std::int64_t>(L.rawLen(1)));
  return 1;
}

int baseRawGet(Thread& L) {
  L.checkType(1, Type::Table);
  L.checkAny(2);
  L.setTop(2);
  L.rawGet(1);
  return 1;
}

int baseRawSet(Thread& L) {
  L.checkType(1, Type::Table);
  L.checkAny(2);
  L.checkAny(3);
  L.setTop(3);
  L.rawSet(1);
  return 1;
}

int baseCollectGarbage(Thread& L) {
  int option = lib::checkOption(L, 1, "collect",
                                {"stop", "restart", "collect", "count", "step", "setpause",
                                 "setstepmul", "isrunning", "generational", "incremental"});
  lib::StdlibContext& ctx = lib::context(L);
  switch (option) {
  case 0: // stop
    L.state().stopGc(true);
    ctx.gcRunning = false;
    L.pushInteger(0);
    return 1;
  case 1: // restart
    L.state().stopGc(false);
    ctx.gcRunning = true;
    L.pushInteger(0);
    return 1;
  case 2: // collect
    L.state().collectGarbage();
    L.pushInteger(0);
    return 1;
  case 3: // count, in Kbytes
    L.pushNumber(static_cast<double>(L.state().memoryInUse()) / 1024.0);
    return 1;
  case 4: // step: the collector is stop-the-world, so any step finishes a cycle
    L.optInteger(2, 0);
    L.state().collectGarbage();
    L.pushBoolean(true);
    return 1;
  case 5: { // setpause
    std::int64_t previous = ctx.gcPause;
    ctx.gcPause = L.optInteger(2, 0);
    L.pushInteger(previous);
    return 1;
  }
  case 6: { // setstepmul
    std::int64_t previous = ctx.gcStepMul;
    ctx.gcStepMul = L.optInteger(2, 0);
    L.pushInteger(previous);
    return 1;
  }
  case 7: // isrunning
    L.pushBoolean(ctx.gcRunning);
    return 1;
  default: { // generational / incremental: accepted; the previous mode is reported
    const char* previous = ctx.gcGenerational ? "generational" : "incremental";
    ctx.gcGenerational = option == 8;
    L.pushString(previous);
    return 1;
  }
  }
}

int baseType(Thread& L) {
  Type t = L.type(1);
  if (t == Type::None)
    L.argError(1, "value expected");
  L.pushString(vm::typeName(t));
  return 1;
}

int baseNext(Thread& L) {
  L.checkType(1, Type::Table);
  L.setTop(2);
  if (L.next(1))
    return 2;
  L.pushNil();
  return 1;
}

int basePairs(Thread& L) {
  L.checkAny(1);
  if (L.getMetafield(1, "__pairs") == Type::Nil) {
    L.pushValue(vm::upvalueIndex(1)); // next
    L.pushValue(1);
    L.pushNil();
  } else {
    L.pushValue(1);
    L.call(1, 3);
  }
  return 3;
}

int ipairsStep(Thread& L) {
  std::int64_t i = L.checkInteger(2);
  i = static_cast<std::int64_t>(static_cast<std::uint64_t>(i) + 1u);
  L.pushInteger(i);
  return L.getI(1, i) == Type::Nil ? 1 : 2;
}

int baseIpairs(Thread& L) {
  L.checkAny(1);
  L.pushValue(vm::upvalueIndex(1)); // the iterator
  L.pushValue(1);
  L.pushInteger(0);
  return 3;
}

int baseSelect(Thread& L) {
  int n = L.top();
  std::string_view s;
  if (L.type(1) == Type::String && L.toStringView(1, s) && s.starts_with("#")) {
    L.pushInteger(n - 1);
    return 1;
  }
  std::int64_t i = L.checkInteger(1);
  if (i < 0)
    i = n + i;
  else if (i > n)
    i = n;
  if (i < 1)
    L.argError(1, "index out of range");
  return n - static_cast<int>(i);
}

int baseToString(Thread& L) {
  L.checkAny(1);
  L.toDisplayString(1);
  return 1;
}

int baseAssert(Thread& L) {
  if (L.toBoolean(1))
    return L.top();
  L.checkAny(1);
  L.remove(1);
  L.pushString("assertion failed!");
  L.setTop(1); // the message, or the default when there was none
  return baseError(L);
}

int basePcall(Thread& L) {
  L.checkAny(1);
  L.pushBoolean(true);
  L.insert(1);
  vm::Status status = L.pcall(L.top() - 2, vm::kMultRet, 0);
  if (status != vm::Status::Ok) {
    L.pushBoolean(false);
    L.insert(-2);
    return 2;
  }
  return L.top();
}

int baseXpcall(Thread& L) {
  int n = L.top();
  L.checkType(2, Type::Function);
  L.pushValue(1);
  L.insert(3);
  L.pushBoolean(true);
  L.insert(3); // f, handler, true, f, args...
  vm::Status status = L.pcall(n - 2, vm::kMultRet, 2);
  if (status != vm::Status::Ok) {
    L.pushBoolean(false);
    L.insert(-2);
    return 2;
  }
  return L.top() - 2;
}

// load's result: the function (with _ENV replaced when env was given), or fail plus the message.
int loadResult(Thread& L, vm::Status status, int envIndex) {
  if (status != vm::Status::Ok) {
    L.pushNil();
    L.insert(-2);
    return 2;
  }
  if (envIndex != 0)
    lib::setFirstUpvalue(L, -1, envIndex);
  return 1;
}

constexpr int kReaderSlot = 5; // load's arguments stay below this slot while a reader runs

int baseLoad(Thread& L) {
  std::string_view s;
  bool isString = L.type(1) == Type::String || L.type(1) == Type::Number;
  std::string_view mode = L.optString(3, "bt");
  int envIndex = !L.isNone(4) ? 4 : 0;
  vm::Status status;
  if (isString) {
    L.toStringView(1, s);
    std::string_view chunkName = L.optString(2, s);
    status = lib::loadBuffer(L, s, chunkName, mode);
  } else {
    std::string chunkName(L.optString(2, "=(load)"));
    std::string modeCopy(mode);
    L.checkType(1, Type::Function);
    L.setTop(kReaderSlot - 1);
    // Like lua_load with a reader: an error in the reader is a load failure, not an error.
    L.pushString(L.where(1)); // where a bad piece is reported
    L.pushNative(
        [](Thread& T) -> int {
          std::string pieces;
          for (;;) {
            T.pushValue(1);
            T.call(0, 1);
            if (T.isNil(-1)) {
              T.pop();
              break;
            }
            // lua_isstring, as lbaselib's generic_reader: a number is its string form.
            if (T.type(-1) != Type::String && T.type(-1) != Type::Number) {
              T.pushValue(vm::upvalueIndex(1));
              T.pushString("reader function must return a string");
              T.concat(2);
              T.error();
            }
            std::string_view piece;
            T.toStringView(-1, piece);
            if (piece.empty()) {
              T.pop();
              break;
            }
            pieces.append(piece);
            T.pop();
          }
          T.pushString(pieces);
          return 1;
        },
        1, nullptr);
    L.pushValue(1);
    status = L.pcall(1, 1, 0);
    if (status == vm::Status::Ok) {
      std::string_view all;
      L.toStringView(-1, all);
      status = lib::loadBuffer(L, all, chunkName, modeCopy);
      L.remove(-2);
    }
  }
  return loadResult(L, status, envIndex);
}

int baseLoadString(Thread& L) {
  // Lua 5.1's loadstring(s [, chunkname]): load restricted to strings.
  std::string_view s = L.checkString(1);
  std::string_view chunkName = L.optString(2, s);
  return loadResult(L, lib::loadBuffer(L, s, chunkName, "bt"), 0);
}

int baseLoadFile(Thread& L) {
  std::string_view fname = L.optString(1, {});
  std::string name(fname);
  std::string mode(L.optString(2, "bt"));
  int envIndex = !L.isNone(3) ? 3 : 0;
  vm::Status status = lib::loadFile(L, L.isNoneOrNil(1) ? nullptr : name.c_str(), mode);
  return loadResult(L, status, envIndex);
}

int baseDoFile(Thread& L) {
  std::string_view fname = L.optString(1, {});
  std::string name(fname);
  L.setTop(1);
  if (lib::loadFile(L, L.isNoneOrNil(1) ? nullptr : name.c_str(), "bt") != vm::Status::Ok)
    L.error();
  L.call(0, vm::kMultRet);
  return L.top() - 1;
}

} // namespace

void openBase(Thread& L) {
  L.pushGlobalTable();
  lib::setFunctions(L, -1,
                    {{"assert", lib::withLibErrors<baseAssert>},
                     {"collectgarbage", baseCollectGarbage},
                     {"dofile", baseDoFile},
                     {"error", baseError},
                     {"getmetatable", baseGetMetatable},
                     {"loadfile", baseLoadFile},
                     {"load", baseLoad},
                     {"next", baseNext},
                     {"pcall", basePcall},
                     {"print", basePrint},
                     {"warn", baseWarn},
                     {"rawequal", baseRawEqual},
                     {"rawlen", baseRawLen},
                     {"rawget", baseRawGet},
                     {"rawset", baseRawSet},
                     {"select", baseSelect},
                     {"setmetatable", baseSetMetatable},
                     {"tonumber", lib::withLibErrors<baseToNumber>},
                     {"tostring", baseToString},
                     {"type", baseType},
                     {"xpcall", baseXpcall},
                     // Lua 5.1 compatibility.
                     {"loadstring", baseLoadString}},
                    {});
  // pairs returns the same next function scripts see; ipairs reuses one iterator.
  L.getField(-1, "next");
  L.pushNative(basePairs, 1, "pairs");
  L.setField(-2, "pairs");
  L.pushNative(ipairsStep, 0, nullptr);
  L.pushNative(baseIpairs, 1, "ipairs");
  L.setField(-2, "ipairs");
  L.pushValue(-1);
  L.setField(-2, "_G");
  L.pushString("Lua 5.4");
  L.setField(-2, "_VERSION");
  registerLoadedModule(L, "_G");
}

} // namespace sloth::stdlib
