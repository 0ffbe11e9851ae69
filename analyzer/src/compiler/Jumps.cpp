// Jump lists and their patching. A pending list of jumps is threaded through the jumps' own
// offset fields (each points at the next; kNoJump ends it), so conditions can be compiled
// before their targets exist.
#include "FunctionState.h"

namespace sloth::compiler {

using vm::OpCode;

namespace {

// Instructions that test a condition and are always followed by a JMP.
bool isTest(OpCode op) {
  switch (op) {
  case OpCode::EQ:
  case OpCode::LT:
  case OpCode::LE:
  case OpCode::EQK:
  case OpCode::EQI:
  case OpCode::LTI:
  case OpCode::LEI:
  case OpCode::GTI:
  case OpCode::GEI:
  case OpCode::TEST:
  case OpCode::TESTSET:
    return true;
  default:
    return false;
  }
}

void setOpcode(vm::Instruction& i, OpCode op) {
  vm::setField(i, vm::POS_OP, vm::SIZE_OP, static_cast<uint32_t>(op));
}

// Follows a chain of unconditional jumps to where it finally lands (bounded, for safety).
int finalTarget(const std::vector<vm::Instruction>& code, int at) {
  for (int count = 0; count < 100; ++count) {
    vm::Instruction i = code[static_cast<size_t>(at)];
    if (vm::GET_OPCODE(i) != OpCode::JMP)
      break;
    at += vm::GETARG_sJ(i) + 1;
  }
  return at;
}

} // namespace

int FunctionState::jump() {
  return emit(vm::CREATE_sJ(OpCode::JMP, kNoJump));
}

int FunctionState::conditionalJump(OpCode op, int a, int b, int c, int k) {
  emitABC(op, a, b, c, k);
  return jump();
}

int FunctionState::markLabel() {
  lastTarget = pc();
  return pc();
}

int FunctionState::jumpDestination(int at) const {
  int offset = vm::GETARG_sJ(proto->code[static_cast<size_t>(at)]);
  return offset == kNoJump ? kNoJump : at + 1 + offset;
}

void FunctionState::fixJump(int at, int destination) {
  int offset = destination - (at + 1);
  if (!(-vm::OFFSET_sJ <= offset && offset <= vm::MAXARG_sJ - vm::OFFSET_sJ))
    failHere("control structure too long");
  vm::SETARG_sJ(instructionAt(at), offset);
}

void FunctionState::concatJumps(int& list, int other) {
  if (other == kNoJump)
    return;
  if (list == kNoJump) {
    list = other;
    return;
  }
  int last = list;
  for (int next; (next = jumpDestination(last)) != kNoJump;)
    last = next;
  fixJump(last, other);
}

vm::Instruction& FunctionState::jumpControl(int at) {
  if (at >= 1 && isTest(vm::GET_OPCODE(instructionAt(at - 1))))
    return instructionAt(at - 1);
  return instructionAt(at);
}

bool FunctionState::needsValue(int list) {
  for (; list != kNoJump; list = jumpDestination(list))
    if (vm::GET_OPCODE(jumpControl(list)) != OpCode::TESTSET)
      return true;
  return false;
}

// A TESTSET copies the tested value into `reg` when it jumps; when no register is wanted (or
// the value is already there) it degrades to a plain TEST.
bool FunctionState::patchTestRegister(int node, int reg) {
  vm::Instruction& i = jumpControl(node);
  if (vm::GET_OPCODE(i) != OpCode::TESTSET)
    return false;
  if (reg != kNoReg && reg != vm::GETARG_B(i))
    vm::SETARG_A(i, reg);
  else
    i = vm::CREATE_ABCk(OpCode::TEST, vm::GETARG_B(i), 0, 0, vm::GETARG_k(i));
  return true;
}

void FunctionState::removeValues(int list) {
  for (; list != kNoJump; list = jumpDestination(list))
    patchTestRegister(list, kNoReg);
}

void FunctionState::patchListAux(int list, int valueTarget, int reg, int defaultTarget) {
  while (list != kNoJump) {
    int next = jumpDestination(list);
    if (patchTestRegister(list, reg))
      fixJump(list, valueTarget);
    else
      fixJump(list, defaultTarget);
    list = next;
  }
}

void FunctionState::patchList(int list, int target) {
  patchListAux(list, target, kNoReg, target);
}

void FunctionState::patchToHere(int list) {
  patchList(list, markLabel());
}

void FunctionState::negateCondition(ExprValue& e) {
  vm::Instruction& i = jumpControl(e.info);
  vm::SETARG_k(i, vm::GETARG_k(i) ^ 1);
}

void FunctionState::fixForJump(int at, int destination, bool back) {
  int offset = destination - (at + 1);
  if (back)
    offset = -offset;
  if (offset > vm::MAXARG_Bx)
    failHere("control structure too long");
  vm::SETARG_Bx(instructionAt(at), offset);
}

void FunctionState::finish() {
  vm::Proto& p = *proto;
  for (int at = 0; at < pc(); ++at) {
    vm::Instruction& i = instructionAt(at);
    switch (vm::GET_OPCODE(i)) {
    case OpCode::RETURN0:
    case OpCode::RETURN1:
      // Vararg functions and functions with pending closes need the general RETURN.
      if (!(needsClose || p.is_vararg))
        break;
      setOpcode(i, OpCode::RETURN);
      [[fallthrough]];
    case OpCode::RETURN:
    case OpCode::TAILCALL:
      if (needsClose)
        vm::SETARG_k(i, 1);
      if (p.is_vararg)
        vm::SETARG_C(i, p.numparams + 1);
      break;
    case OpCode::JMP:
      fixJump(at, finalTarget(p.code, at));
      break;
    default:
      break;
    }
  }
}

} // namespace sloth::compiler
