// Emitting instructions with their line numbers, the constant table, and the register stack.
#include "FunctionState.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <variant>

namespace sloth::compiler {

using vm::OpCode;

namespace {

// Largest string Lua treats as "short" (interned): GETFIELD/SETFIELD/SELF keys must be short.
constexpr size_t kMaxShortStringLength = 40;

int ceilLog2(unsigned x) {
  return x <= 1 ? 0 : std::bit_width(x - 1);
}

} // namespace

FunctionState::FunctionState(FunctionState* parentState, const ast::FunctionBody* functionBody,
                             const LineOf& lineOf)
    : parent(parentState), body(functionBody), proto(std::make_unique<vm::Proto>()),
      lineOf_(lineOf) {}

void FunctionState::fail(SourceRange r, std::string message) const {
  throw CompileFailure{r, std::move(message)};
}

void FunctionState::failHere(std::string message) const {
  std::string where = parent == nullptr ? std::string("main function")
                                        : "function at line " + std::to_string(proto->linedefined);
  throw CompileFailure{currentRange, message + " in " + where};
}

int FunctionState::emit(vm::Instruction i) {
  proto->code.push_back(i);
  proto->lineinfo.push_back(line);
  return pc() - 1;
}

int FunctionState::emitABC(OpCode op, int a, int b, int c, int k) {
  return emit(vm::CREATE_ABCk(op, a, b, c, k));
}

int FunctionState::emitABx(OpCode op, int a, int bx) {
  return emit(vm::CREATE_ABx(op, a, bx));
}

int FunctionState::emitAsBx(OpCode op, int a, int sbx) {
  return emit(vm::CREATE_AsBx(op, a, sbx));
}

int FunctionState::emitExtraArg(int ax) {
  return emit(vm::CREATE_Ax(OpCode::EXTRAARG, ax));
}

void FunctionState::removeLastInstruction() {
  proto->code.pop_back();
  proto->lineinfo.pop_back();
}

vm::Instruction* FunctionState::mergeablePrevious() {
  if (pc() > lastTarget && pc() > 0)
    return &proto->code.back();
  return nullptr;
}

void FunctionState::loadNil(int from, int n) {
  int last = from + n - 1;
  if (vm::Instruction* previous = mergeablePrevious();
      previous && vm::GET_OPCODE(*previous) == OpCode::LOADNIL) {
    int prevFrom = vm::GETARG_A(*previous);
    int prevLast = prevFrom + vm::GETARG_B(*previous);
    // Merge with the previous LOADNIL when the two ranges touch or overlap.
    if ((prevFrom <= from && from <= prevLast + 1) || (from <= prevFrom && prevFrom <= last + 1)) {
      from = std::min(from, prevFrom);
      last = std::max(last, prevLast);
      vm::SETARG_A(*previous, from);
      vm::SETARG_B(*previous, last - from);
      return;
    }
  }
  emitABC(OpCode::LOADNIL, from, n - 1, 0);
}

void FunctionState::loadConstant(int reg, int k) {
  if (k <= vm::MAXARG_Bx) {
    emitABx(OpCode::LOADK, reg, k);
  } else {
    emitABx(OpCode::LOADKX, reg, 0);
    emitExtraArg(k);
  }
}

namespace {
bool fitsBx(int64_t i) {
  return -vm::OFFSET_sBx <= i && i <= vm::MAXARG_Bx - vm::OFFSET_sBx;
}
} // namespace

void FunctionState::loadInteger(int reg, int64_t i) {
  if (fitsBx(i))
    emitAsBx(OpCode::LOADI, reg, static_cast<int>(i));
  else
    loadConstant(reg, integerConstant(i));
}

void FunctionState::loadFloat(int reg, double d) {
  auto asInteger = floatToIntegerExact(d);
  // LOADF only for integral values; -0.0 must keep its sign, so it goes to the constant table.
  if (asInteger && fitsBx(*asInteger) && !(d == 0 && std::signbit(d)))
    emitAsBx(OpCode::LOADF, reg, static_cast<int>(*asInteger));
  else
    loadConstant(reg, floatConstant(d));
}

void FunctionState::emitReturn(int first, int nret) {
  OpCode op = nret == 0 ? OpCode::RETURN0 : nret == 1 ? OpCode::RETURN1 : OpCode::RETURN;
  emitABC(op, first, nret + 1, 0);
}

void FunctionState::setTableSize(int at, int reg, int arraySize, int hashSize) {
  int b = hashSize != 0 ? ceilLog2(static_cast<unsigned>(hashSize)) + 1 : 0;
  int extra = arraySize / (vm::MAXARG_C + 1);
  int c = arraySize % (vm::MAXARG_C + 1);
  instructionAt(at) = vm::CREATE_ABCk(OpCode::NEWTABLE, reg, b, c, extra > 0 ? 1 : 0);
  instructionAt(at + 1) = vm::CREATE_Ax(OpCode::EXTRAARG, extra);
}

void FunctionState::emitSetList(int base, int stored, int toStore) {
  if (toStore < 0) // multiple results: up to the top
    toStore = 0;
  if (stored <= vm::MAXARG_C) {
    emitABC(OpCode::SETLIST, base, toStore, stored);
  } else {
    emitABC(OpCode::SETLIST, base, toStore, stored % (vm::MAXARG_C + 1), 1);
    emitExtraArg(stored / (vm::MAXARG_C + 1));
  }
  freeReg = base + 1;
}

int FunctionState::constantIndex(const vm::Constant& c) {
  // The key tells 1 from 1.0, and 0.0 from -0.0 (floats are keyed by their bits).
  std::pair<int, std::string> key{static_cast<int>(c.value.index()), {}};
  std::visit(
      [&key](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) {
          key.second = v;
        } else if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, int64_t> ||
                             std::is_same_v<T, double>) {
          key.second.resize(sizeof(v));
          std::memcpy(key.second.data(), &v, sizeof(v));
        }
      },
      c.value);
  auto [it, inserted] = constantSlots_.try_emplace(key, static_cast<int>(proto->k.size()));
  if (inserted) {
    if (proto->k.size() > static_cast<size_t>(vm::MAXARG_Ax))
      failHere("too many constants");
    proto->k.push_back(c);
  }
  return it->second;
}

void FunctionState::checkStack(int n) {
  int needed = freeReg + n;
  if (needed > proto->maxstacksize) {
    if (needed >= vm::MAXREGS)
      fail(currentRange, "function or expression needs too many registers");
    proto->maxstacksize = static_cast<uint8_t>(needed);
  }
}

void FunctionState::reserveRegs(int n) {
  checkStack(n);
  freeReg += n;
}

void FunctionState::freeRegister(int reg) {
  if (reg >= activeRegisters())
    --freeReg;
}

void FunctionState::freeExpr(const ExprValue& e) {
  if (e.kind == ValueKind::NonReloc)
    freeRegister(e.info);
}

void FunctionState::freeExprs(const ExprValue& e1, const ExprValue& e2) {
  int r1 = e1.kind == ValueKind::NonReloc ? e1.info : -1;
  int r2 = e2.kind == ValueKind::NonReloc ? e2.info : -1;
  // Free the higher register first: registers are released in stack order.
  if (r1 > r2) {
    freeRegister(r1);
    if (r2 >= 0)
      freeRegister(r2);
  } else {
    if (r2 >= 0)
      freeRegister(r2);
    if (r1 >= 0)
      freeRegister(r1);
  }
}

int FunctionState::registerLevel(int count) const {
  for (int i = count - 1; i >= 0; --i)
    if (!vars[static_cast<size_t>(i)].compileTimeConst)
      return vars[static_cast<size_t>(i)].reg + 1;
  return 0;
}

bool FunctionState::isKString(const ExprValue& e) const {
  if (e.kind != ValueKind::K || e.hasJumps() || e.info > vm::MAXARG_B)
    return false;
  const auto* s = std::get_if<std::string>(&proto->k[static_cast<size_t>(e.info)].value);
  return s && s->size() <= kMaxShortStringLength;
}

} // namespace sloth::compiler
