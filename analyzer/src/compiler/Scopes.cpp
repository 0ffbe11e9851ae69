// Blocks, local variables and their registers, upvalues, labels and gotos (Lua's lparser.c
// scoping rules; the Resolver has already checked them, here they decide the code).
#include "FunctionState.h"

namespace sloth::compiler {

using vm::OpCode;

namespace {
constexpr int kMaxLocals = 200;   // Lua's MAXVARS
constexpr int kMaxUpvalues = 255; // Lua's MAXUPVAL
} // namespace

void FunctionState::enterBlock(BlockScope& b, bool isLoop) {
  b.isLoop = isLoop;
  b.activeCount = static_cast<int>(vars.size());
  b.firstLabel = static_cast<int>(labels.size());
  b.firstGoto = static_cast<int>(pendingGotos.size());
  b.hasUpvalue = false;
  b.insideTbc = block != nullptr && block->insideTbc;
  b.previous = block;
  block = &b;
}

void FunctionState::leaveBlock() {
  BlockScope& b = *block;
  int outerLevel = registerLevel(b.activeCount);
  removeVars(b.activeCount);
  bool closed = false;
  if (b.isLoop) // resolve the loop's `break`s, here at its exit
    closed = createLabel("break", {}, false);
  if (!closed && b.previous && b.hasUpvalue)
    emitABC(OpCode::CLOSE, outerLevel, 0, 0);
  freeReg = outerLevel;
  labels.resize(static_cast<size_t>(b.firstLabel)); // the block's labels go out of scope
  block = b.previous;
  if (b.previous) {
    moveGotosOut(b, outerLevel);
  } else if (b.firstGoto < static_cast<int>(pendingGotos.size())) {
    const JumpLabel& g = pendingGotos[static_cast<size_t>(b.firstGoto)];
    if (g.name == "break")
      fail(g.range, "break outside a loop at line " + std::to_string(lineAt(g.range.begin)));
    fail(g.range, "no visible label '" + g.name + "' for goto at line " +
                      std::to_string(lineAt(g.range.begin)));
  }
}

void FunctionState::declareLocal(const ast::Local* local, std::string name) {
  if (vars.size() + declared_.size() >= static_cast<size_t>(kMaxLocals))
    failHere("too many local variables (limit is " + std::to_string(kMaxLocals) + ")");
  ActiveVar v;
  v.local = local;
  v.name = std::move(name);
  if (local) {
    if (local->attrib == ast::Attrib::Const)
      v.upvalKind = 1;
    else if (local->attrib == ast::Attrib::Close)
      v.upvalKind = 2;
  }
  declared_.push_back(std::move(v));
}

void FunctionState::activateLocals(int n) {
  int reg = activeRegisters();
  size_t first = declared_.size() - static_cast<size_t>(n);
  for (size_t i = first; i < declared_.size(); ++i) {
    ActiveVar v = std::move(declared_[i]);
    if (!v.compileTimeConst) {
      v.reg = reg++;
      v.debugIndex = static_cast<int>(proto->locvars.size());
      proto->locvars.push_back({v.name, pc(), 0});
    }
    vars.push_back(std::move(v));
  }
  declared_.resize(first);
}

void FunctionState::removeVars(int toLevel) {
  while (static_cast<int>(vars.size()) > toLevel) {
    if (vars.back().debugIndex >= 0)
      proto->locvars[static_cast<size_t>(vars.back().debugIndex)].endpc = pc();
    vars.pop_back();
  }
}

void FunctionState::markToBeClosed() {
  block->hasUpvalue = true;
  block->insideTbc = true;
  needsClose = true;
}

void FunctionState::markUpvalue(int varIndex) {
  BlockScope* b = block;
  while (b->activeCount > varIndex)
    b = b->previous;
  b->hasUpvalue = true;
  needsClose = true;
}

int FunctionState::findVar(const ast::Local* local) const {
  if (!local) // hidden variables (loop state) are never referenced by name
    return -1;
  for (int i = static_cast<int>(vars.size()) - 1; i >= 0; --i)
    if (vars[static_cast<size_t>(i)].local == local)
      return i;
  return -1;
}

int FunctionState::findUpvalue(const ast::Local* local) const {
  for (size_t i = 0; i < upvalueRefs.size(); ++i)
    if (upvalueRefs[i].local == local)
      return static_cast<int>(i);
  return -1;
}

int FunctionState::addUpvalue(const ast::Local* local, const std::string& name,
                              const ExprValue& outer) {
  if (upvalueRefs.size() >= static_cast<size_t>(kMaxUpvalues))
    failHere("too many upvalues (limit is " + std::to_string(kMaxUpvalues) + ")");
  vm::UpvalDesc desc;
  desc.name = name;
  if (outer.kind == ValueKind::Local) {
    desc.instack = true;
    desc.index = static_cast<uint8_t>(outer.info);
    int v = parent->findVar(local);
    desc.kind = v >= 0 ? parent->vars[static_cast<size_t>(v)].upvalKind : 0;
  } else {
    desc.instack = false;
    desc.index = static_cast<uint8_t>(outer.info);
    desc.kind = parent->proto->upvalues[static_cast<size_t>(outer.info)].kind;
  }
  proto->upvalues.push_back(desc);
  upvalueRefs.push_back({local});
  return static_cast<int>(upvalueRefs.size()) - 1;
}

ExprValue FunctionState::resolveLocal(const ast::Local* local, SourceRange at, bool base) {
  if (int v = findVar(local); v >= 0) {
    const ActiveVar& var = vars[static_cast<size_t>(v)];
    if (var.compileTimeConst)
      return fromConstant(var.value);
    if (!base)
      markUpvalue(v); // a nested function captures it: close it when its block ends
    return ExprValue(ValueKind::Local, var.reg);
  }
  if (int u = findUpvalue(local); u >= 0)
    return ExprValue(ValueKind::Upval, u);
  if (!parent)
    fail(at, "internal error: variable '" + (local ? local->name : std::string("_ENV")) +
                 "' is not in scope");
  ExprValue outer = parent->resolveLocal(local, at, false);
  if (outer.kind != ValueKind::Local && outer.kind != ValueKind::Upval)
    return outer; // a compile-time constant: no upvalue needed
  return ExprValue(ValueKind::Upval,
                   addUpvalue(local, local ? local->name : std::string("_ENV"), outer));
}

ExprValue FunctionState::resolveGlobal(const std::string& name, SourceRange at) {
  // `name` means `_ENV.name`.
  ExprValue e = resolveEnv(at);
  exprToAnyRegOrUpval(e);
  ExprValue key = ExprValue::ofString(name);
  indexed(e, key);
  return e;
}

ExprValue FunctionState::resolveEnv(SourceRange at) {
  // `_ENV` is the innermost visible variable of that name (a user's `local _ENV`) or else the
  // main chunk's implicit upvalue.
  const ast::Local* env = nullptr;
  for (const FunctionState* fs = this; fs && !env; fs = fs->parent)
    for (auto it = fs->vars.rbegin(); it != fs->vars.rend(); ++it)
      if (it->local && it->name == "_ENV") {
        env = it->local;
        break;
      }
  if (!env && !parent) // the main chunk's _ENV is always its upvalue 0
    return ExprValue(ValueKind::Upval, 0);
  return resolveLocal(env, at);
}

const JumpLabel* FunctionState::findLabel(const std::string& name) const {
  for (const JumpLabel& l : labels)
    if (l.name == name)
      return &l;
  return nullptr;
}

void FunctionState::addGoto(const std::string& name, SourceRange at, int jumpList) {
  JumpLabel g;
  g.name = name;
  g.pc = jumpList;
  g.range = at;
  g.activeCount = static_cast<int>(vars.size());
  g.registerLevel = activeRegisters();
  pendingGotos.push_back(std::move(g));
}

void FunctionState::gotoStatement(const std::string& name, SourceRange at) {
  if (const JumpLabel* label = findLabel(name)) {
    // A backward jump: close the variables it leaves, then jump.
    int labelLevel = registerLevel(label->activeCount);
    if (activeRegisters() > labelLevel)
      emitABC(OpCode::CLOSE, labelLevel, 0, 0);
    patchList(jump(), label->pc);
  } else {
    addGoto(name, at, jump()); // forward: resolved when the label is reached
  }
}

bool FunctionState::solveGotos(const JumpLabel& label) {
  bool needs = false;
  size_t i = static_cast<size_t>(block->firstGoto);
  while (i < pendingGotos.size()) {
    JumpLabel& g = pendingGotos[i];
    if (g.name != label.name) {
      ++i;
      continue;
    }
    if (g.activeCount < label.activeCount)
      fail(g.range, "<goto " + g.name + "> at line " + std::to_string(lineAt(g.range.begin)) +
                        " jumps into the scope of local '" +
                        vars[static_cast<size_t>(g.activeCount)].name + "'");
    needs = needs || g.needsClose;
    patchList(g.pc, label.pc);
    pendingGotos.erase(pendingGotos.begin() + static_cast<std::ptrdiff_t>(i));
  }
  return needs;
}

bool FunctionState::createLabel(const std::string& name, SourceRange at, bool last) {
  JumpLabel l;
  l.name = name;
  l.range = at;
  l.pc = markLabel();
  // A label at the end of its block sees the block's locals as already gone.
  l.activeCount = last ? block->activeCount : static_cast<int>(vars.size());
  l.registerLevel = registerLevel(l.activeCount);
  labels.push_back(l);
  if (solveGotos(l)) {
    emitABC(OpCode::CLOSE, activeRegisters(), 0, 0);
    return true;
  }
  return false;
}

void FunctionState::moveGotosOut(const BlockScope& b, int outerRegisterLevel) {
  for (size_t i = static_cast<size_t>(b.firstGoto); i < pendingGotos.size(); ++i) {
    JumpLabel& g = pendingGotos[i];
    if (g.registerLevel > outerRegisterLevel)
      g.needsClose = g.needsClose || b.hasUpvalue; // leaving the scope of a captured variable
    g.activeCount = b.activeCount;
    g.registerLevel = outerRegisterLevel;
  }
}

} // namespace sloth::compiler
