// Compile-time constant values and the folding of literal arithmetic, exactly as Lua 5.4 would
// compute it at run time. Folding never changes a program's meaning: operations that raise
// errors (integer division or modulo by zero, bitwise operations on non-integral floats) and
// results whose identity is delicate (NaN, 0.0 and -0.0) are left to run time.
#pragma once

#include "sloth/frontend/Ast.h"

#include <cstdint>
#include <optional>
#include <string>

namespace sloth::compiler {

// A value known at compile time: a literal, or a `<const>` local bound to one.
struct Constant {
  enum class Kind : uint8_t { Nil, False, True, Integer, Float, String };
  Kind kind = Kind::Nil;
  int64_t integer = 0;
  double number = 0;
  std::string string;

  static Constant nil() { return {}; }
  static Constant boolean(bool b) { return {b ? Kind::True : Kind::False, 0, 0, {}}; }
  static Constant ofInteger(int64_t i) { return {Kind::Integer, i, 0, {}}; }
  static Constant ofFloat(double d) { return {Kind::Float, 0, d, {}}; }
  static Constant ofString(std::string s) { return {Kind::String, 0, 0, std::move(s)}; }

  bool isNumber() const { return kind == Kind::Integer || kind == Kind::Float; }
  // Lua truthiness: everything but nil and false is true.
  bool isTruthy() const { return kind != Kind::Nil && kind != Kind::False; }
  double asFloat() const { return kind == Kind::Integer ? static_cast<double>(integer) : number; }
};

// Converts a float with an exact integer value to that integer (Lua's F2Ieq mode).
std::optional<int64_t> floatToIntegerExact(double d);

// Lua 5.4 arithmetic on integers and floats, as the VM computes it (wrap-around, floor division,
// modulo with the sign of the divisor). Integer division/modulo by zero must not reach these.
int64_t integerFloorDiv(int64_t a, int64_t b);
int64_t integerMod(int64_t a, int64_t b);
double floatMod(double a, double b);
int64_t shiftLeft(int64_t x, int64_t y);

// The folded result of `lhs op rhs`, or nullopt when the operation must stay a run-time one.
std::optional<Constant> foldBinary(ast::BinaryOp op, const Constant& lhs, const Constant& rhs);

// The folded result of `-c` or `~c`; nullopt for `not` and `#` and whenever folding is unsafe.
std::optional<Constant> foldUnary(ast::UnaryOp op, const Constant& operand);

} // namespace sloth::compiler
