// Coroutines: each runs on its own C++ stack, so yields cross natives, pcall and metamethods.
#include "VmTestUtil.h"

#include <gtest/gtest.h>

using namespace vmtest;
using O = OpCode;

namespace {

// The body of the coroutine used below:
//   function() pcall(function() coyield(1); coyield(2) end); return 3 end
std::shared_ptr<Proto> generatorChunk() {
  Asm inner = Asm::function(0, 1);
  inner.upval("_ENV", false, 0);
  int ky = inner.ks("coyield");
  inner.op(ABC(O::GETTABUP, 0, 0, ky), 2)
      .op(AsBx(O::LOADI, 1, 1), 2)
      .op(ABC(O::CALL, 0, 2, 1), 2)
      .op(ABC(O::GETTABUP, 0, 0, ky), 3)
      .op(AsBx(O::LOADI, 1, 2), 3)
      .op(ABC(O::CALL, 0, 2, 1), 3)
      .op(ABC(O::RETURN0, 0, 0, 0), 4)
      .done(2);
  Asm body = Asm::function(0, 1);
  body.upval("_ENV", false, 0);
  body.op(ABC(O::GETTABUP, 0, 0, body.ks("pcall")), 5)
      .op(ABx(O::CLOSURE, 1, body.child(inner)), 5)
      .op(ABC(O::CALL, 0, 2, 1), 5)
      .op(AsBx(O::LOADI, 0, 3), 6)
      .op(ABC(O::RETURN1, 0, 0, 0), 6)
      .done(2);
  // main chunk: return cocreate(body)
  Asm m = Asm::main();
  m.op(ABC(O::GETTABUP, 0, 0, m.ks("cocreate")))
      .op(ABx(O::CLOSURE, 1, m.child(body)))
      .op(ABC(O::TAILCALL, 0, 2, 0))
      .op(ABC(O::RETURN, 0, 0, 0));
  return m.done(2);
}

TEST(Coroutine, YieldsAcrossNativePcall) {
  State S;
  Thread& L = S.main();
  openTestBase(L);
  ASSERT_EQ(run(L, generatorChunk(), 1), Status::Ok) << str(L, -1);
  Thread* co = L.toThread(1);
  ASSERT_NE(co, nullptr);
  EXPECT_EQ(co->coStatus(&L), ThreadStatus::Suspended);
  std::vector<std::int64_t> got;
  for (int i = 0; i < 3; i++) {
    int nres = 0;
    Status st = L.resume(*co, 0, &nres);
    ASSERT_TRUE(st == Status::Ok || st == Status::Yield) << str(L, -1);
    ASSERT_EQ(nres, 1);
    got.push_back(L.toInteger(-1));
    L.pop();
    EXPECT_EQ(co->coStatus(&L), i < 2 ? ThreadStatus::Suspended : ThreadStatus::Dead);
  }
  EXPECT_EQ(got, (std::vector<std::int64_t>{1, 2, 3}));
  int nres = 0;
  EXPECT_EQ(L.resume(*co, 0, &nres), Status::ErrRun);
  EXPECT_EQ(str(L, -1), "cannot resume dead coroutine");
}

// A native that suspends its coroutine until resumed with a result, like an async operation.
int waitFor(Thread& L) {
  L.pushString("waiting");
  int n = L.yield(1);
  return n; // the values the resumer passed
}

int statusProbe(Thread& L) {
  // Called inside the coroutine: it is running, its resumer is normal.
  Thread* self = &L;
  L.getGlobal("mainthread");
  Thread* main = L.toThread(-1);
  L.pushBoolean(self->coStatus(self) == ThreadStatus::Running &&
                main->coStatus(self) == ThreadStatus::Normal);
  return 1;
}

TEST(Coroutine, NativeSuspensionAndStatus) {
  State S;
  Thread& L = S.main();
  L.pushThread();
  L.setGlobal("mainthread");
  L.pushNative(
      [](Thread& T) {
        T.pushNative(statusProbe);
        T.call(0, 1);
        bool ok = T.toBoolean(-1);
        T.pop();
        T.pushNative(waitFor);
        T.call(0, kMultRet);
        T.pushBoolean(ok);
        return T.top();
      },
      0, "task");
  Thread* co = L.newThread();
  L.pushValue(1);
  L.xmove(*co, 1);
  int nres = 0;
  ASSERT_EQ(L.resume(*co, 0, &nres), Status::Yield);
  ASSERT_EQ(nres, 1);
  EXPECT_EQ(str(L, -1), "waiting");
  EXPECT_TRUE(co->isYieldable() == false); // seen from outside: suspended
  L.pop();
  L.pushString("result-a");
  L.pushInteger(99);
  ASSERT_EQ(L.resume(*co, 2, &nres), Status::Ok) << str(L, -1);
  ASSERT_EQ(nres, 3);
  ASSERT_EQ(L.top(), 5);
  EXPECT_EQ(str(L, -3), "result-a");
  EXPECT_EQ(L.toInteger(-2), 99);
  EXPECT_TRUE(L.toBoolean(-1));
  EXPECT_EQ(co->coStatus(&L), ThreadStatus::Dead);
}

TEST(Coroutine, ErrorsKillTheCoroutine) {
  State S;
  Thread& L = S.main();
  L.pushNative([](Thread& T) -> int {
    T.yield(0);
    T.pushString("failed inside");
    T.error();
  });
  Thread* co = L.newThread();
  L.pushValue(1);
  L.xmove(*co, 1);
  int nres;
  ASSERT_EQ(L.resume(*co, 0, &nres), Status::Yield);
  EXPECT_EQ(L.resume(*co, 0, &nres), Status::ErrRun);
  EXPECT_EQ(str(L, -1), "failed inside");
  EXPECT_EQ(co->coStatus(&L), ThreadStatus::Dead);
}

TEST(Coroutine, YieldOutsideACoroutineIsAnError) {
  State S;
  Thread& L = S.main();
  L.pushNative([](Thread& T) { return T.yield(0); });
  EXPECT_EQ(L.pcall(0, 0, 0), Status::ErrRun);
  EXPECT_EQ(str(L, -1), "attempt to yield from outside a coroutine");
}

int closeCount = 0;

TEST(Coroutine, CloseRunsPendingCloseHandlers) {
  State S;
  Thread& L = S.main();
  closeCount = 0;
  // The coroutine body: local x <close> = obj; coyield()
  L.newTable();
  L.newTable();
  L.pushNative([](Thread&) {
    closeCount++;
    return 0;
  });
  L.setField(-2, "__close");
  L.setMetatable(-2);
  L.setGlobal("obj");
  openTestBase(L);
  Asm body = Asm::function(0, 1);
  body.upval("_ENV", false, 0);
  body.op(ABC(O::GETTABUP, 0, 0, body.ks("obj")))
      .op(ABC(O::TBC, 0, 0, 0))
      .op(ABC(O::GETTABUP, 1, 0, body.ks("coyield")))
      .op(ABC(O::CALL, 1, 1, 1))
      .op(ABC(O::RETURN, 0, 1, 1))
      .local("x", 2, 5)
      .done(2);
  Asm m = Asm::main();
  m.op(ABC(O::GETTABUP, 0, 0, m.ks("cocreate")))
      .op(ABx(O::CLOSURE, 1, m.child(body)))
      .op(ABC(O::TAILCALL, 0, 2, 0))
      .op(ABC(O::RETURN, 0, 0, 0));
  ASSERT_EQ(run(L, m.done(2), 1), Status::Ok) << str(L, -1);
  Thread* co = L.toThread(-1);
  int nres;
  ASSERT_EQ(L.resume(*co, 0, &nres), Status::Yield) << str(L, -1);
  EXPECT_EQ(closeCount, 0);
  EXPECT_EQ(L.closeThread(*co), Status::Ok);
  EXPECT_EQ(closeCount, 1);
  EXPECT_EQ(co->coStatus(&L), ThreadStatus::Dead);
}

TEST(Coroutine, UnreachableSuspendedCoroutinesAreCollected) {
  State S;
  Thread& L = S.main();
  S.collectGarbage();
  std::size_t base = S.memoryInUse();
  for (int i = 0; i < 50; i++) {
    L.pushNative([](Thread& T) {
      T.newTable(); // some garbage owned by the coroutine's stack
      return T.yield(0);
    });
    Thread* co = L.newThread();
    L.pushValue(-2);
    L.xmove(*co, 1);
    int nres;
    ASSERT_EQ(L.resume(*co, 0, &nres), Status::Yield);
    L.setTop(0);
  }
  S.collectGarbage();
  EXPECT_LE(S.memoryInUse(), base + 1024);
}

} // namespace

namespace {

TEST(Coroutine, StateClosesWithSuspendedCoroutines) {
  State S;
  Thread& L = S.main();
  for (int i = 0; i < 5; i++) {
    L.pushNative([](Thread& T) {
      // Suspend inside a protected call, with a table alive on the coroutine's stack.
      T.newTable();
      T.pushNative([](Thread& U) { return U.yield(0); });
      T.pcall(0, 0, 0);
      return 0;
    });
    Thread* co = L.newThread();
    L.pushValue(-2);
    L.xmove(*co, 1);
    int nres;
    ASSERT_EQ(L.resume(*co, 0, &nres), Status::Yield);
    L.setGlobal(("co" + std::to_string(i)).c_str());
    L.setTop(0);
  }
  // ~State unwinds the five suspended coroutines.
}

} // namespace
