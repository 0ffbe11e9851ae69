// The compiler's description of an expression that has been analysed but not necessarily placed
// in a register yet (Lua's expdesc). Delaying the decision lets the code generator pick
// specialised instructions: a constant becomes an operand K or an immediate, `t.x` becomes
// GETFIELD, a comparison becomes a conditional jump rather than a boolean.
#pragma once

#include <cstdint>
#include <string>

namespace sloth::compiler {

inline constexpr int kNoJump = -1; // end of a jump list
inline constexpr int kNoReg = 255; // "no register" marker for TESTSET patching (as MAXARG_A)

enum class ValueKind : uint8_t {
  Void,     // no value (empty expression list)
  Nil,      // nil constant
  True,     // true constant
  False,    // false constant
  K,        // info = index in the constant table
  KFloat,   // number = float constant
  KInt,     // integer = integer constant
  KString,  // string = string constant
  NonReloc, // info = the register that holds the value
  Local,    // info = register of a local variable
  Upval,    // info = upvalue index
  Indexed,  // table = register, key = register
  IndexUp,  // table = upvalue index, key = constant index (string)
  IndexInt, // table = register, key = integer in [0, MAXARG_C]
  IndexStr, // table = register, key = constant index (short string)
  Jump,     // info = pc of the conditional jump
  Reloc,    // info = pc of an instruction whose A (the result register) is still open
  Call,     // info = pc of the CALL
  Vararg,   // info = pc of the VARARG
};

struct ExprValue {
  ValueKind kind = ValueKind::Void;
  int info = 0;
  int table = 0;
  int key = 0;
  int64_t integer = 0;
  double number = 0;
  std::string string;
  // Pending jumps to take when the expression is true / false (and/or, comparisons).
  int trueList = kNoJump;
  int falseList = kNoJump;

  ExprValue() = default;
  ExprValue(ValueKind k, int i) : kind(k), info(i) {}

  static ExprValue ofInteger(int64_t i) {
    ExprValue e(ValueKind::KInt, 0);
    e.integer = i;
    return e;
  }
  static ExprValue ofFloat(double d) {
    ExprValue e(ValueKind::KFloat, 0);
    e.number = d;
    return e;
  }
  static ExprValue ofString(std::string s) {
    ExprValue e(ValueKind::KString, 0);
    e.string = std::move(s);
    return e;
  }

  bool hasJumps() const { return trueList != falseList; }
  bool isMultiValue() const { return kind == ValueKind::Call || kind == ValueKind::Vararg; }
  bool isVariable() const { return kind >= ValueKind::Local && kind <= ValueKind::IndexStr; }
  bool isIndexed() const { return kind >= ValueKind::Indexed && kind <= ValueKind::IndexStr; }
};

} // namespace sloth::compiler
