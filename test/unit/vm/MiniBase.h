// Test-only base library, just enough to run differential scripts against lua5.4 (the real
// standard library is stdlib/'s). Output of print() goes to an in-memory buffer.
#pragma once

#include "VmTestUtil.h"

#include <string>

namespace vmtest {

inline std::string& printBuffer() {
  static std::string out;
  return out;
}

inline int mPrint(Thread& L) {
  int n = L.top();
  for (int i = 1; i <= n; i++) {
    if (i > 1)
      printBuffer() += "\t";
    printBuffer() += std::string(L.toDisplayString(i));
    L.pop();
  }
  printBuffer() += "\n";
  return 0;
}

inline int mType(Thread& L) {
  L.checkAny(1);
  L.pushString(L.typeNameAt(1));
  return 1;
}

inline int mAssert(Thread& L) {
  if (L.toBoolean(1))
    return L.top();
  L.checkAny(1);
  L.remove(1);
  L.pushString("assertion failed!");
  L.setTop(1);
  return bError(L);
}

inline int mSelect(Thread& L) {
  int n = L.top();
  if (L.type(1) == Type::String && L.checkString(1) == "#") {
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

inline int mGetmetatable(Thread& L) {
  L.checkAny(1);
  if (!L.getMetatable(1)) {
    L.pushNil();
    return 1;
  }
  if (L.getMetafield(1, "__metatable") != Type::Nil)
    return 1;
  return 1;
}

inline int mSetmetatable(Thread& L) {
  L.checkType(1, Type::Table);
  if (!L.isNil(2) && !L.isTable(2))
    L.typeError(2, "nil or table");
  if (L.getMetafield(1, "__metatable") != Type::Nil)
    L.runError("cannot change a protected metatable");
  L.setTop(2);
  L.setMetatable(1);
  return 1;
}

inline int mRawequal(Thread& L) {
  L.pushBoolean(L.rawEqual(1, 2));
  return 1;
}
inline int mRawlen(Thread& L) {
  L.pushInteger(static_cast<std::int64_t>(L.rawLen(1)));
  return 1;
}
inline int mRawget(Thread& L) {
  L.checkType(1, Type::Table);
  L.setTop(2);
  L.rawGet(1);
  return 1;
}
inline int mRawset(Thread& L) {
  L.checkType(1, Type::Table);
  L.setTop(3);
  L.rawSet(1);
  return 1;
}
inline int mNext(Thread& L) {
  L.checkType(1, Type::Table);
  L.setTop(2);
  if (L.next(1))
    return 2;
  L.pushNil();
  return 1;
}
inline int mPairs(Thread& L) {
  L.checkAny(1);
  L.pushNative(mNext, 0, "next");
  L.pushValue(1);
  L.pushNil();
  return 3;
}
inline int mIpairsAux(Thread& L) {
  std::int64_t i = L.checkInteger(2) + 1;
  L.pushInteger(i);
  return L.getI(1, i) == Type::Nil ? 1 : 2;
}
inline int mIpairs(Thread& L) {
  L.checkAny(1);
  L.pushNative(mIpairsAux, 0, "ipairs_aux");
  L.pushValue(1);
  L.pushInteger(0);
  return 3;
}
inline int mTonumber(Thread& L) {
  if (L.type(1) == Type::Number) {
    L.setTop(1);
    return 1;
  }
  std::string_view s;
  if (L.type(1) == Type::String && L.toStringView(1, s) && L.pushNumeral(s))
    return 1;
  L.checkAny(1);
  L.pushNil();
  return 1;
}
inline int mXpcall(Thread& L) {
  int n = L.top();
  L.checkType(2, Type::Function);
  L.pushValue(1);
  L.pushValue(2);
  L.replace(1);
  L.replace(2); // stack: msgh, f, args...
  Status st = L.pcall(n - 2, kMultRet, 1);
  L.pushBoolean(st == Status::Ok);
  L.replace(1);
  return L.top();
}
inline int mCollect(Thread& L) {
  std::string_view opt = L.optString(1, "collect");
  if (opt == "count") {
    L.pushNumber(static_cast<double>(L.state().memoryInUse()) / 1024.0);
    return 1;
  }
  L.state().collectGarbage();
  L.pushInteger(0);
  return 1;
}

inline Thread* checkCo(Thread& L, int arg) {
  Thread* co = L.toThread(arg);
  if (!co)
    L.typeError(arg, "coroutine");
  return co;
}
inline int mCoStatus(Thread& L) {
  static const char* names[] = {"suspended", "running", "normal", "dead"};
  L.pushString(names[static_cast<int>(checkCo(L, 1)->coStatus(&L))]);
  return 1;
}
inline int mCoRunning(Thread& L) {
  bool isMain = L.pushThread();
  L.pushBoolean(isMain);
  return 2;
}
inline int mCoIsyieldable(Thread& L) {
  L.pushBoolean(L.isYieldable());
  return 1;
}
inline int mCoClose(Thread& L) {
  Thread* co = checkCo(L, 1);
  Status st = L.closeThread(*co);
  if (st == Status::Ok) {
    L.pushBoolean(true);
    return 1;
  }
  L.pushBoolean(false);
  L.insert(-2);
  return 2;
}
inline int mWrapAux(Thread& L) {
  Thread* co = L.toThread(upvalueIndex(1));
  int nres = 0;
  Status st = L.resume(*co, L.top(), &nres);
  if (st == Status::Ok || st == Status::Yield)
    return nres;
  if (co->coStatus(&L) == ThreadStatus::Dead) {
    L.closeThread(*co); // pending to-be-closed variables; the original error wins
    L.pop();
  }
  if (st != Status::ErrMem && L.type(-1) == Type::String) {
    std::string msg = L.where(1) + std::string(L.checkString(-1));
    L.pop();
    L.pushString(msg);
  }
  L.error();
}
inline int mCoWrap(Thread& L) {
  bCoCreate(L);
  L.pushNative(mWrapAux, 1, "wrap");
  return 1;
}

inline void openMiniBase(Thread& L) {
  openTestBase(L);
  struct Reg {
    const char* name;
    NativeFn f;
  };
  static const Reg base[] = {{"print", mPrint},
                             {"type", mType},
                             {"assert", mAssert},
                             {"select", mSelect},
                             {"getmetatable", mGetmetatable},
                             {"setmetatable", mSetmetatable},
                             {"rawequal", mRawequal},
                             {"rawlen", mRawlen},
                             {"rawget", mRawget},
                             {"rawset", mRawset},
                             {"next", mNext},
                             {"pairs", mPairs},
                             {"ipairs", mIpairs},
                             {"tonumber", mTonumber},
                             {"xpcall", mXpcall},
                             {"collectgarbage", mCollect}};
  for (const Reg& r : base) {
    L.pushNative(r.f, 0, r.name);
    L.setGlobal(r.name);
  }
  static const Reg co[] = {{"create", bCoCreate},   {"resume", bCoResume},
                           {"yield", bCoYield},     {"status", mCoStatus},
                           {"running", mCoRunning}, {"isyieldable", mCoIsyieldable},
                           {"close", mCoClose},     {"wrap", mCoWrap}};
  L.newTable();
  for (const Reg& r : co) {
    L.pushNative(r.f, 0, r.name);
    L.setField(-2, r.name);
  }
  L.setGlobal("coroutine");
}

} // namespace vmtest
