// Constant folding must compute exactly what Lua 5.4 computes at run time, and refuse to fold
// whatever would raise an error or lose the sign of zero / the identity of NaN.
#include "../../../analyzer/src/compiler/ConstantFolding.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace sloth::compiler;
using sloth::ast::BinaryOp;
using sloth::ast::UnaryOp;

namespace {

Constant I(int64_t i) {
  return Constant::ofInteger(i);
}
Constant F(double d) {
  return Constant::ofFloat(d);
}

void expectInteger(std::optional<Constant> c, int64_t want) {
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->kind, Constant::Kind::Integer);
  EXPECT_EQ(c->integer, want);
}

void expectFloat(std::optional<Constant> c, double want) {
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->kind, Constant::Kind::Float);
  EXPECT_EQ(c->number, want);
}

} // namespace

TEST(ConstantFolding, IntegerArithmeticWrapsAround) {
  constexpr int64_t max = std::numeric_limits<int64_t>::max();
  constexpr int64_t min = std::numeric_limits<int64_t>::min();
  expectInteger(foldBinary(BinaryOp::Add, I(max), I(1)), min);
  expectInteger(foldBinary(BinaryOp::Mul, I(min), I(-1)), min);
  expectInteger(foldUnary(UnaryOp::Neg, I(min)), min);
  expectInteger(foldBinary(BinaryOp::IDiv, I(min), I(-1)), min);
  expectInteger(foldBinary(BinaryOp::Mod, I(min), I(-1)), 0);
}

TEST(ConstantFolding, FloorDivisionAndModuloFollowTheDivisorSign) {
  expectInteger(foldBinary(BinaryOp::IDiv, I(7), I(-2)), -4);
  expectInteger(foldBinary(BinaryOp::Mod, I(7), I(-2)), -1);
  expectInteger(foldBinary(BinaryOp::Mod, I(-7), I(2)), 1);
  expectFloat(foldBinary(BinaryOp::Mod, F(5.5), I(-2)), -0.5);
  expectFloat(foldBinary(BinaryOp::IDiv, F(7.5), I(2)), 3.0);
}

TEST(ConstantFolding, DivisionAndPowerAlwaysGiveFloats) {
  expectFloat(foldBinary(BinaryOp::Div, I(6), I(3)), 2.0);
  expectFloat(foldBinary(BinaryOp::Pow, I(2), I(10)), 1024.0);
  expectFloat(foldBinary(BinaryOp::Add, I(1), F(0.5)), 1.5);
}

TEST(ConstantFolding, DivisionByZeroIsLeftToRunTime) {
  EXPECT_FALSE(foldBinary(BinaryOp::IDiv, I(1), I(0)));
  EXPECT_FALSE(foldBinary(BinaryOp::Mod, I(1), I(0)));
  EXPECT_FALSE(foldBinary(BinaryOp::Div, I(1), I(0)));
  EXPECT_FALSE(foldBinary(BinaryOp::Div, F(1), F(0)));
}

TEST(ConstantFolding, ZeroAndNaNResultsAreNotFolded) {
  EXPECT_FALSE(foldUnary(UnaryOp::Neg, F(0.0)));
  EXPECT_FALSE(foldBinary(BinaryOp::Mul, F(-1.0), F(0.0)));
  EXPECT_FALSE(foldBinary(BinaryOp::Sub, F(1.5), F(1.5)));
  double inf = std::numeric_limits<double>::infinity();
  EXPECT_FALSE(foldBinary(BinaryOp::Sub, F(inf), F(inf)));
  // Integer zero has no sign: it folds.
  expectInteger(foldBinary(BinaryOp::Sub, I(3), I(3)), 0);
}

TEST(ConstantFolding, BitwiseNeedsExactIntegers) {
  expectInteger(foldBinary(BinaryOp::BAnd, F(6.0), I(3)), 2);
  EXPECT_FALSE(foldBinary(BinaryOp::BOr, F(1.5), I(1)));
  EXPECT_FALSE(foldUnary(UnaryOp::BNot, F(1e100)));
  expectInteger(foldUnary(UnaryOp::BNot, I(0)), -1);
}

TEST(ConstantFolding, ShiftsAreLogicalAndSaturate) {
  expectInteger(foldBinary(BinaryOp::Shl, I(1), I(63)), std::numeric_limits<int64_t>::min());
  expectInteger(foldBinary(BinaryOp::Shl, I(1), I(64)), 0);
  expectInteger(foldBinary(BinaryOp::Shr, I(-1), I(60)), 15);
  expectInteger(foldBinary(BinaryOp::Shl, I(16), I(-2)), 4);
  expectInteger(foldBinary(BinaryOp::Shr, I(1), I(-3)), 8);
}

TEST(ConstantFolding, NonNumbersAndComparisonsAreNotFolded) {
  EXPECT_FALSE(foldBinary(BinaryOp::Add, Constant::ofString("1"), I(1)));
  EXPECT_FALSE(foldBinary(BinaryOp::Concat, I(1), I(2)));
  EXPECT_FALSE(foldBinary(BinaryOp::Lt, I(1), I(2)));
  EXPECT_FALSE(foldUnary(UnaryOp::Len, Constant::ofString("abc")));
}
