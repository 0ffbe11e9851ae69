// Values, numbers, strings and tables through the API.
#include "VmTestUtil.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace vmtest;

namespace {

std::string arith(ArithOp op, Value a, Value b, Status* st = nullptr) {
  State S;
  Thread& L = S.main();
  L.push(a);
  L.push(b);
  L.pushNative(
      [](Thread& T) {
        auto op = static_cast<ArithOp>(T.checkInteger(3));
        T.setTop(op == ArithOp::Unm || op == ArithOp::BNot ? 1 : 2);
        T.arith(op);
        return 1;
      },
      0, "arith");
  L.insert(1);
  L.pushInteger(static_cast<int>(op));
  Status s = L.pcall(3, 1, 0);
  if (st)
    *st = s;
  return str(L, -1);
}

TEST(Numbers, IntegerAndFloatArithmetic) {
  EXPECT_EQ(arith(ArithOp::IDiv, Value::integer(7), Value::integer(2)), "3");
  EXPECT_EQ(arith(ArithOp::IDiv, Value::integer(-7), Value::integer(2)), "-4");
  EXPECT_EQ(arith(ArithOp::Mod, Value::integer(-7), Value::integer(3)), "2");
  EXPECT_EQ(arith(ArithOp::Mod, Value::integer(7), Value::integer(-3)), "-2");
  EXPECT_EQ(arith(ArithOp::Mod, Value::number(5.5), Value::integer(-2)), "-0.5");
  EXPECT_EQ(arith(ArithOp::IDiv, Value::number(7.5), Value::integer(2)), "3.0");
  EXPECT_EQ(arith(ArithOp::Div, Value::integer(6), Value::integer(3)), "2.0");
  EXPECT_EQ(arith(ArithOp::Div, Value::integer(1), Value::integer(0)), "inf");
  EXPECT_EQ(arith(ArithOp::Div, Value::integer(-1), Value::integer(0)), "-inf");
  EXPECT_EQ(arith(ArithOp::Pow, Value::integer(2), Value::integer(10)), "1024.0");
  EXPECT_EQ(arith(ArithOp::Add, Value::integer(INT64_MAX), Value::integer(1)),
            "-9223372036854775808");
  EXPECT_EQ(arith(ArithOp::IDiv, Value::integer(INT64_MIN), Value::integer(-1)),
            "-9223372036854775808");
  EXPECT_EQ(arith(ArithOp::Mod, Value::integer(INT64_MIN), Value::integer(-1)), "0");
  EXPECT_EQ(arith(ArithOp::Shl, Value::integer(1), Value::integer(63)), "-9223372036854775808");
  EXPECT_EQ(arith(ArithOp::Shl, Value::integer(1), Value::integer(64)), "0");
  EXPECT_EQ(arith(ArithOp::Shr, Value::integer(-1), Value::integer(60)), "15");
  EXPECT_EQ(arith(ArithOp::Shl, Value::integer(16), Value::integer(-2)), "4");
  EXPECT_EQ(arith(ArithOp::BAnd, Value::number(3.0), Value::integer(5)), "1");
  EXPECT_EQ(arith(ArithOp::Unm, Value::integer(INT64_MIN), Value::integer(0)),
            "-9223372036854775808");
}

TEST(Numbers, DivisionByZeroAndBadOperands) {
  Status st;
  EXPECT_EQ(arith(ArithOp::IDiv, Value::integer(1), Value::integer(0), &st),
            "attempt to divide by zero");
  EXPECT_EQ(st, Status::ErrRun);
  EXPECT_EQ(arith(ArithOp::Mod, Value::integer(1), Value::integer(0), &st),
            "attempt to perform 'n%0'");
  EXPECT_EQ(arith(ArithOp::BOr, Value::number(1.5), Value::integer(0), &st),
            "number has no integer representation");
  EXPECT_EQ(arith(ArithOp::Add, Value(), Value::integer(1), &st),
            "attempt to perform arithmetic on a nil value");
  EXPECT_EQ(st, Status::ErrRun);
}

TEST(Numbers, StringCoercionInArithmetic) {
  State S;
  Thread& L = S.main();
  L.pushString("10");
  L.pushString("0x10");
  L.arith(ArithOp::Add);
  EXPECT_EQ(str(L, -1), "26");
  L.pushString(" 2.5 ");
  L.pushInteger(2);
  L.arith(ArithOp::Mul);
  EXPECT_EQ(str(L, -1), "5.0");
}

TEST(Numbers, StringToNumber) {
  State S;
  Thread& L = S.main();
  auto conv = [&](const char* s) {
    L.pushString(s);
    bool ok;
    double d = L.toNumber(-1, &ok);
    bool isInt = false;
    L.toInteger(-1, &isInt);
    L.pop();
    return ok ? std::to_string(d) + (isInt ? "i" : "") : std::string("fail");
  };
  EXPECT_EQ(conv("0x10"), "16.000000i");
  EXPECT_EQ(conv("  12  "), "12.000000i");
  EXPECT_EQ(conv("0x1p4"), "16.000000i");
  EXPECT_EQ(conv("1e2"), "100.000000i");
  EXPECT_EQ(conv("0.5"), "0.500000");
  EXPECT_EQ(conv("inf"), "fail");
  EXPECT_EQ(conv("nan"), "fail");
  EXPECT_EQ(conv("1 2"), "fail");
  EXPECT_EQ(conv(""), "fail");
  EXPECT_EQ(conv("0x"), "fail");
  // Decimal overflow becomes a float; hex wraps around.
  L.pushString("9223372036854775808");
  EXPECT_EQ(str(L, -1), "9223372036854775808");
  L.pushString("9223372036854775808");
  L.pushInteger(0);
  L.arith(ArithOp::Add);
  EXPECT_EQ(str(L, -1), "9.2233720368548e+18");
  L.pushString("0xffffffffffffffff");
  L.pushInteger(0);
  L.arith(ArithOp::Add);
  EXPECT_EQ(str(L, -1), "-1");
}

TEST(Numbers, NumberToString) {
  State S;
  Thread& L = S.main();
  auto fmt = [&](double d) {
    L.pushNumber(d);
    std::string s = str(L, -1);
    L.setTop(0);
    return s;
  };
  EXPECT_EQ(fmt(1.0), "1.0");
  EXPECT_EQ(fmt(-0.0), "-0.0");
  EXPECT_EQ(fmt(0.1), "0.1");
  EXPECT_EQ(fmt(1e100), "1e+100");
  EXPECT_EQ(fmt(1e15), "1e+15");
  EXPECT_EQ(fmt(123456789012.0), "123456789012.0");
  EXPECT_EQ(fmt(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(fmt(-std::numeric_limits<double>::infinity()), "-inf");
  EXPECT_EQ(fmt(std::copysign(std::nan(""), -1.0)), "-nan");
  EXPECT_EQ(fmt(std::copysign(std::nan(""), 1.0)), "nan");
  L.pushInteger(-42);
  EXPECT_EQ(str(L, -1), "-42");
}

TEST(Numbers, ComparisonsIntFloatAreExact) {
  State S;
  Thread& L = S.main();
  L.pushInteger(INT64_MAX);
  L.pushNumber(9223372036854775808.0); // 2^63
  EXPECT_TRUE(L.compare(-2, -1, CompareOp::Lt));
  EXPECT_FALSE(L.compare(-2, -1, CompareOp::Eq));
  L.pushInteger((std::int64_t{1} << 53) + 1);
  L.pushNumber(9007199254740992.0); // 2^53
  EXPECT_FALSE(L.compare(-2, -1, CompareOp::Le));
  EXPECT_TRUE(L.compare(-1, -2, CompareOp::Lt));
  L.pushInteger(1);
  L.pushNumber(1.0);
  EXPECT_TRUE(L.compare(-2, -1, CompareOp::Eq));
  L.pushNumber(std::nan(""));
  L.pushInteger(1);
  EXPECT_FALSE(L.compare(-2, -1, CompareOp::Lt));
  EXPECT_FALSE(L.compare(-1, -2, CompareOp::Le));
  L.pushString("a");
  L.pushString("b");
  EXPECT_TRUE(L.compare(-2, -1, CompareOp::Lt));
}

TEST(Strings, ShortStringsAreInterned) {
  State S;
  Thread& L = S.main();
  L.pushString("hello");
  std::string h = "hel";
  h += "lo";
  L.pushString(h);
  EXPECT_EQ(L.toPointer(-1), L.toPointer(-2));
  EXPECT_TRUE(L.rawEqual(-1, -2));
  std::string longs(100, 'x');
  L.pushString(longs);
  L.pushString(longs);
  EXPECT_NE(L.toPointer(-1), L.toPointer(-2));
  EXPECT_TRUE(L.rawEqual(-1, -2));
  // Equal long strings are the same table key.
  L.newTable();
  L.pushString(longs);
  L.pushInteger(7);
  L.rawSet(-3);
  L.pushString(longs);
  L.rawGet(-2);
  EXPECT_EQ(L.toInteger(-1), 7);
  std::string_view emb;
  L.pushString(std::string_view("a\0b", 3));
  ASSERT_TRUE(L.toStringView(-1, emb));
  EXPECT_EQ(emb.size(), 3u);
}

TEST(Tables, LengthIsABorder) {
  State S;
  Thread& L = S.main();
  L.newTable();
  for (int i = 1; i <= 100; i++) {
    L.pushInteger(i * 10);
    L.rawSetI(1, i);
  }
  EXPECT_EQ(L.rawLen(1), 100u);
  L.pushNil();
  L.rawSetI(1, 100);
  EXPECT_EQ(L.rawLen(1), 99u);
  // A table filled only through the hash part.
  L.newTable();
  for (int i = 5; i >= 1; i--) {
    L.pushBoolean(true);
    L.rawSetI(2, i);
  }
  EXPECT_EQ(L.rawLen(2), 5u);
  L.newTable();
  EXPECT_EQ(L.rawLen(3), 0u);
  // Float keys with integer values are the same keys as integers.
  L.pushNumber(1.0);
  L.pushString("one");
  L.rawSet(3);
  L.rawGetI(3, 1);
  EXPECT_EQ(str(L, -1), "one");
  EXPECT_EQ(L.rawLen(3), 1u);
}

TEST(Tables, NextVisitsEveryKeyOnceAndToleratesClearing) {
  State S;
  Thread& L = S.main();
  L.newTable();
  for (int i = 1; i <= 10; i++) {
    L.pushInteger(i);
    L.rawSetI(1, i);
  }
  for (int i = 0; i < 50; i++) {
    L.pushString("k" + std::to_string(i));
    L.pushInteger(i);
    L.rawSet(1);
  }
  L.pushNumber(2.5);
  L.pushBoolean(true);
  L.rawSet(1);
  int count = 0;
  L.pushNil();
  while (L.next(1)) {
    count++;
    // Clearing the current field during traversal is allowed.
    L.pushValue(-2);
    L.pushNil();
    L.rawSet(1);
    L.pop();
  }
  EXPECT_EQ(count, 61);
  L.pushNil();
  EXPECT_FALSE(L.next(1));
  L.setTop(1);
  L.pushString("missing");
  EXPECT_NE(L.pcall(0, 0, 0), Status::Ok); // calling a string fails
  L.setTop(1);
}

TEST(Tables, NilAndNaNKeysAreErrors) {
  State S;
  Thread& L = S.main();
  L.pushNative(
      [](Thread& T) {
        T.newTable();
        T.pushNil();
        T.pushInteger(1);
        T.rawSet(-3);
        return 0;
      },
      0, "f");
  EXPECT_EQ(L.pcall(0, 0, 0), Status::ErrRun);
  EXPECT_EQ(str(L, -1), "table index is nil");
  L.pushNative(
      [](Thread& T) {
        T.newTable();
        T.pushNumber(std::nan(""));
        T.pushInteger(1);
        T.rawSet(-3);
        return 0;
      },
      0, "f");
  EXPECT_EQ(L.pcall(0, 0, 0), Status::ErrRun);
  EXPECT_EQ(str(L, -1), "table index is NaN");
}

} // namespace
