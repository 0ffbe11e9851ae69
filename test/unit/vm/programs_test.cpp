// Small complete programs, assembled as luac 5.4 compiles them.
#include "VmTestUtil.h"

#include <gtest/gtest.h>

using namespace vmtest;
using O = OpCode;

namespace {

// local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end
// return fib(N)
std::shared_ptr<Proto> fibChunk(int n) {
  Asm f = Asm::function(1, 1);
  f.upval("fib", true, 0);
  f.op(ABC(O::LTI, 0, int2sC(2), 0, 0))
      .op(Jmp(1))
      .op(ABC(O::RETURN1, 0, 0, 0))
      .op(ABC(O::GETUPVAL, 1, 0, 0))
      .op(ABC(O::ADDI, 2, 0, int2sC(-1)))
      .op(ABC(O::MMBINI, 0, int2sC(1), TM_SUB, 0))
      .op(ABC(O::CALL, 1, 2, 2))
      .op(ABC(O::GETUPVAL, 2, 0, 0))
      .op(ABC(O::ADDI, 3, 0, int2sC(-2)))
      .op(ABC(O::MMBINI, 0, int2sC(2), TM_SUB, 0))
      .op(ABC(O::CALL, 2, 2, 2))
      .op(ABC(O::ADD, 1, 1, 2))
      .op(ABC(O::MMBIN, 1, 2, TM_ADD))
      .op(ABC(O::RETURN1, 1, 0, 0))
      .op(ABC(O::RETURN0, 0, 0, 0))
      .local("n", 0, 15)
      .done(4);
  Asm m = Asm::main();
  m.op(ABx(O::CLOSURE, 0, m.child(f)), 1)
      .op(ABC(O::MOVE, 1, 0, 0), 2)
      .op(AsBx(O::LOADI, 2, n), 2)
      .op(ABC(O::TAILCALL, 1, 2, 1, 1), 2)
      .op(ABC(O::RETURN, 1, 0, 1, 1), 2)
      .op(ABC(O::RETURN, 1, 1, 1, 1), 2)
      .local("fib", 1, 6);
  return m.done(3);
}

TEST(Programs, RecursiveFibonacci) {
  State S;
  Thread& L = S.main();
  ASSERT_EQ(run(L, fibChunk(20)), Status::Ok) << str(L, -1);
  EXPECT_EQ(L.toInteger(-1), 6765);
  EXPECT_EQ(L.top(), 1);
}

// local t = {} ; for i = 1, 100 do t[i] = i * i end
// local s = 0 ; for i = 1, #t do s = s + t[i] end
// return s, #t, t[100]
TEST(Programs, ArraysThroughTheInterpreter) {
  State S;
  Thread& L = S.main();
  Asm m = Asm::main();
  m.op(ABC(O::NEWTABLE, 0, 0, 0))
      .op(CREATE_Ax(O::EXTRAARG, 0))
      .op(AsBx(O::LOADI, 1, 1))
      .op(AsBx(O::LOADI, 2, 100))
      .op(AsBx(O::LOADI, 3, 1))
      .op(ABx(O::FORPREP, 1, 2))
      .op(ABC(O::MUL, 5, 4, 4))
      .op(ABC(O::MMBIN, 4, 4, TM_MUL))
      .op(ABC(O::SETTABLE, 0, 4, 5))
      .op(ABx(O::FORLOOP, 1, 4))
      .op(AsBx(O::LOADI, 1, 0))
      .op(AsBx(O::LOADI, 2, 1))
      .op(ABC(O::LEN, 3, 0, 0))
      .op(AsBx(O::LOADI, 4, 1))
      .op(ABx(O::FORPREP, 2, 3))
      .op(ABC(O::GETTABLE, 6, 0, 5))
      .op(ABC(O::ADD, 1, 1, 6))
      .op(ABC(O::MMBIN, 1, 6, TM_ADD))
      .op(ABx(O::FORLOOP, 2, 4))
      .op(ABC(O::MOVE, 2, 1, 0))
      .op(ABC(O::LEN, 3, 0, 0))
      .op(ABx(O::LOADK, 5, m.ki(100)))
      .op(ABC(O::GETTABLE, 4, 0, 5))
      .op(ABC(O::RETURN, 2, 4, 1));
  ASSERT_EQ(run(L, m.done(7)), Status::Ok) << str(L, -1);
  EXPECT_EQ(L.toInteger(1), 338350);
  EXPECT_EQ(L.toInteger(2), 100);
  EXPECT_EQ(L.toInteger(3), 10000);
}

// local t = {10, 20, 30, ...}  (SETLIST), return #t, t[3]
TEST(Programs, SetListAndStringMethodsThroughTypeMetatable) {
  State S;
  Thread& L = S.main();
  // The string metatable: ("abc"):len() via __index = {len = native}.
  L.pushString("");
  L.newTable();
  L.newTable();
  L.pushNative([](Thread& T) {
    T.pushInteger(static_cast<std::int64_t>(T.checkString(1).size()));
    return 1;
  });
  L.setField(-2, "len");
  L.setField(-2, "__index");
  L.setMetatable(-2);
  L.setTop(0);
  Asm m = Asm::main();
  m.op(ABC(O::NEWTABLE, 0, 0, 3))
      .op(CREATE_Ax(O::EXTRAARG, 0))
      .op(AsBx(O::LOADI, 1, 10))
      .op(AsBx(O::LOADI, 2, 20))
      .op(AsBx(O::LOADI, 3, 30))
      .op(ABC(O::SETLIST, 0, 3, 0))
      .op(ABC(O::LEN, 1, 0, 0))
      .op(ABC(O::GETI, 2, 0, 3))
      .op(ABx(O::LOADK, 3, m.ks("hello")))
      .op(ABC(O::SELF, 3, 3, m.ks("len"), 1))
      .op(ABC(O::CALL, 3, 2, 2))
      .op(ABC(O::RETURN, 1, 4, 1));
  ASSERT_EQ(run(L, m.done(5)), Status::Ok) << str(L, -1);
  EXPECT_EQ(L.toInteger(1), 3);
  EXPECT_EQ(L.toInteger(2), 30);
  EXPECT_EQ(L.toInteger(3), 5);
}

// local s = "x"; return s:nosuch()       -> method naming
// local u = 1; return function() return u.x end  -> upvalue naming
TEST(Programs, MoreErrorNames) {
  State S;
  Thread& L = S.main();
  Asm m = Asm::main();
  m.op(ABC(O::NEWTABLE, 0, 0, 0), 1)
      .op(CREATE_Ax(O::EXTRAARG, 0), 1)
      .op(ABC(O::SELF, 1, 0, m.ks("nosuch"), 1), 2)
      .op(ABC(O::CALL, 1, 2, 1), 2)
      .op(ABC(O::RETURN, 0, 1, 1), 2)
      .local("obj", 2, 5);
  EXPECT_EQ(run(L, m.done(3)), Status::ErrRun);
  EXPECT_EQ(str(L, -1), "test.lua:2: attempt to call a nil value (method 'nosuch')");
  L.setTop(0);

  Asm f = Asm::function(0, 2);
  f.upval("u", true, 0);
  f.op(ABC(O::GETUPVAL, 0, 0, 0), 3)
      .op(ABC(O::GETFIELD, 0, 0, f.ks("x")), 3)
      .op(ABC(O::RETURN1, 0, 0, 0), 3);
  f.done(1);
  Asm m2 = Asm::main();
  m2.op(AsBx(O::LOADI, 0, 1), 1)
      .op(ABx(O::CLOSURE, 1, m2.child(f)), 2)
      .op(ABC(O::CALL, 1, 1, 2), 4)
      .op(ABC(O::RETURN, 1, 2, 1), 4)
      .local("u", 1, 4);
  EXPECT_EQ(run(L, m2.done(2)), Status::ErrRun);
  EXPECT_EQ(str(L, -1), "test.lua:3: attempt to index a number value (upvalue 'u')");
  L.setTop(0);

  // return "a" .. {} -> concatenate a table value
  Asm m3 = Asm::main();
  m3.op(ABx(O::LOADK, 0, m3.ks("a")), 5)
      .op(ABC(O::NEWTABLE, 1, 0, 0), 5)
      .op(CREATE_Ax(O::EXTRAARG, 0), 5)
      .op(ABC(O::CONCAT, 0, 2, 0), 5)
      .op(ABC(O::RETURN, 0, 2, 1), 5);
  EXPECT_EQ(run(L, m3.done(2)), Status::ErrRun);
  EXPECT_EQ(str(L, -1), "test.lua:5: attempt to concatenate a table value");
  L.setTop(0);

  // return 1 & 1.5 -> number has no integer representation
  Asm m4 = Asm::main();
  m4.op(ABx(O::LOADK, 0, m4.kf(1.5)), 6)
      .op(ABC(O::BANDK, 1, 0, m4.ki(1)), 6)
      .op(ABC(O::MMBINK, 0, m4.ki(1), TM_BAND, 0), 6)
      .op(ABC(O::RETURN, 1, 2, 1), 6)
      .local("f", 1, 4);
  EXPECT_EQ(run(L, m4.done(2)), Status::ErrRun);
  EXPECT_EQ(str(L, -1), "test.lua:6: number (local 'f') has no integer representation");
}

TEST(Programs, ArgumentErrorsNameTheFunction) {
  State S;
  Thread& L = S.main();
  L.pushNative(
      [](Thread& T) {
        T.checkInteger(1);
        return 0;
      },
      0, "needint");
  L.setGlobal("needint");
  // needint("x")
  Asm m = Asm::main();
  m.op(ABC(O::GETTABUP, 0, 0, m.ks("needint")), 4)
      .op(ABx(O::LOADK, 1, m.ks("x")), 4)
      .op(ABC(O::CALL, 0, 2, 1), 4)
      .op(ABC(O::RETURN, 0, 1, 1), 4);
  EXPECT_EQ(run(L, m.done(2)), Status::ErrRun);
  EXPECT_EQ(str(L, -1), "test.lua:4: bad argument #1 to 'needint' (number expected, got string)");
}

} // namespace
