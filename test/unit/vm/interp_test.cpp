// The interpreter, run on hand-assembled prototypes (the Lua source each one stands for is in the
// comment above it; the code follows what luac 5.4 emits for that source).
#include "VmTestUtil.h"

#include <gtest/gtest.h>

using namespace vmtest;
using O = OpCode;

namespace {

struct Vm {
  State S;
  Thread& L = S.main();
  Vm() { openTestBase(L); }
};

// local function counter() local n = 0; return function() n = n + 1; return n end end
// local c = counter(); c(); c(); return c()
std::shared_ptr<Proto> counterChunk() {
  Asm inc = Asm::function(0, 3);
  inc.upval("n", true, 0);
  inc.op(ABC(O::GETUPVAL, 0, 0, 0), 3)
      .op(ABC(O::ADDI, 0, 0, int2sC(1)), 3)
      .op(ABC(O::MMBINI, 0, int2sC(1), TM_ADD, 0), 3)
      .op(ABC(O::SETUPVAL, 0, 0, 0), 3)
      .op(ABC(O::GETUPVAL, 0, 0, 0), 3)
      .op(ABC(O::RETURN1, 0, 0, 0), 3)
      .op(ABC(O::RETURN0, 0, 0, 0), 3);
  inc.done(2);
  Asm counter = Asm::function(0, 1);
  counter.op(AsBx(O::LOADI, 0, 0), 2)
      .op(ABx(O::CLOSURE, 1, counter.child(inc)), 3)
      .op(ABC(O::RETURN, 1, 2, 0, 1), 3)
      .op(ABC(O::RETURN, 1, 1, 0, 1), 4)
      .local("n", 1, 4);
  counter.done(2);
  Asm m = Asm::main();
  m.op(ABx(O::CLOSURE, 0, m.child(counter)), 4)
      .op(ABC(O::MOVE, 1, 0, 0), 5)
      .op(ABC(O::CALL, 1, 1, 2), 5)
      .op(ABC(O::MOVE, 2, 1, 0), 6)
      .op(ABC(O::CALL, 2, 1, 1), 6)
      .op(ABC(O::MOVE, 2, 1, 0), 6)
      .op(ABC(O::CALL, 2, 1, 1), 6)
      .op(ABC(O::MOVE, 2, 1, 0), 7)
      .op(ABC(O::TAILCALL, 2, 1, 1), 7)
      .op(ABC(O::RETURN, 2, 0, 1), 7)
      .local("counter", 2, 12)
      .local("c", 4, 12);
  return m.done(3);
}

TEST(Interp, ClosuresShareUpvalues) {
  Vm vm;
  ASSERT_EQ(run(vm.L, counterChunk()), Status::Ok) << str(vm.L, -1);
  ASSERT_EQ(vm.L.top(), 1);
  EXPECT_EQ(vm.L.toInteger(1), 3);
}

// local s = 0; for i = 1, 10 do s = s + i end
// local f = 0; for x = 1, 2, 0.25 do f = f + 1 end
// return s, f
TEST(Interp, NumericForLoops) {
  Vm vm;
  Asm m = Asm::main();
  m.op(AsBx(O::LOADI, 0, 0))
      .op(AsBx(O::LOADI, 1, 1))
      .op(AsBx(O::LOADI, 2, 10))
      .op(AsBx(O::LOADI, 3, 1))
      .op(ABx(O::FORPREP, 1, 2))
      .op(ABC(O::ADD, 0, 0, 4))
      .op(ABC(O::MMBIN, 0, 4, TM_ADD))
      .op(ABx(O::FORLOOP, 1, 3))
      .op(AsBx(O::LOADI, 1, 0))
      .op(AsBx(O::LOADI, 2, 1))
      .op(AsBx(O::LOADI, 3, 2))
      .op(ABx(O::LOADK, 4, m.kf(0.25)))
      .op(ABx(O::FORPREP, 2, 2))
      .op(ABC(O::ADDI, 1, 1, int2sC(1)))
      .op(ABC(O::MMBINI, 1, int2sC(1), TM_ADD))
      .op(ABx(O::FORLOOP, 2, 3))
      .op(ABC(O::RETURN, 0, 3, 1));
  ASSERT_EQ(run(vm.L, m.done(6)), Status::Ok) << str(vm.L, -1);
  EXPECT_EQ(str(vm.L, 1), "55");
  EXPECT_EQ(str(vm.L, 2), "5");
}

// return x.y          (x undefined)
TEST(Interp, IndexNilGlobalNamesIt) {
  Vm vm;
  Asm m = Asm::main();
  m.op(ABC(O::GETTABUP, 0, 0, m.ks("x")), 1)
      .op(ABC(O::GETFIELD, 0, 0, m.ks("y")), 1)
      .op(ABC(O::RETURN, 0, 2, 1), 1);
  EXPECT_EQ(run(vm.L, m.done(2)), Status::ErrRun);
  EXPECT_EQ(str(vm.L, -1), "test.lua:1: attempt to index a nil value (global 'x')");
}

// local t = {}
// t.foo()
TEST(Interp, CallNilFieldNamesIt) {
  Vm vm;
  Asm m = Asm::main();
  m.op(ABC(O::NEWTABLE, 0, 0, 0), 1)
      .op(CREATE_Ax(O::EXTRAARG, 0), 1)
      .op(ABC(O::GETFIELD, 1, 0, m.ks("foo")), 2)
      .op(ABC(O::CALL, 1, 1, 1), 2)
      .op(ABC(O::RETURN, 1, 1, 1), 2)
      .local("t", 3, 5);
  EXPECT_EQ(run(vm.L, m.done(2)), Status::ErrRun);
  EXPECT_EQ(str(vm.L, -1), "test.lua:2: attempt to call a nil value (field 'foo')");
}

// local a; return a + 1
TEST(Interp, ArithmeticOnNilLocalNamesIt) {
  Vm vm;
  Asm m = Asm::main();
  m.op(ABC(O::LOADNIL, 0, 0, 0), 1)
      .op(ABC(O::ADDI, 1, 0, int2sC(1)), 1)
      .op(ABC(O::MMBINI, 0, int2sC(1), TM_ADD), 1)
      .op(ABC(O::RETURN, 1, 2, 1), 1)
      .local("a", 2, 5);
  EXPECT_EQ(run(vm.L, m.done(2)), Status::ErrRun);
  EXPECT_EQ(str(vm.L, -1), "test.lua:1: attempt to perform arithmetic on a nil value (local 'a')");
}

// return 1 < x
TEST(Interp, CompareNumberWithNil) {
  Vm vm;
  Asm m = Asm::main();
  m.op(ABC(O::GETTABUP, 0, 0, m.ks("x")), 3)
      .op(ABC(O::GTI, 0, int2sC(1), 0, 1), 3)
      .op(Jmp(1), 3)
      .op(ABC(O::LFALSESKIP, 1, 0, 0), 3)
      .op(ABC(O::LOADTRUE, 1, 0, 0), 3)
      .op(ABC(O::RETURN, 1, 2, 1), 3);
  EXPECT_EQ(run(vm.L, m.done(2)), Status::ErrRun);
  EXPECT_EQ(str(vm.L, -1), "test.lua:3: attempt to compare number with nil");
  vm.L.setTop(0);
  vm.L.pushInteger(5);
  vm.L.setGlobal("x");
  ASSERT_EQ(run(vm.L, m.p), Status::Ok);
  EXPECT_TRUE(vm.L.toBoolean(-1));
}

// local function f(...) return ... end
// return f(1, 2, 3)
TEST(Interp, VarargsAndMultipleResults) {
  Vm vm;
  Asm f = Asm::function(0, 1, true);
  f.op(ABC(O::VARARG, 0, 0, 0)).op(ABC(O::RETURN, 0, 0, 0)).done(2);
  Asm m = Asm::main();
  m.op(ABx(O::CLOSURE, 0, m.child(f)))
      .op(ABC(O::MOVE, 1, 0, 0))
      .op(AsBx(O::LOADI, 2, 1))
      .op(AsBx(O::LOADI, 3, 2))
      .op(AsBx(O::LOADI, 4, 3))
      .op(ABC(O::CALL, 1, 4, 0))
      .op(ABC(O::RETURN, 1, 0, 0));
  ASSERT_EQ(run(vm.L, m.done(5)), Status::Ok) << str(vm.L, -1);
  ASSERT_EQ(vm.L.top(), 3);
  EXPECT_EQ(vm.L.toInteger(1), 1);
  EXPECT_EQ(vm.L.toInteger(3), 3);
  // Extra arguments to the main chunk are its varargs.
  Asm m2 = Asm::main();
  m2.op(ABC(O::VARARG, 0, 0, 3)).op(ABC(O::RETURN, 0, 3, 0));
  vm.L.setTop(0);
  vm.L.load(m2.done(3));
  vm.L.pushString("a");
  ASSERT_EQ(vm.L.pcall(1, kMultRet, 0), Status::Ok);
  ASSERT_EQ(vm.L.top(), 2) << str(vm.L, 1) << str(vm.L, 2);
  EXPECT_EQ(str(vm.L, 1), "a") << str(vm.L, 2);
  EXPECT_TRUE(vm.L.isNil(2)) << str(vm.L, 2);
}

// local function loop(n) if n == 0 then return "done" end return loop(n - 1) end
// return loop(1000000)
TEST(Interp, TailCallsRunInConstantStack) {
  Vm vm;
  Asm f = Asm::function(1, 1);
  f.upval("loop", false, 0); // filled below: loop refers to itself via the main's local
  f.op(ABC(O::EQI, 0, int2sC(0), 0, 0))
      .op(Jmp(2))
      .op(ABx(O::LOADK, 1, f.ks("done")))
      .op(ABC(O::RETURN1, 1, 0, 0))
      .op(ABC(O::GETUPVAL, 1, 0, 0))
      .op(ABC(O::ADDI, 2, 0, int2sC(-1)))
      .op(ABC(O::MMBINI, 0, int2sC(1), TM_SUB))
      .op(ABC(O::TAILCALL, 1, 2, 0))
      .op(ABC(O::RETURN, 1, 0, 0))
      .local("n", 0, 9);
  f.p->upvalues[0].instack = true;
  f.done(3);
  Asm m = Asm::main();
  m.op(ABC(O::LOADNIL, 0, 0, 0))
      .op(ABx(O::CLOSURE, 0, m.child(f)))
      .op(ABC(O::MOVE, 1, 0, 0))
      .op(ABx(O::LOADK, 2, m.ki(1000000)))
      .op(ABC(O::TAILCALL, 1, 2, 0))
      .op(ABC(O::RETURN, 1, 0, 0))
      .local("loop", 1, 6);
  ASSERT_EQ(run(vm.L, m.done(3)), Status::Ok) << str(vm.L, -1);
  EXPECT_EQ(str(vm.L, -1), "done");
}

// local function f() return 1 + f() end
// return f()
std::shared_ptr<Proto> infiniteRecursion() {
  Asm f = Asm::function(0, 1);
  f.upval("f", true, 0);
  f.op(ABC(O::GETUPVAL, 0, 0, 0), 1)
      .op(ABC(O::CALL, 0, 1, 2), 1)
      .op(ABC(O::ADDI, 1, 0, int2sC(1)), 1)
      .op(ABC(O::MMBINI, 0, int2sC(1), TM_ADD, 1), 1)
      .op(ABC(O::RETURN1, 1, 0, 0), 1);
  f.done(2);
  Asm m = Asm::main();
  m.op(ABC(O::LOADNIL, 0, 0, 0), 1)
      .op(ABx(O::CLOSURE, 0, m.child(f)), 1)
      .op(ABC(O::MOVE, 1, 0, 0), 2)
      .op(ABC(O::CALL, 1, 1, 0), 2)
      .op(ABC(O::RETURN, 1, 0, 0), 2)
      .local("f", 1, 5);
  return m.done(2);
}

TEST(Interp, StackOverflowIsACatchableError) {
  Vm vm;
  EXPECT_EQ(run(vm.L, infiniteRecursion()), Status::ErrRun);
  EXPECT_NE(str(vm.L, -1).find("stack overflow"), std::string::npos) << str(vm.L, -1);
  EXPECT_EQ(str(vm.L, -1).rfind("test.lua:1:", 0), 0u) << str(vm.L, -1);
  // The VM is still usable afterwards, and overflows again the same way.
  vm.L.setTop(0);
  EXPECT_EQ(run(vm.L, infiniteRecursion()), Status::ErrRun);
  EXPECT_NE(str(vm.L, -1).find("stack overflow"), std::string::npos);
  vm.L.setTop(0);
  ASSERT_EQ(run(vm.L, counterChunk()), Status::Ok);
  EXPECT_EQ(vm.L.toInteger(-1), 3);
}

int recurseNative(Thread& L) {
  L.pushValue(upvalueIndex(1));
  L.call(0, 0);
  return 0;
}

TEST(Interp, CStackOverflowIsACatchableError) {
  Vm vm;
  Thread& L = vm.L;
  L.pushNil();
  L.pushNative(recurseNative, 1, "recurse");
  // Make the native's upvalue the native itself.
  L.pushValue(-1);
  L.pushNative(
      [](Thread& T) {
        // set upvalue 1 of the function at 1 to the value at 2 (test helper)
        T.at(1).gc == nullptr ? void() : void();
        return 0;
      },
      0);
  L.pop();
  Value f = L.at(-1);
  reinterpret_cast<NClosure*>(f.gc)->upvalue[0] = f;
  Status st = L.pcall(0, 0, 0);
  EXPECT_EQ(st, Status::ErrRun);
  EXPECT_NE(str(L, -1).find("C stack overflow"), std::string::npos) << str(L, -1);
}

// local t = setmetatable({}, {__index = function(t, k) return k .. "!" end})
// return t.a, t[1]
TEST(Interp, IndexMetamethodFunction) {
  Vm vm;
  Asm idx = Asm::function(2, 1);
  idx.op(ABC(O::MOVE, 2, 1, 0))
      .op(ABx(O::LOADK, 3, idx.ks("!")))
      .op(ABC(O::CONCAT, 2, 2, 0))
      .op(ABC(O::RETURN1, 2, 0, 0))
      .done(4);
  Asm m = Asm::main();
  m.op(ABC(O::GETTABUP, 0, 0, m.ks("setmetatable")))
      .op(ABC(O::NEWTABLE, 1, 0, 0))
      .op(CREATE_Ax(O::EXTRAARG, 0))
      .op(ABC(O::NEWTABLE, 2, 1, 0))
      .op(CREATE_Ax(O::EXTRAARG, 0))
      .op(ABx(O::CLOSURE, 3, m.child(idx)))
      .op(ABC(O::SETFIELD, 2, m.ks("__index"), 3))
      .op(ABC(O::CALL, 0, 3, 2))
      .op(ABC(O::GETFIELD, 1, 0, m.ks("a")))
      .op(ABC(O::GETI, 2, 0, 1))
      .op(ABC(O::RETURN, 1, 3, 1));
  ASSERT_EQ(run(vm.L, m.done(4)), Status::Ok) << str(vm.L, -1);
  EXPECT_EQ(str(vm.L, 1), "a!");
  EXPECT_EQ(str(vm.L, 2), "1!");
}

int addMeta(Thread& L) {
  L.pushString("added");
  return 1;
}
int callMeta(Thread& L) {
  L.pushInteger(L.top() - 1); // number of arguments besides self (self comes first)
  return 1;
}
int concatMeta(Thread& L) {
  L.pushString("cat");
  return 1;
}

// return obj + 1, 2 + obj, obj(1, 2), obj .. "x", #obj
TEST(Interp, ArithCallConcatLenMetamethods) {
  Vm vm;
  Thread& L = vm.L;
  L.newTable();
  L.newTable();
  L.pushNative(addMeta);
  L.setField(-2, "__add");
  L.pushNative(callMeta);
  L.setField(-2, "__call");
  L.pushNative(concatMeta);
  L.setField(-2, "__concat");
  L.pushInteger(42);
  L.pushNative([](Thread& T) {
    T.pushInteger(42);
    return 1;
  });
  L.setField(-3, "__len");
  L.pop();
  L.setMetatable(-2);
  L.setGlobal("obj");
  Asm m = Asm::main();
  int kobj = m.ks("obj");
  m.op(ABC(O::GETTABUP, 0, 0, kobj))
      .op(ABC(O::ADDI, 0, 0, int2sC(1)))
      .op(ABC(O::MMBINI, 0, int2sC(1), TM_ADD, 0))
      .op(ABC(O::GETTABUP, 1, 0, kobj))
      .op(ABC(O::ADDI, 1, 1, int2sC(2)))
      .op(ABC(O::MMBINI, 1, int2sC(2), TM_ADD, 1))
      .op(ABC(O::GETTABUP, 2, 0, kobj))
      .op(AsBx(O::LOADI, 3, 1))
      .op(AsBx(O::LOADI, 4, 2))
      .op(ABC(O::CALL, 2, 3, 2))
      .op(ABC(O::GETTABUP, 3, 0, kobj))
      .op(ABx(O::LOADK, 4, m.ks("x")))
      .op(ABC(O::CONCAT, 3, 2, 0))
      .op(ABC(O::GETTABUP, 4, 0, kobj))
      .op(ABC(O::LEN, 4, 4, 0))
      .op(ABC(O::RETURN, 0, 6, 1));
  ASSERT_EQ(run(L, m.done(6)), Status::Ok) << str(L, -1);
  EXPECT_EQ(str(L, 1), "added");
  EXPECT_EQ(str(L, 2), "added");
  EXPECT_EQ(str(L, 3), "2");
  EXPECT_EQ(str(L, 4), "cat");
  EXPECT_EQ(str(L, 5), "42");
}

TEST(Interp, EqLtLeAndNewindexMetamethods) {
  Vm vm;
  Thread& L = vm.L;
  L.newTable(); // mt at 1
  L.pushNative([](Thread& T) {
    T.pushBoolean(true);
    return 1;
  });
  L.setField(1, "__eq");
  L.pushNative([](Thread& T) {
    T.pushBoolean(false);
    return 1;
  });
  L.setField(1, "__lt");
  L.pushNative([](Thread& T) {
    T.pushBoolean(true);
    return 1;
  });
  L.setField(1, "__le");
  L.newTable(); // store at 2
  L.setField(1, "__newindex");
  L.newTable(); // a at 2
  L.pushValue(1);
  L.setMetatable(2);
  L.newTable(); // b at 3
  L.pushValue(1);
  L.setMetatable(3);
  EXPECT_TRUE(L.compare(2, 3, CompareOp::Eq));
  EXPECT_FALSE(L.rawEqual(2, 3));
  EXPECT_FALSE(L.compare(2, 3, CompareOp::Lt));
  EXPECT_TRUE(L.compare(2, 3, CompareOp::Le));
  L.pushInteger(5);
  L.setField(2, "k"); // goes to the __newindex table
  L.pushString("k");
  EXPECT_EQ(L.rawGet(2), Type::Nil);
  L.pop();
  L.getField(1, "__newindex");
  L.getField(-1, "k");
  EXPECT_EQ(L.toInteger(-1), 5);
  L.setTop(3);
  L.newTable();
  EXPECT_TRUE(L.compare(4, 2, CompareOp::Eq)); // either operand's __eq is used
  L.pushInteger(1);
  EXPECT_FALSE(L.compare(2, -1, CompareOp::Eq)); // never between different types
  L.pushNative([](Thread& T) {
    T.pushValue(1);
    T.pushInteger(1);
    return T.compare(1, 2, CompareOp::Lt) ? 0 : 0;
  });
  EXPECT_EQ(L.pcall(0, 0, 0), Status::ErrRun);
}

int closeMeta(Thread& L) {
  L.pushInteger(L.isNil(2) ? 1 : 2);
  L.setGlobal("closed");
  return 0;
}

// do local x <close> = obj end; return closed
TEST(Interp, ToBeClosedVariables) {
  Vm vm;
  Thread& L = vm.L;
  L.newTable();
  L.newTable();
  L.pushNative(closeMeta);
  L.setField(-2, "__close");
  L.setMetatable(-2);
  L.setGlobal("obj");
  Asm m = Asm::main();
  m.op(ABC(O::GETTABUP, 0, 0, m.ks("obj")))
      .op(ABC(O::TBC, 0, 0, 0))
      .op(ABC(O::CLOSE, 0, 0, 0))
      .op(ABC(O::GETTABUP, 0, 0, m.ks("closed")))
      .op(ABC(O::RETURN, 0, 2, 1))
      .local("x", 2, 3);
  ASSERT_EQ(run(L, m.done(2)), Status::Ok) << str(L, -1);
  EXPECT_EQ(L.toInteger(-1), 1);
  // On an error the variable is closed with the error object.
  L.setTop(0);
  Asm e = Asm::main();
  e.op(ABC(O::GETTABUP, 0, 0, e.ks("obj")))
      .op(ABC(O::TBC, 0, 0, 0))
      .op(ABC(O::GETTABUP, 1, 0, e.ks("error")))
      .op(ABx(O::LOADK, 2, e.ks("boom")))
      .op(ABC(O::CALL, 1, 2, 1))
      .op(ABC(O::RETURN, 0, 1, 1));
  EXPECT_EQ(run(L, e.done(3)), Status::ErrRun);
  EXPECT_EQ(str(L, -1), "test.lua:1: boom");
  L.getGlobal("closed");
  EXPECT_EQ(L.toInteger(-1), 2);
  // A value without __close is rejected.
  L.setTop(0);
  Asm b = Asm::main();
  b.op(AsBx(O::LOADI, 0, 1)).op(ABC(O::TBC, 0, 0, 0)).op(ABC(O::RETURN, 0, 1, 1)).local("v", 1, 3);
  EXPECT_EQ(run(L, b.done(1)), Status::ErrRun);
  EXPECT_EQ(str(L, -1), "test.lua:1: variable 'v' got a non-closable value");
}

// for k, v in next, t do n = n + v end   (next as a native iterator)
TEST(Interp, GenericForWithNativeIterator) {
  Vm vm;
  Thread& L = vm.L;
  L.pushNative([](Thread& T) {
    T.setTop(2);
    if (T.next(1))
      return 2;
    T.pushNil();
    return 1;
  });
  L.setGlobal("next");
  L.newTable();
  for (int i = 1; i <= 4; i++) {
    L.pushInteger(i * 10);
    L.setField(-2, "f" + std::to_string(i));
  }
  L.setGlobal("t");
  Asm m = Asm::main();
  m.op(AsBx(O::LOADI, 0, 0))
      .op(ABC(O::GETTABUP, 1, 0, m.ks("next")))
      .op(ABC(O::GETTABUP, 2, 0, m.ks("t")))
      .op(ABC(O::LOADNIL, 3, 1, 0))
      .op(ABx(O::TFORPREP, 1, 2))
      .op(ABC(O::ADD, 0, 0, 6))
      .op(ABC(O::MMBIN, 0, 6, TM_ADD))
      .op(ABC(O::TFORCALL, 1, 0, 2))
      .op(ABx(O::TFORLOOP, 1, 4))
      .op(ABC(O::CLOSE, 1, 0, 0))
      .op(ABC(O::RETURN, 0, 2, 1));
  ASSERT_EQ(run(L, m.done(7)), Status::Ok) << str(L, -1);
  EXPECT_EQ(L.toInteger(-1), 100);
}

// error({code = 7}) is caught with its value; error("m", 0) has no position
TEST(Interp, ErrorsCarryAnyValue) {
  Vm vm;
  Thread& L = vm.L;
  Asm m = Asm::main();
  m.op(ABC(O::GETTABUP, 0, 0, m.ks("error")))
      .op(ABC(O::NEWTABLE, 1, 1, 0))
      .op(CREATE_Ax(O::EXTRAARG, 0))
      .op(ABC(O::SETFIELD, 1, m.ks("code"), m.ki(7), 1))
      .op(ABC(O::CALL, 0, 2, 1))
      .op(ABC(O::RETURN, 0, 1, 1));
  EXPECT_EQ(run(L, m.done(2)), Status::ErrRun);
  ASSERT_TRUE(L.isTable(-1));
  L.getField(-1, "code");
  EXPECT_EQ(L.toInteger(-1), 7);
}

int handler(Thread& L) {
  std::string msg(L.checkString(1));
  L.traceback(msg, 1);
  return 1;
}

// local function inner() local x = nil; return x.field end
// local function outer() inner() end
// outer()
TEST(Interp, TracebackNamesFrames) {
  Vm vm;
  Thread& L = vm.L;
  Asm inner = Asm::function(0, 1);
  inner.op(ABC(O::LOADNIL, 0, 0, 0), 2)
      .op(ABC(O::GETFIELD, 1, 0, inner.ks("field")), 3)
      .op(ABC(O::RETURN1, 1, 0, 0), 3)
      .local("x", 1, 3)
      .done(2);
  Asm outer = Asm::function(0, 5);
  outer.upval("inner", true, 0);
  outer.op(ABC(O::GETUPVAL, 0, 0, 0), 6)
      .op(ABC(O::CALL, 0, 1, 1), 6)
      .op(ABC(O::RETURN0, 0, 0, 0), 7);
  outer.done(1);
  Asm m = Asm::main();
  m.op(ABx(O::CLOSURE, 0, m.child(inner)), 4)
      .op(ABx(O::CLOSURE, 1, m.child(outer)), 7)
      .op(ABC(O::MOVE, 2, 1, 0), 8)
      .op(ABC(O::CALL, 2, 1, 1), 8)
      .op(ABC(O::RETURN, 2, 1, 1), 8)
      .local("inner", 1, 5)
      .local("outer", 2, 5);
  L.pushNative(handler, 0, "handler");
  L.load(m.done(3));
  EXPECT_EQ(L.pcall(0, 0, 1), Status::ErrRun);
  std::string tb = str(L, -1);
  EXPECT_EQ(tb, "test.lua:3: attempt to index a nil value (local 'x')\n"
                "stack traceback:\n"
                "\ttest.lua:3: in upvalue 'inner'\n"
                "\ttest.lua:6: in local 'outer'\n"
                "\ttest.lua:8: in main chunk")
      << tb;
}

} // namespace
