// Turning delayed expression values into register contents, constant operands, stores and
// conditional jumps (the heart of Lua's lcode.c).
#include "FunctionState.h"

namespace sloth::compiler {

using vm::OpCode;

ExprValue FunctionState::fromConstant(const Constant& c) {
  switch (c.kind) {
  case Constant::Kind::Nil:
    return ExprValue(ValueKind::Nil, 0);
  case Constant::Kind::True:
    return ExprValue(ValueKind::True, 0);
  case Constant::Kind::False:
    return ExprValue(ValueKind::False, 0);
  case Constant::Kind::Integer:
    return ExprValue::ofInteger(c.integer);
  case Constant::Kind::Float:
    return ExprValue::ofFloat(c.number);
  case Constant::Kind::String:
    return ExprValue::ofString(c.string);
  }
  return {};
}

bool FunctionState::toConstant(const ExprValue& e, Constant& out) {
  if (e.hasJumps())
    return false;
  switch (e.kind) {
  case ValueKind::Nil:
    out = Constant::nil();
    return true;
  case ValueKind::True:
    out = Constant::boolean(true);
    return true;
  case ValueKind::False:
    out = Constant::boolean(false);
    return true;
  case ValueKind::KInt:
    out = Constant::ofInteger(e.integer);
    return true;
  case ValueKind::KFloat:
    out = Constant::ofFloat(e.number);
    return true;
  case ValueKind::KString:
    out = Constant::ofString(e.string);
    return true;
  default:
    return false;
  }
}

void FunctionState::setReturns(ExprValue& e, int nresults) {
  vm::Instruction& i = instructionOf(e);
  if (e.kind == ValueKind::Call) {
    vm::SETARG_C(i, nresults + 1);
  } else {
    vm::SETARG_C(i, nresults + 1);
    vm::SETARG_A(i, freeReg);
    reserveRegs(1);
  }
}

void FunctionState::setOneReturn(ExprValue& e) {
  if (e.kind == ValueKind::Call) {
    // A call already leaves its first result in its base register.
    e.kind = ValueKind::NonReloc;
    e.info = vm::GETARG_A(instructionOf(e));
  } else if (e.kind == ValueKind::Vararg) {
    vm::SETARG_C(instructionOf(e), 2);
    e.kind = ValueKind::Reloc;
  }
}

void FunctionState::dischargeVars(ExprValue& e) {
  switch (e.kind) {
  case ValueKind::Local:
    e.kind = ValueKind::NonReloc;
    break;
  case ValueKind::Upval:
    e.info = emitABC(OpCode::GETUPVAL, 0, e.info, 0);
    e.kind = ValueKind::Reloc;
    break;
  case ValueKind::IndexUp:
    e.info = emitABC(OpCode::GETTABUP, 0, e.table, e.key);
    e.kind = ValueKind::Reloc;
    break;
  case ValueKind::IndexInt:
    freeRegister(e.table);
    e.info = emitABC(OpCode::GETI, 0, e.table, e.key);
    e.kind = ValueKind::Reloc;
    break;
  case ValueKind::IndexStr:
    freeRegister(e.table);
    e.info = emitABC(OpCode::GETFIELD, 0, e.table, e.key);
    e.kind = ValueKind::Reloc;
    break;
  case ValueKind::Indexed: {
    ExprValue t(ValueKind::NonReloc, e.table), k(ValueKind::NonReloc, e.key);
    freeExprs(t, k);
    e.info = emitABC(OpCode::GETTABLE, 0, e.table, e.key);
    e.kind = ValueKind::Reloc;
    break;
  }
  case ValueKind::Call:
  case ValueKind::Vararg:
    setOneReturn(e);
    break;
  default:
    break;
  }
}

void FunctionState::stringToK(ExprValue& e) {
  e.info = stringConstant(e.string);
  e.kind = ValueKind::K;
}

void FunctionState::dischargeToReg(ExprValue& e, int reg) {
  dischargeVars(e);
  switch (e.kind) {
  case ValueKind::Nil:
    loadNil(reg, 1);
    break;
  case ValueKind::False:
    emitABC(OpCode::LOADFALSE, reg, 0, 0);
    break;
  case ValueKind::True:
    emitABC(OpCode::LOADTRUE, reg, 0, 0);
    break;
  case ValueKind::KString:
    stringToK(e);
    [[fallthrough]];
  case ValueKind::K:
    loadConstant(reg, e.info);
    break;
  case ValueKind::KFloat:
    loadFloat(reg, e.number);
    break;
  case ValueKind::KInt:
    loadInteger(reg, e.integer);
    break;
  case ValueKind::Reloc:
    vm::SETARG_A(instructionOf(e), reg);
    break;
  case ValueKind::NonReloc:
    if (reg != e.info)
      emitABC(OpCode::MOVE, reg, e.info, 0);
    break;
  default: // Void or Jump: nothing to put in a register yet
    return;
  }
  e.info = reg;
  e.kind = ValueKind::NonReloc;
}

void FunctionState::dischargeToAnyReg(ExprValue& e) {
  if (e.kind != ValueKind::NonReloc) {
    reserveRegs(1);
    dischargeToReg(e, freeReg - 1);
  }
}

void FunctionState::exprToReg(ExprValue& e, int reg) {
  dischargeToReg(e, reg);
  if (e.kind == ValueKind::Jump)
    concatJumps(e.trueList, e.info); // the comparison's own jump goes on the true list
  if (e.hasJumps()) {
    int loadFalse = kNoJump;
    int loadTrue = kNoJump;
    // Jumps that come from comparisons (not TESTSETs) need an explicit boolean.
    if (needsValue(e.trueList) || needsValue(e.falseList)) {
      int skip = e.kind == ValueKind::Jump ? kNoJump : jump();
      markLabel();
      loadFalse = emitABC(OpCode::LFALSESKIP, reg, 0, 0);
      markLabel();
      loadTrue = emitABC(OpCode::LOADTRUE, reg, 0, 0);
      patchToHere(skip);
    }
    int end = markLabel();
    patchListAux(e.falseList, end, reg, loadFalse);
    patchListAux(e.trueList, end, reg, loadTrue);
  }
  e.falseList = e.trueList = kNoJump;
  e.info = reg;
  e.kind = ValueKind::NonReloc;
}

void FunctionState::exprToNextReg(ExprValue& e) {
  dischargeVars(e);
  freeExpr(e);
  reserveRegs(1);
  exprToReg(e, freeReg - 1);
}

int FunctionState::exprToAnyReg(ExprValue& e) {
  dischargeVars(e);
  if (e.kind == ValueKind::NonReloc) {
    if (!e.hasJumps())
      return e.info;
    if (e.info >= activeRegisters()) { // a temporary: the result can go there
      exprToReg(e, e.info);
      return e.info;
    }
  }
  exprToNextReg(e);
  return e.info;
}

void FunctionState::exprToAnyRegOrUpval(ExprValue& e) {
  if (e.kind != ValueKind::Upval || e.hasJumps())
    exprToAnyReg(e);
}

void FunctionState::exprToValue(ExprValue& e) {
  if (e.hasJumps())
    exprToAnyReg(e);
  else
    dischargeVars(e);
}

bool FunctionState::exprToK(ExprValue& e) {
  if (e.hasJumps())
    return false;
  int k;
  switch (e.kind) {
  case ValueKind::True:
    k = constantIndex(vm::Constant::boolean(true));
    break;
  case ValueKind::False:
    k = constantIndex(vm::Constant::boolean(false));
    break;
  case ValueKind::Nil:
    k = constantIndex(vm::Constant::nil());
    break;
  case ValueKind::KInt:
    k = integerConstant(e.integer);
    break;
  case ValueKind::KFloat:
    k = floatConstant(e.number);
    break;
  case ValueKind::KString:
    k = stringConstant(e.string);
    break;
  case ValueKind::K:
    k = e.info;
    break;
  default:
    return false;
  }
  if (k > vm::MAXARG_B) // does not fit an instruction operand
    return false;
  e.kind = ValueKind::K;
  e.info = k;
  return true;
}

bool FunctionState::exprToRK(ExprValue& e) {
  if (exprToK(e))
    return true;
  exprToAnyReg(e);
  return false;
}

void FunctionState::storeVar(const ExprValue& var, ExprValue& value) {
  auto storeRK = [&](OpCode op, int a, int b) {
    bool isK = exprToRK(value);
    emitABC(op, a, b, value.info, isK ? 1 : 0);
  };
  switch (var.kind) {
  case ValueKind::Local:
    freeExpr(value);
    exprToReg(value, var.info);
    return;
  case ValueKind::Upval: {
    int r = exprToAnyReg(value);
    emitABC(OpCode::SETUPVAL, r, var.info, 0);
    break;
  }
  case ValueKind::IndexUp:
    storeRK(OpCode::SETTABUP, var.table, var.key);
    break;
  case ValueKind::IndexInt:
    storeRK(OpCode::SETI, var.table, var.key);
    break;
  case ValueKind::IndexStr:
    storeRK(OpCode::SETFIELD, var.table, var.key);
    break;
  case ValueKind::Indexed:
    storeRK(OpCode::SETTABLE, var.table, var.key);
    break;
  default:
    fail({}, "cannot assign to this expression");
  }
  freeExpr(value);
}

void FunctionState::self(ExprValue& e, ExprValue& key) {
  exprToAnyReg(e);
  int objectReg = e.info;
  freeExpr(e);
  e.info = freeReg; // SELF puts the method and the object in two consecutive registers
  e.kind = ValueKind::NonReloc;
  reserveRegs(2);
  bool isK = exprToRK(key);
  emitABC(OpCode::SELF, e.info, objectReg, key.info, isK ? 1 : 0);
  freeExpr(key);
}

void FunctionState::indexed(ExprValue& t, ExprValue& key) {
  if (key.kind == ValueKind::KString)
    stringToK(key);
  // An upvalue table can only be indexed directly by a constant string (GETTABUP).
  if (t.kind == ValueKind::Upval && !isKString(key))
    exprToAnyReg(t);
  if (t.kind == ValueKind::Upval) {
    t.table = t.info;
    t.key = key.info;
    t.kind = ValueKind::IndexUp;
    return;
  }
  t.table = t.info; // Local or NonReloc: the register
  if (isKString(key)) {
    t.key = key.info;
    t.kind = ValueKind::IndexStr;
  } else if (isKInt(key) && key.integer >= 0 && key.integer <= vm::MAXARG_C) {
    t.key = static_cast<int>(key.integer);
    t.kind = ValueKind::IndexInt;
  } else {
    t.key = exprToAnyReg(key);
    t.kind = ValueKind::Indexed;
  }
}

namespace {

// `not x` just computed into a register can be folded into the test that follows.
int jumpOnCondition(FunctionState& fs, ExprValue& e, int cond) {
  if (e.kind == ValueKind::Reloc) {
    vm::Instruction i = fs.instructionOf(e);
    if (vm::GET_OPCODE(i) == OpCode::NOT) {
      fs.removeLastInstruction();
      return fs.conditionalJump(OpCode::TEST, vm::GETARG_B(i), 0, 0, cond ^ 1);
    }
  }
  fs.dischargeToAnyReg(e);
  fs.freeExpr(e);
  return fs.conditionalJump(OpCode::TESTSET, kNoReg, e.info, 0, cond);
}

} // namespace

void FunctionState::goIfTrue(ExprValue& e) {
  dischargeVars(e);
  int jumpIfFalse;
  switch (e.kind) {
  case ValueKind::Jump:
    negateCondition(e);
    jumpIfFalse = e.info;
    break;
  case ValueKind::K:
  case ValueKind::KFloat:
  case ValueKind::KInt:
  case ValueKind::KString:
  case ValueKind::True:
    jumpIfFalse = kNoJump; // always true
    break;
  default:
    jumpIfFalse = jumpOnCondition(*this, e, 0);
    break;
  }
  concatJumps(e.falseList, jumpIfFalse);
  patchToHere(e.trueList);
  e.trueList = kNoJump;
}

void FunctionState::goIfFalse(ExprValue& e) {
  dischargeVars(e);
  int jumpIfTrue;
  switch (e.kind) {
  case ValueKind::Jump:
    jumpIfTrue = e.info;
    break;
  case ValueKind::Nil:
  case ValueKind::False:
    jumpIfTrue = kNoJump; // always false
    break;
  default:
    jumpIfTrue = jumpOnCondition(*this, e, 1);
    break;
  }
  concatJumps(e.trueList, jumpIfTrue);
  patchToHere(e.falseList);
  e.falseList = kNoJump;
}

} // namespace sloth::compiler
