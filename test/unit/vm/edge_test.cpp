// Edge cases of errors, handlers and nested coroutines.
#include "VmTestUtil.h"

#include <gtest/gtest.h>

using namespace vmtest;
using O = OpCode;

namespace {

TEST(Errors, ErrorInMessageHandler) {
  State S;
  Thread& L = S.main();
  L.pushNative([](Thread& T) -> int {
    T.pushString("handler fails too");
    T.error();
  });
  L.pushNative([](Thread& T) -> int {
    T.pushString("original");
    T.error();
  });
  EXPECT_EQ(L.pcall(0, 0, 1), Status::ErrErr);
  EXPECT_EQ(str(L, -1), "error in error handling");
  // The state recovers: a later protected call works normally.
  L.setTop(0);
  L.pushNative([](Thread& T) {
    T.pushInteger(1);
    return 1;
  });
  EXPECT_EQ(L.pcall(0, 1, 0), Status::Ok);
  EXPECT_EQ(L.toInteger(-1), 1);
}

TEST(Errors, HandlerSeesNonStringErrorValues) {
  State S;
  Thread& L = S.main();
  L.pushNative([](Thread& T) {
    T.pushBoolean(T.isTable(1));
    return 1;
  });
  L.pushNative([](Thread& T) -> int {
    T.newTable();
    T.error();
  });
  EXPECT_EQ(L.pcall(0, 0, 1), Status::ErrRun);
  EXPECT_TRUE(L.toBoolean(-1));
}

TEST(Errors, CppExceptionsFromNativesBecomeLuaErrors) {
  State S;
  Thread& L = S.main();
  L.pushNative([](Thread&) -> int { throw std::runtime_error("disk on fire"); });
  EXPECT_EQ(L.pcall(0, 0, 0), Status::ErrRun);
  EXPECT_EQ(str(L, -1), "disk on fire");
}

TEST(Errors, ToStringHonoursMetamethodsAndName) {
  State S;
  Thread& L = S.main();
  L.newTable();
  L.newTable();
  L.pushString("Point");
  L.setField(-2, "__name");
  L.setMetatable(-2);
  EXPECT_EQ(str(L, -1).rfind("Point: 0x", 0), 0u) << str(L, -1);
  L.newTable();
  L.newTable();
  L.pushNative([](Thread& T) {
    T.pushString("custom");
    return 1;
  });
  L.setField(-2, "__tostring");
  L.setMetatable(-2);
  EXPECT_EQ(str(L, -1), "custom");
  EXPECT_EQ(L.top(), 2);
  L.pushBoolean(false);
  EXPECT_EQ(str(L, -1), "false");
}

int innerBody(Thread& L) {
  L.pushString("from inner");
  L.yield(1);
  L.pushString("inner done");
  return 1;
}

int outerBody(Thread& L) {
  // Create and drive an inner coroutine from inside this one.
  L.pushNative(innerBody);
  Thread* inner = L.newThread();
  L.pushValue(-2);
  L.xmove(*inner, 1);
  int nres;
  Status st = L.resume(*inner, 0, &nres);
  if (st != Status::Yield)
    L.error();
  L.yield(nres); // pass "from inner" up to the main thread
  st = L.resume(*inner, 0, &nres);
  if (st != Status::Ok)
    L.error();
  return nres;
}

TEST(Coroutines, NestedCoroutines) {
  State S;
  Thread& L = S.main();
  L.pushNative(outerBody);
  Thread* outer = L.newThread();
  L.pushValue(1);
  L.xmove(*outer, 1);
  int nres;
  ASSERT_EQ(L.resume(*outer, 0, &nres), Status::Yield);
  EXPECT_EQ(str(L, -1), "from inner");
  L.pop(nres);
  ASSERT_EQ(L.resume(*outer, 0, &nres), Status::Ok) << str(L, -1);
  EXPECT_EQ(str(L, -1), "inner done");
}

TEST(Coroutines, ResumingARunningCoroutineFails) {
  State S;
  Thread& L = S.main();
  L.pushNative([](Thread& T) {
    // T is running: resuming itself must fail cleanly.
    int nres;
    Status st = T.resume(T, 0, &nres);
    T.pushBoolean(st == Status::ErrRun);
    return 2;
  });
  Thread* co = L.newThread();
  L.pushValue(1);
  L.xmove(*co, 1);
  int nres;
  ASSERT_EQ(L.resume(*co, 0, &nres), Status::Ok) << str(L, -1);
  ASSERT_EQ(nres, 2);
  EXPECT_EQ(str(L, -2), "cannot resume non-suspended coroutine");
  EXPECT_TRUE(L.toBoolean(-1));
}

// for i = math.maxinteger - 2, math.maxinteger do n = n + 1 end  (no overflow, 3 iterations)
// for i = 3, 1 do n = n + 100 end                                 (skipped)
TEST(Loops, IntegerLoopsNeverOverflow) {
  State S;
  Thread& L = S.main();
  Asm m = Asm::main();
  m.op(AsBx(O::LOADI, 0, 0))
      .op(ABx(O::LOADK, 1, m.ki(INT64_MAX - 2)))
      .op(ABx(O::LOADK, 2, m.ki(INT64_MAX)))
      .op(AsBx(O::LOADI, 3, 1))
      .op(ABx(O::FORPREP, 1, 2))
      .op(ABC(O::ADDI, 0, 0, int2sC(1)))
      .op(ABC(O::MMBINI, 0, int2sC(1), TM_ADD))
      .op(ABx(O::FORLOOP, 1, 3))
      .op(AsBx(O::LOADI, 1, 3))
      .op(AsBx(O::LOADI, 2, 1))
      .op(AsBx(O::LOADI, 3, 1))
      .op(ABx(O::FORPREP, 1, 2))
      .op(ABC(O::ADDI, 0, 0, int2sC(100)))
      .op(ABC(O::MMBINI, 0, int2sC(100), TM_ADD))
      .op(ABx(O::FORLOOP, 1, 3))
      .op(ABC(O::RETURN, 0, 2, 1));
  ASSERT_EQ(run(L, m.done(5)), Status::Ok) << str(L, -1);
  EXPECT_EQ(L.toInteger(-1), 3);
}

// for i = 1, 10, 0 do end  -> 'for' step is zero
TEST(Loops, ZeroStepIsAnError) {
  State S;
  Thread& L = S.main();
  Asm m = Asm::main();
  m.op(AsBx(O::LOADI, 0, 1), 9)
      .op(AsBx(O::LOADI, 1, 10), 9)
      .op(AsBx(O::LOADI, 2, 0), 9)
      .op(ABx(O::FORPREP, 0, 0), 9)
      .op(ABx(O::FORLOOP, 0, 1), 9)
      .op(ABC(O::RETURN, 0, 1, 1), 9);
  EXPECT_EQ(run(L, m.done(4)), Status::ErrRun);
  EXPECT_EQ(str(L, -1), "test.lua:9: 'for' step is zero");
}

TEST(Api, UpvaluesOfClosures) {
  State S;
  Thread& L = S.main();
  // A loaded chunk's first upvalue is _ENV; replace it (load with an env).
  Asm m = Asm::main();
  m.op(ABC(O::GETTABUP, 0, 0, m.ks("x"))).op(ABC(O::RETURN, 0, 2, 1));
  L.load(m.done(1));
  L.newTable();
  L.pushInteger(99);
  L.setField(-2, "x");
  EXPECT_STREQ(L.setUpvalue(1, 1), "_ENV");
  EXPECT_EQ(L.setUpvalue(1, 2), nullptr);
  L.pushValue(1);
  ASSERT_EQ(L.pcall(0, 1, 0), Status::Ok) << str(L, -1);
  EXPECT_EQ(L.toInteger(-1), 99);
  L.pushInteger(5);
  L.pushNative(
      [](Thread& T) {
        T.pushValue(upvalueIndex(1));
        return 1;
      },
      1);
  EXPECT_STREQ(L.getUpvalue(-1, 1), "");
  EXPECT_EQ(L.toInteger(-1), 5);
  EXPECT_TRUE(L.tryCheckStack(100));
  EXPECT_FALSE(L.tryCheckStack(kMaxStack + 1));
}

TEST(Api, TostringMayReturnANumber) {
  State S;
  Thread& L = S.main();
  L.newTable();
  L.newTable();
  L.pushNative([](Thread& T) {
    T.pushInteger(42);
    return 1;
  });
  L.setField(-2, "__tostring");
  L.setMetatable(-2);
  EXPECT_EQ(str(L, -1), "42");
}

} // namespace
