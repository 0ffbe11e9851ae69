#include "ConstantFolding.h"

#include <cmath>

namespace sloth::compiler {

namespace {

using ast::BinaryOp;
using ast::UnaryOp;

bool isArithmetic(BinaryOp op) {
  switch (op) {
  case BinaryOp::Add:
  case BinaryOp::Sub:
  case BinaryOp::Mul:
  case BinaryOp::Div:
  case BinaryOp::IDiv:
  case BinaryOp::Mod:
  case BinaryOp::Pow:
    return true;
  default:
    return false;
  }
}

bool isBitwise(BinaryOp op) {
  switch (op) {
  case BinaryOp::BAnd:
  case BinaryOp::BOr:
  case BinaryOp::BXor:
  case BinaryOp::Shl:
  case BinaryOp::Shr:
    return true;
  default:
    return false;
  }
}

std::optional<int64_t> toIntegerExact(const Constant& c) {
  if (c.kind == Constant::Kind::Integer)
    return c.integer;
  if (c.kind == Constant::Kind::Float)
    return floatToIntegerExact(c.number);
  return std::nullopt;
}

// Wrap-around integer arithmetic, done in unsigned to avoid undefined behaviour.
int64_t wrap(uint64_t u) {
  return static_cast<int64_t>(u);
}

std::optional<Constant> foldIntegers(BinaryOp op, int64_t a, int64_t b) {
  auto ua = static_cast<uint64_t>(a);
  auto ub = static_cast<uint64_t>(b);
  switch (op) {
  case BinaryOp::Add:
    return Constant::ofInteger(wrap(ua + ub));
  case BinaryOp::Sub:
    return Constant::ofInteger(wrap(ua - ub));
  case BinaryOp::Mul:
    return Constant::ofInteger(wrap(ua * ub));
  case BinaryOp::IDiv:
    return Constant::ofInteger(integerFloorDiv(a, b));
  case BinaryOp::Mod:
    return Constant::ofInteger(integerMod(a, b));
  case BinaryOp::BAnd:
    return Constant::ofInteger(wrap(ua & ub));
  case BinaryOp::BOr:
    return Constant::ofInteger(wrap(ua | ub));
  case BinaryOp::BXor:
    return Constant::ofInteger(wrap(ua ^ ub));
  case BinaryOp::Shl:
    return Constant::ofInteger(shiftLeft(a, b));
  case BinaryOp::Shr:
    return Constant::ofInteger(shiftLeft(a, wrap(0 - ub)));
  default:
    return std::nullopt;
  }
}

std::optional<double> foldFloats(BinaryOp op, double a, double b) {
  switch (op) {
  case BinaryOp::Add:
    return a + b;
  case BinaryOp::Sub:
    return a - b;
  case BinaryOp::Mul:
    return a * b;
  case BinaryOp::Div:
    return a / b;
  case BinaryOp::IDiv:
    return std::floor(a / b);
  case BinaryOp::Mod:
    return floatMod(a, b);
  case BinaryOp::Pow:
    return b == 2 ? a * a : std::pow(a, b);
  default:
    return std::nullopt;
  }
}

// A float result is kept only when it is a plain number: NaN and zeros (whose sign the constant
// table could conflate) stay run-time computations, as in Lua's own compiler.
std::optional<Constant> floatResult(std::optional<double> d) {
  if (!d || std::isnan(*d) || *d == 0)
    return std::nullopt;
  return Constant::ofFloat(*d);
}

} // namespace

std::optional<int64_t> floatToIntegerExact(double d) {
  double f = std::floor(d);
  if (f != d)
    return std::nullopt;
  // [-2^63, 2^63) is exactly the range of int64_t; the bounds are exact doubles.
  if (f >= -9223372036854775808.0 && f < 9223372036854775808.0)
    return static_cast<int64_t>(f);
  return std::nullopt;
}

int64_t integerFloorDiv(int64_t a, int64_t b) {
  if (b == -1) // avoid overflow of INT64_MIN / -1
    return wrap(0 - static_cast<uint64_t>(a));
  int64_t q = a / b;
  if ((a % b != 0) && ((a ^ b) < 0))
    q -= 1;
  return q;
}

int64_t integerMod(int64_t a, int64_t b) {
  if (b == -1)
    return 0;
  int64_t r = a % b;
  if (r != 0 && (r ^ b) < 0)
    r += b;
  return r;
}

double floatMod(double a, double b) {
  double r = std::fmod(a, b);
  // Lua 5.4's luai_nummod (as vm/src/Number.cpp): adjust only when the remainder and the divisor
  // differ in sign.
  if ((r > 0) ? b < 0 : (r < 0 && b > 0))
    r += b;
  return r;
}

int64_t shiftLeft(int64_t x, int64_t y) {
  auto ux = static_cast<uint64_t>(x);
  if (y < 0) {
    if (y <= -64)
      return 0;
    return wrap(ux >> static_cast<unsigned>(-y));
  }
  if (y >= 64)
    return 0;
  return wrap(ux << static_cast<unsigned>(y));
}

std::optional<Constant> foldBinary(BinaryOp op, const Constant& lhs, const Constant& rhs) {
  if (!lhs.isNumber() || !rhs.isNumber())
    return std::nullopt;
  if (isBitwise(op)) {
    auto a = toIntegerExact(lhs);
    auto b = toIntegerExact(rhs);
    if (!a || !b)
      return std::nullopt; // a run-time error ("number has no integer representation")
    return foldIntegers(op, *a, *b);
  }
  if (!isArithmetic(op))
    return std::nullopt;
  // Lua does not fold any division or modulo by zero, not even the float ones (1/0 = inf is
  // harmless, but keeping the rule uniform matches luac's output).
  if ((op == BinaryOp::Div || op == BinaryOp::IDiv || op == BinaryOp::Mod) && rhs.asFloat() == 0)
    return std::nullopt;
  bool bothIntegers = lhs.kind == Constant::Kind::Integer && rhs.kind == Constant::Kind::Integer;
  if (bothIntegers && op != BinaryOp::Div && op != BinaryOp::Pow)
    return foldIntegers(op, lhs.integer, rhs.integer);
  return floatResult(foldFloats(op, lhs.asFloat(), rhs.asFloat()));
}

std::optional<Constant> foldUnary(UnaryOp op, const Constant& operand) {
  if (!operand.isNumber())
    return std::nullopt;
  switch (op) {
  case UnaryOp::Neg:
    if (operand.kind == Constant::Kind::Integer)
      return Constant::ofInteger(wrap(0 - static_cast<uint64_t>(operand.integer)));
    return floatResult(-operand.number);
  case UnaryOp::BNot: {
    auto i = toIntegerExact(operand);
    if (!i)
      return std::nullopt;
    return Constant::ofInteger(wrap(~static_cast<uint64_t>(*i)));
  }
  default:
    return std::nullopt;
  }
}

} // namespace sloth::compiler
