#include "StdlibFixture.h"

namespace stdlibtest {
namespace {

using MathLib = StdlibTest;

TEST_F(MathLib, RoundingKeepsIntegers) {
  EXPECT_EQ(call("math.floor", {3.7}), "3");
  EXPECT_EQ(call("math.ceil", {3.2}), "4");
  EXPECT_EQ(call("math.floor", {-3.5}), "-4");
  EXPECT_EQ(call("math.floor", {7}), "7");
  EXPECT_EQ(call("math.floor", {1e100}), "1e+100");
  EXPECT_EQ(call("math.floor", {"x"}),
            "error: bad argument #1 to 'math.floor' (number expected, got string)");
  EXPECT_EQ(call("math.modf", {3.5}), "3, 0.5");
  EXPECT_EQ(call("math.modf", {-3}), "-3, 0.0");
  EXPECT_EQ(call("math.tointeger", {3.0}), "3");
  EXPECT_EQ(call("math.tointeger", {3.5}), "nil");
  EXPECT_EQ(call("math.tointeger", {"8"}), "8");
  EXPECT_EQ(call("math.type", {1}), "\"integer\"");
  EXPECT_EQ(call("math.type", {1.0}), "\"float\"");
  EXPECT_EQ(call("math.type", {"1"}), "nil");
  EXPECT_EQ(call("math.type"), "error: bad argument #1 to 'math.type' (value expected)");
}

TEST_F(MathLib, ArithmeticFunctions) {
  EXPECT_EQ(call("math.abs", {-3}), "3");
  EXPECT_EQ(call("math.abs", {-3.5}), "3.5");
  EXPECT_EQ(call("math.abs", {INT64_MIN}), "-9223372036854775808");
  EXPECT_EQ(call("math.fmod", {7, 3}), "1");
  EXPECT_EQ(call("math.fmod", {-7, 3}), "-1");
  EXPECT_EQ(call("math.fmod", {7, -3.0}), "1.0");
  EXPECT_EQ(call("math.fmod", {1, 0}), "error: bad argument #2 to 'math.fmod' (zero)");
  EXPECT_EQ(call("math.fmod", {INT64_MIN, -1}), "0");
  EXPECT_EQ(call("math.max", {3, 7.5, 1}), "7.5");
  EXPECT_EQ(call("math.min", {2, -1}), "-1");
  EXPECT_EQ(call("math.max"), "error: bad argument #1 to 'math.max' (value expected)");
  EXPECT_EQ(call("math.ult", {1, -1}), "true");
  EXPECT_EQ(call("math.sqrt", {16}), "4.0");
  EXPECT_EQ(call("math.log", {8, 2}), "3.0");
  EXPECT_EQ(call("math.log", {100, 10}), "2.0");
  EXPECT_EQ(call("math.exp", {0}), "1.0");
  EXPECT_EQ(call("math.pow", {2, 10}), "1024.0");
  EXPECT_EQ(call("math.atan", {1, 1}), call("math.atan", {1}));
}

TEST_F(MathLib, Constants) {
  L.getGlobal("math");
  int math = L.top();
  L.getField(math, "pi");
  EXPECT_EQ(show(-1), "3.1415926535898");
  L.getField(math, "huge");
  EXPECT_EQ(show(-1), "inf");
  L.getField(math, "maxinteger");
  EXPECT_EQ(show(-1), "9223372036854775807");
  L.getField(math, "mininteger");
  EXPECT_EQ(show(-1), "-9223372036854775808");
  L.setTop(0);
}

TEST_F(MathLib, RandomIsSeededLikeLua) {
  EXPECT_EQ(call("math.randomseed", {42}), "42, 0");
  EXPECT_EQ(call("math.random", {1, 100}), "50");
  EXPECT_EQ(call("math.random", {1, 100}), "76");
  EXPECT_EQ(call("math.random"), "0.79358935263827");
  EXPECT_EQ(call("math.random", {2, 1}),
            "error: bad argument #1 to 'math.random' (interval is empty)");
  EXPECT_EQ(call("math.random", {1, 2, 3}), "error: wrong number of arguments");
  EXPECT_EQ(call("math.randomseed", {1.5}),
            "error: bad argument #1 to 'math.randomseed' (number has no integer representation)");
}

} // namespace
} // namespace stdlibtest
