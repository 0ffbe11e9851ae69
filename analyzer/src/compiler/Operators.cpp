// Unary, binary and comparison operators: constant folding first, then the most specific
// instruction Lua 5.4 has (immediate operands, constant operands), each arithmetic instruction
// followed by its MMBIN* metamethod fallback.
#include "FunctionState.h"

#include <utility>

namespace sloth::compiler {

using ast::BinaryOp;
using ast::UnaryOp;
using vm::OpCode;

namespace {

// Binary operators in the order of the opcodes ADD..SHR (and TM_ADD..TM_SHR).
int arithmeticIndex(BinaryOp op) {
  switch (op) {
  case BinaryOp::Add:
    return 0;
  case BinaryOp::Sub:
    return 1;
  case BinaryOp::Mul:
    return 2;
  case BinaryOp::Mod:
    return 3;
  case BinaryOp::Pow:
    return 4;
  case BinaryOp::Div:
    return 5;
  case BinaryOp::IDiv:
    return 6;
  case BinaryOp::BAnd:
    return 7;
  case BinaryOp::BOr:
    return 8;
  case BinaryOp::BXor:
    return 9;
  case BinaryOp::Shl:
    return 10;
  case BinaryOp::Shr:
    return 11;
  default:
    return -1;
  }
}

OpCode offsetOp(OpCode base, int offset) {
  return static_cast<OpCode>(static_cast<int>(base) + offset);
}

vm::TMS eventOf(BinaryOp op) {
  return static_cast<vm::TMS>(vm::TM_ADD + arithmeticIndex(op));
}

bool fitsC(int64_t i) {
  return -vm::OFFSET_sC <= i && i <= vm::MAXARG_C - vm::OFFSET_sC;
}

// A numeric constant without pending jumps.
bool toNumeral(const ExprValue& e, Constant* out) {
  if (e.hasJumps())
    return false;
  if (e.kind == ValueKind::KInt) {
    if (out)
      *out = Constant::ofInteger(e.integer);
    return true;
  }
  if (e.kind == ValueKind::KFloat) {
    if (out)
      *out = Constant::ofFloat(e.number);
    return true;
  }
  return false;
}

bool isSignedCInt(const ExprValue& e) {
  return FunctionState::isKInt(e) && fitsC(e.integer);
}

// A number usable as a signed immediate of a comparison: an integer, or a float with an
// integral value (then `isFloat` is set so the VM compares as floats).
bool isSignedCNumber(const ExprValue& e, int& immediate, int& isFloat) {
  int64_t i;
  if (e.kind == ValueKind::KInt) {
    i = e.integer;
  } else if (e.kind == ValueKind::KFloat) {
    auto exact = floatToIntegerExact(e.number);
    if (!exact)
      return false;
    i = *exact;
  } else {
    return false;
  }
  if (e.hasJumps() || !fitsC(i))
    return false;
  immediate = vm::int2sC(static_cast<int>(i));
  isFloat = e.kind == ValueKind::KFloat ? 1 : 0;
  return true;
}

bool foldConstants(BinaryOp op, ExprValue& e1, const ExprValue& e2) {
  Constant a, b;
  if (!toNumeral(e1, &a) || !toNumeral(e2, &b))
    return false;
  auto result = foldBinary(op, a, b);
  if (!result)
    return false;
  e1 = FunctionState::fromConstant(*result);
  return true;
}

} // namespace

void FunctionState::prefix(UnaryOp op, ExprValue& e, int opLine) {
  dischargeVars(e);
  if (op == UnaryOp::Not) {
    switch (e.kind) {
    case ValueKind::Nil:
    case ValueKind::False:
      e.kind = ValueKind::True;
      break;
    case ValueKind::K:
    case ValueKind::KFloat:
    case ValueKind::KInt:
    case ValueKind::KString:
    case ValueKind::True:
      e.kind = ValueKind::False;
      break;
    case ValueKind::Jump:
      negateCondition(e);
      break;
    default: { // Reloc or NonReloc
      dischargeToAnyReg(e);
      freeExpr(e);
      e.info = emitABC(OpCode::NOT, 0, e.info, 0);
      e.kind = ValueKind::Reloc;
      break;
    }
    }
    std::swap(e.falseList, e.trueList);
    removeValues(e.falseList);
    removeValues(e.trueList);
    return;
  }
  if (op == UnaryOp::Neg || op == UnaryOp::BNot) {
    Constant c;
    if (toNumeral(e, &c))
      if (auto folded = foldUnary(op, c)) {
        e = fromConstant(*folded);
        return;
      }
  }
  OpCode opcode = op == UnaryOp::Neg    ? OpCode::UNM
                  : op == UnaryOp::BNot ? OpCode::BNOT
                                        : OpCode::LEN;
  int r = exprToAnyReg(e);
  freeExpr(e);
  e.info = emitABC(opcode, 0, r, 0);
  e.kind = ValueKind::Reloc;
  fixLine(opLine);
}

void FunctionState::infix(BinaryOp op, ExprValue& v) {
  dischargeVars(v);
  switch (op) {
  case BinaryOp::And:
    goIfTrue(v);
    break;
  case BinaryOp::Or:
    goIfFalse(v);
    break;
  case BinaryOp::Concat:
    exprToNextReg(v); // operands of CONCAT must be consecutive registers
    break;
  case BinaryOp::Eq:
  case BinaryOp::Ne:
    if (!toNumeral(v, nullptr)) // a numeral may become an immediate operand
      exprToRK(v);
    break;
  case BinaryOp::Lt:
  case BinaryOp::Le:
  case BinaryOp::Gt:
  case BinaryOp::Ge: {
    int immediate, isFloat;
    if (!isSignedCNumber(v, immediate, isFloat))
      exprToAnyReg(v);
    break;
  }
  default: // arithmetic and bitwise: keep numerals for folding and immediates
    if (!toNumeral(v, nullptr))
      exprToAnyReg(v);
    break;
  }
}

namespace {

struct BinaryEmitter {
  FunctionState& fs;
  int line;

  void finish(ExprValue& e1, ExprValue& e2, OpCode op, int v2, int flip, OpCode mmOp,
              vm::TMS event) {
    int v1 = fs.exprToAnyReg(e1);
    int at = fs.emitABC(op, 0, v1, v2);
    fs.freeExprs(e1, e2);
    e1.info = at;
    e1.kind = ValueKind::Reloc;
    fs.fixLine(line);
    fs.emitABC(mmOp, v1, v2, event, flip);
    fs.fixLine(line);
  }

  void registers(BinaryOp op, ExprValue& e1, ExprValue& e2) {
    int v2 = fs.exprToAnyReg(e2);
    finish(e1, e2, offsetOp(OpCode::ADD, arithmeticIndex(op)), v2, 0, OpCode::MMBIN, eventOf(op));
  }

  void immediate(OpCode op, ExprValue& e1, ExprValue& e2, int flip, vm::TMS event) {
    int v2 = vm::int2sC(static_cast<int>(e2.integer));
    finish(e1, e2, op, v2, flip, OpCode::MMBINI, event);
  }

  void constant(BinaryOp op, ExprValue& e1, ExprValue& e2, int flip) {
    finish(e1, e2, offsetOp(OpCode::ADDK, arithmeticIndex(op)), e2.info, flip, OpCode::MMBINK,
           eventOf(op));
  }

  // `x - 1` as `x + -1` (ADDI), `x << 1` as `x >> -1` (SHRI): when the negated immediate fits.
  bool negatedImmediate(ExprValue& e1, ExprValue& e2, OpCode op, vm::TMS event) {
    if (!FunctionState::isKInt(e2))
      return false;
    int64_t i2 = e2.integer;
    if (!(fitsC(i2) && fitsC(-i2)))
      return false;
    int v2 = static_cast<int>(i2);
    finish(e1, e2, op, vm::int2sC(-v2), 0, OpCode::MMBINI, event);
    // The metamethod must see the original operand.
    vm::SETARG_B(fs.instructionAt(fs.pc() - 1), vm::int2sC(v2));
    return true;
  }

  void arithmetic(BinaryOp op, ExprValue& e1, ExprValue& e2, int flip) {
    if (toNumeral(e2, nullptr) && fs.exprToK(e2)) {
      constant(op, e1, e2, flip);
    } else {
      if (flip)
        std::swap(e1, e2); // back to the source order
      registers(op, e1, e2);
    }
  }

  void commutative(BinaryOp op, ExprValue& e1, ExprValue& e2) {
    int flip = 0;
    if (toNumeral(e1, nullptr)) { // put the constant second
      std::swap(e1, e2);
      flip = 1;
    }
    if (op == BinaryOp::Add && isSignedCInt(e2))
      immediate(OpCode::ADDI, e1, e2, flip, vm::TM_ADD);
    else
      arithmetic(op, e1, e2, flip);
  }

  void bitwise(BinaryOp op, ExprValue& e1, ExprValue& e2) {
    int flip = 0;
    if (e1.kind == ValueKind::KInt) {
      std::swap(e1, e2);
      flip = 1;
    }
    if (e2.kind == ValueKind::KInt && fs.exprToK(e2)) {
      constant(op, e1, e2, flip);
    } else {
      if (flip)
        std::swap(e1, e2);
      registers(op, e1, e2);
    }
  }

  void order(BinaryOp op, ExprValue& e1, ExprValue& e2) {
    // op is Lt or Le here (Gt/Ge were turned around by the caller).
    int r1, r2, isFloat = 0;
    OpCode opcode;
    int immediateValue;
    if (isSignedCNumber(e2, immediateValue, isFloat)) {
      r1 = fs.exprToAnyReg(e1);
      r2 = immediateValue;
      opcode = op == BinaryOp::Lt ? OpCode::LTI : OpCode::LEI;
    } else if (isSignedCNumber(e1, immediateValue, isFloat)) {
      // `I < x` is `x > I`
      r1 = fs.exprToAnyReg(e2);
      r2 = immediateValue;
      opcode = op == BinaryOp::Lt ? OpCode::GTI : OpCode::GEI;
    } else {
      r1 = fs.exprToAnyReg(e1);
      r2 = fs.exprToAnyReg(e2);
      opcode = op == BinaryOp::Lt ? OpCode::LT : OpCode::LE;
    }
    fs.freeExprs(e1, e2);
    e1.info = fs.conditionalJump(opcode, r1, r2, isFloat, 1);
    e1.kind = ValueKind::Jump;
  }

  void equality(BinaryOp op, ExprValue& e1, ExprValue& e2) {
    if (e1.kind != ValueKind::NonReloc) // a constant: swap it to the second operand
      std::swap(e1, e2);
    int r1 = fs.exprToAnyReg(e1);
    int r2, isFloat = 0;
    OpCode opcode;
    int immediateValue;
    if (isSignedCNumber(e2, immediateValue, isFloat)) {
      opcode = OpCode::EQI;
      r2 = immediateValue;
    } else if (fs.exprToRK(e2)) {
      opcode = OpCode::EQK;
      r2 = e2.info;
    } else {
      opcode = OpCode::EQ;
      r2 = fs.exprToAnyReg(e2);
    }
    fs.freeExprs(e1, e2);
    e1.info = fs.conditionalJump(opcode, r1, r2, isFloat, op == BinaryOp::Eq ? 1 : 0);
    e1.kind = ValueKind::Jump;
  }

  void concat(ExprValue& e1, ExprValue& e2) {
    vm::Instruction* previous = fs.mergeablePrevious();
    if (previous && vm::GET_OPCODE(*previous) == OpCode::CONCAT) {
      // `a .. (b .. c)`: extend the CONCAT that produced e2 down to e1's register.
      int n = vm::GETARG_B(*previous);
      fs.freeExpr(e2);
      vm::SETARG_A(*previous, e1.info);
      vm::SETARG_B(*previous, n + 1);
    } else {
      fs.emitABC(OpCode::CONCAT, e1.info, 2, 0);
      fs.freeExpr(e2);
      fs.fixLine(line);
    }
  }
};

bool isFoldable(BinaryOp op) {
  return arithmeticIndex(op) >= 0;
}

} // namespace

void FunctionState::posfix(BinaryOp op, ExprValue& e1, ExprValue& e2, int opLine) {
  dischargeVars(e2);
  if (isFoldable(op) && foldConstants(op, e1, e2))
    return;
  BinaryEmitter emit{*this, opLine};
  switch (op) {
  case BinaryOp::And:
    concatJumps(e2.falseList, e1.falseList);
    e1 = std::move(e2);
    break;
  case BinaryOp::Or:
    concatJumps(e2.trueList, e1.trueList);
    e1 = std::move(e2);
    break;
  case BinaryOp::Concat:
    exprToNextReg(e2);
    emit.concat(e1, e2);
    break;
  case BinaryOp::Add:
  case BinaryOp::Mul:
    emit.commutative(op, e1, e2);
    break;
  case BinaryOp::Sub:
    if (emit.negatedImmediate(e1, e2, OpCode::ADDI, vm::TM_SUB))
      break;
    emit.arithmetic(op, e1, e2, 0);
    break;
  case BinaryOp::Div:
  case BinaryOp::IDiv:
  case BinaryOp::Mod:
  case BinaryOp::Pow:
    emit.arithmetic(op, e1, e2, 0);
    break;
  case BinaryOp::BAnd:
  case BinaryOp::BOr:
  case BinaryOp::BXor:
    emit.bitwise(op, e1, e2);
    break;
  case BinaryOp::Shl:
    if (isSignedCInt(e1)) {
      std::swap(e1, e2);
      emit.immediate(OpCode::SHLI, e1, e2, 1, vm::TM_SHL); // I << x
    } else if (!emit.negatedImmediate(e1, e2, OpCode::SHRI, vm::TM_SHL)) {
      emit.registers(op, e1, e2);
    }
    break;
  case BinaryOp::Shr:
    if (isSignedCInt(e2))
      emit.immediate(OpCode::SHRI, e1, e2, 0, vm::TM_SHR);
    else
      emit.registers(op, e1, e2);
    break;
  case BinaryOp::Eq:
  case BinaryOp::Ne:
    emit.equality(op, e1, e2);
    break;
  case BinaryOp::Gt:
  case BinaryOp::Ge:
    // `a > b` is `b < a`; `a >= b` is `b <= a`.
    std::swap(e1, e2);
    emit.order(op == BinaryOp::Gt ? BinaryOp::Lt : BinaryOp::Le, e1, e2);
    break;
  case BinaryOp::Lt:
  case BinaryOp::Le:
    emit.order(op, e1, e2);
    break;
  }
}

} // namespace sloth::compiler
