// The garbage collector: cycles, weak tables, finalizers, memory accounting and limits.
#include "VmTestUtil.h"

#include <gtest/gtest.h>

using namespace vmtest;
using O = OpCode;

namespace {

std::size_t collect(State& S) {
  S.collectGarbage();
  return S.memoryInUse();
}

TEST(Gc, FreesCycles) {
  State S;
  Thread& L = S.main();
  std::size_t base = collect(S);
  for (int i = 0; i < 2000; i++) {
    L.newTable();
    L.newTable();
    L.pushValue(-2);
    L.setField(-2, "other"); // b.other = a
    L.pushValue(-1);
    L.setField(-3, "other"); // a.other = b
    L.pushValue(-1);
    L.setField(-2, "self");
    L.setTop(0);
  }
  EXPECT_GT(S.memoryInUse(), base + 100000);
  std::size_t after = collect(S);
  EXPECT_LE(after, base + 1024) << "base " << base << " after " << after;
}

TEST(Gc, KeepsReachableObjects) {
  State S;
  Thread& L = S.main();
  L.newTable();
  for (int i = 0; i < 1000; i++) {
    L.newTable();
    L.pushString("v" + std::to_string(i));
    L.setField(-2, "name");
    L.rawSetI(1, i + 1);
  }
  L.pushValue(1);
  L.setGlobal("keep");
  L.setTop(0);
  collect(S);
  L.getGlobal("keep");
  ASSERT_EQ(L.rawLen(1), 1000u);
  L.rawGetI(1, 500);
  L.getField(-1, "name");
  EXPECT_EQ(str(L, -1), "v499");
}

// Array parts grow from the free lists while small (1, 2, 4 ... 8 slots) and through realloc
// past them; every step keeps the values, and the memory goes back when the tables die.
TEST(Gc, GrowingArrayPartsKeepValuesAndAreAccounted) {
  State S;
  Thread& L = S.main();
  std::size_t base = collect(S);
  for (int round = 0; round < 50; round++) {
    L.newTable();
    for (int i = 1; i <= 40; i++) {
      L.pushInteger(i * 7 + round);
      L.rawSetI(1, i);
    }
    for (int i = 1; i <= 40; i++) {
      L.rawGetI(1, i);
      ASSERT_EQ(L.toInteger(-1), i * 7 + round) << "round " << round << " index " << i;
      L.pop(1);
    }
    L.setTop(0);
  }
  std::size_t after = collect(S);
  EXPECT_LE(after, base + 1024) << "base " << base << " after " << after;
}

TEST(Gc, WeakKeysAndValues) {
  State S;
  Thread& L = S.main();
  // Weak keys (ephemeron): an entry whose value refers back to its key still goes away.
  L.newTable(); // 1: weak-key table
  L.newTable();
  L.pushString("k");
  L.setField(-2, "__mode");
  L.setMetatable(1);
  L.newTable(); // key
  L.newTable(); // value referring to the key
  L.pushValue(-2);
  L.setField(-2, "ref");
  L.rawSet(1);
  L.pushString("strkey");
  L.pushInteger(1);
  L.rawSet(1);
  L.newTable(); // 2: a key kept alive on the stack
  L.pushValue(2);
  L.pushInteger(2);
  L.rawSet(1);
  // Weak values.
  L.newTable(); // 3
  L.newTable();
  L.pushString("v");
  L.setField(-2, "__mode");
  L.setMetatable(3);
  L.newTable();
  L.rawSetI(3, 1);
  L.pushString("a string value stays");
  L.rawSetI(3, 2);
  L.pushValue(2);
  L.rawSetI(3, 3);
  collect(S);
  int n = 0;
  L.pushNil();
  while (L.next(1)) {
    n++;
    L.pop();
  }
  EXPECT_EQ(n, 2); // "strkey" and the live table
  L.rawGetI(3, 1);
  EXPECT_TRUE(L.isNil(-1));
  L.rawGetI(3, 2);
  EXPECT_EQ(str(L, -1), "a string value stays");
  L.rawGetI(3, 3);
  EXPECT_TRUE(L.rawEqual(-1, 2));
}

int gcCounter(Thread& L) {
  L.getGlobal("finalized");
  std::int64_t n = L.toInteger(-1);
  L.pushInteger(n + 1);
  L.setGlobal("finalized");
  // Resurrect the object: it stays usable after its finalizer.
  L.pushValue(1);
  L.setGlobal("resurrected");
  return 0;
}

TEST(Gc, FinalizersRunOnceForUnreachableObjects) {
  State S;
  Thread& L = S.main();
  L.pushInteger(0);
  L.setGlobal("finalized");
  L.newTable();
  L.pushString("payload");
  L.setField(-2, "data");
  L.newTable();
  L.pushNative(gcCounter);
  L.setField(-2, "__gc");
  L.setMetatable(-2);
  L.pop();
  collect(S);
  L.getGlobal("finalized");
  EXPECT_EQ(L.toInteger(-1), 1);
  L.getGlobal("resurrected");
  L.getField(-1, "data");
  EXPECT_EQ(str(L, -1), "payload");
  L.setTop(0);
  L.pushNil();
  L.setGlobal("resurrected");
  collect(S);
  collect(S);
  L.getGlobal("finalized");
  EXPECT_EQ(L.toInteger(-1), 1); // not finalized twice
}

TEST(Gc, FinalizersRunWhenTheStateCloses) {
  static int closedCount = 0;
  closedCount = 0;
  {
    State S;
    Thread& L = S.main();
    L.newUserdata(64);
    L.newTable();
    L.pushNative([](Thread&) {
      closedCount++;
      return 0;
    });
    L.setField(-2, "__gc");
    L.setMetatable(-2);
    L.setGlobal("ud");
  }
  EXPECT_EQ(closedCount, 1);
}

TEST(Gc, MemoryLimitRaisesNotEnoughMemory) {
  State S;
  Thread& L = S.main();
  S.setMemoryLimit(S.memoryInUse() + 200000);
  L.pushNative([](Thread& T) {
    T.newTable();
    for (int i = 1;; i++) {
      T.pushString(std::string(100, 'x') + std::to_string(i));
      T.rawSetI(1, i);
    }
    return 0;
  });
  EXPECT_EQ(L.pcall(0, 0, 0), Status::ErrMem);
  EXPECT_EQ(str(L, -1), "not enough memory");
  S.setMemoryLimit(0);
  L.setTop(0);
  collect(S);
  L.pushString("still works");
  EXPECT_EQ(str(L, -1), "still works");
}

// local t = {} ; for i = 1, 200000 do t = {prev = t, s = "x" .. i} ; if i % 1000 == 0 then t = {}
// end end return t
TEST(Gc, CollectsWhileTheInterpreterRuns) {
  State S;
  Thread& L = S.main();
  Asm m = Asm::main();
  m.op(ABC(O::NEWTABLE, 0, 0, 0))
      .op(CREATE_Ax(O::EXTRAARG, 0))
      .op(AsBx(O::LOADI, 1, 1))
      .op(ABx(O::LOADK, 2, m.ki(200000)))
      .op(AsBx(O::LOADI, 3, 1))
      .op(ABx(O::FORPREP, 1, 11))
      // body: 6 .. 16
      .op(ABC(O::NEWTABLE, 5, 2, 0))
      .op(CREATE_Ax(O::EXTRAARG, 0))
      .op(ABC(O::SETFIELD, 5, m.ks("prev"), 0))
      .op(ABx(O::LOADK, 6, m.ks("x")))
      .op(ABC(O::MOVE, 7, 4, 0))
      .op(ABC(O::CONCAT, 6, 2, 0))
      .op(ABC(O::SETFIELD, 5, m.ks("s"), 6))
      .op(ABC(O::MOVE, 0, 5, 0))
      .op(ABC(O::MODK, 5, 4, m.ki(1000)))
      .op(ABC(O::MMBINK, 4, m.ki(1000), TM_MOD))
      .op(ABC(O::EQI, 5, int2sC(0), 0, 0))
      .op(Jmp(2))
      .op(ABC(O::NEWTABLE, 0, 0, 0))
      .op(CREATE_Ax(O::EXTRAARG, 0))
      .op(ABx(O::FORLOOP, 1, 15))
      .op(ABC(O::RETURN, 0, 2, 1));
  // Fix the FORPREP exit offset to land on RETURN.
  ASSERT_EQ(run(L, m.done(8)), Status::Ok) << str(L, -1);
  EXPECT_TRUE(L.isTable(-1));
  EXPECT_LT(S.memoryInUse(), 8u * 1024 * 1024);
}

} // namespace
