// Lowering statements and blocks: assignments in Lua's evaluation order, control flow as jumps,
// loops with fresh per-iteration locals, to-be-closed variables, returns and tail calls.
#include "Lowering.h"

namespace sloth::compiler {

using vm::OpCode;

namespace {

bool isNoOp(const ast::Stat* s) {
  return s->is<ast::EmptyStat>() || s->is<ast::LabelStat>();
}

// A copy of `e` that a later target of the same assignment would otherwise overwrite.
void checkConflict(FunctionState& fs, std::vector<ExprValue>& previous, const ExprValue& v) {
  int extra = fs.freeReg;
  bool conflict = false;
  for (ExprValue& lhs : previous) {
    if (!lhs.isIndexed())
      continue;
    if (lhs.kind == ValueKind::IndexUp) {
      if (v.kind == ValueKind::Upval && lhs.table == v.info) {
        conflict = true;
        lhs.kind = ValueKind::IndexStr;
        lhs.table = extra;
      }
      continue;
    }
    if (v.kind == ValueKind::Local && lhs.table == v.info) {
      conflict = true;
      lhs.table = extra;
    }
    if (lhs.kind == ValueKind::Indexed && v.kind == ValueKind::Local && lhs.key == v.info) {
      conflict = true;
      lhs.key = extra;
    }
  }
  if (conflict) {
    if (v.kind == ValueKind::Local)
      fs.emitABC(OpCode::MOVE, extra, v.info, 0);
    else
      fs.emitABC(OpCode::GETUPVAL, extra, v.info, 0);
    fs.reserveRegs(1);
  }
}

} // namespace

void Lowering::block(const ast::Block& b, bool isRepeatBody) {
  BlockScope scope;
  fs_->enterBlock(scope, false);
  statements(b, isRepeatBody);
  if (!b.stats.empty())
    fs_->setLineToEnd(b.stats.back()->range);
  fs_->leaveBlock();
}

void Lowering::statements(const ast::Block& b, bool isRepeatBody) {
  const auto& stats = b.stats;
  for (size_t i = 0; i < stats.size(); ++i) {
    bool lastNoOp = false;
    if (stats[i]->is<ast::LabelStat>() && !isRepeatBody) {
      // A label followed only by no-ops ends its block: the block's locals are out of scope.
      lastNoOp = true;
      for (size_t j = i + 1; j < stats.size(); ++j)
        lastNoOp = lastNoOp && isNoOp(stats[j]);
    }
    statement(*stats[i], lastNoOp);
    fs_->freeReg = fs_->activeRegisters(); // statements leave no temporaries behind
  }
}

void Lowering::statement(const ast::Stat& s, bool isLastNoOp) {
  FunctionState& fs = *fs_;
  fs.setLine(s.range);
  switch (s.kind) {
  case ast::StatKind::Local:
    localStat(*s.as<ast::LocalStat>());
    break;
  case ast::StatKind::Assign:
    assignStat(*s.as<ast::AssignStat>());
    break;
  case ast::StatKind::Call:
    callStat(*s.as<ast::CallStat>());
    break;
  case ast::StatKind::Do:
    block(*s.as<ast::DoStat>()->body);
    break;
  case ast::StatKind::While:
    whileStat(*s.as<ast::WhileStat>());
    break;
  case ast::StatKind::Repeat:
    repeatStat(*s.as<ast::RepeatStat>());
    break;
  case ast::StatKind::If:
    ifStat(*s.as<ast::IfStat>());
    break;
  case ast::StatKind::NumericFor:
    numericFor(*s.as<ast::NumericForStat>());
    break;
  case ast::StatKind::GenericFor:
    genericFor(*s.as<ast::GenericForStat>());
    break;
  case ast::StatKind::Function:
    functionStat(*s.as<ast::FunctionStat>());
    break;
  case ast::StatKind::LocalFunction:
    localFunctionStat(*s.as<ast::LocalFunctionStat>());
    break;
  case ast::StatKind::Return:
    returnStat(*s.as<ast::ReturnStat>());
    break;
  case ast::StatKind::Break:
    fs.addGoto("break", s.range, fs.jump());
    break;
  case ast::StatKind::Goto:
    fs.gotoStatement(s.as<ast::GotoStat>()->label, s.range);
    break;
  case ast::StatKind::Label:
    fs.createLabel(s.as<ast::LabelStat>()->name, s.range, isLastNoOp);
    break;
  case ast::StatKind::Empty:
    break;
  }
}

void Lowering::checkToClose(int level) {
  if (level < 0)
    return;
  fs_->markToBeClosed();
  fs_->emitABC(OpCode::TBC, fs_->registerLevel(level), 0, 0);
}

void Lowering::localStat(const ast::LocalStat& s) {
  FunctionState& fs = *fs_;
  int toClose = -1;
  int nvars = static_cast<int>(s.locals.size());
  for (int i = 0; i < nvars; ++i) {
    const ast::Local* local = s.locals[static_cast<size_t>(i)];
    fs.declareLocal(local, local->name);
    if (local->attrib == ast::Attrib::Close) {
      if (toClose >= 0)
        fs.fail(local->range, "multiple to-be-closed variables in local list");
      toClose = static_cast<int>(fs.vars.size()) + i;
    }
  }
  ExprValue e;
  int nexps = exprList(s.values, e);
  Constant value;
  // `local x <const> = <literal>` (last in its list) needs no register: uses are folded.
  if (nvars == nexps && s.locals.back()->attrib == ast::Attrib::Const &&
      FunctionState::toConstant(e, value)) {
    fs.declaredBack().compileTimeConst = true;
    fs.declaredBack().value = std::move(value);
    fs.activateLocals(nvars);
  } else {
    fs.setLineToEnd(s.range);
    adjustAssign(nvars, nexps, e);
    fs.activateLocals(nvars);
  }
  checkToClose(toClose);
}

void Lowering::assignStat(const ast::AssignStat& s) {
  FunctionState& fs = *fs_;
  std::vector<ExprValue> targets;
  targets.reserve(s.targets.size());
  for (const ast::Expr* t : s.targets) {
    ExprValue v;
    expr(t, v);
    if (!v.isVariable())
      fs.fail(t->range, "syntax error: cannot assign to this expression");
    if (!targets.empty() && !v.isIndexed())
      checkConflict(fs, targets, v);
    targets.push_back(std::move(v));
  }
  int nvars = static_cast<int>(targets.size());
  ExprValue e;
  int nexps = exprList(s.values, e);
  fs.setLineToEnd(s.range);
  size_t next = targets.size();
  if (nexps == nvars) {
    fs.setOneReturn(e);
    fs.storeVar(targets.back(), e); // the last value goes straight to the last target
    --next;
  } else {
    adjustAssign(nvars, nexps, e);
  }
  // The other values are on the register stack, the last on top: store right to left.
  while (next-- > 0) {
    ExprValue top(ValueKind::NonReloc, fs.freeReg - 1);
    fs.storeVar(targets[next], top);
  }
}

void Lowering::callStat(const ast::CallStat& s) {
  ExprValue v;
  expr(s.call, v);
  if (v.kind != ValueKind::Call)
    fs_->fail(s.range, "syntax error: expected a function call");
  vm::SETARG_C(fs_->instructionOf(v), 1); // a call statement keeps no results
}

int Lowering::condition(const ast::Expr* e) {
  ExprValue v;
  expr(e, v);
  if (v.kind == ValueKind::Nil)
    v.kind = ValueKind::False; // `false` is the canonical always-false condition
  fs_->goIfTrue(v);
  return v.falseList;
}

void Lowering::whileStat(const ast::WhileStat& s) {
  FunctionState& fs = *fs_;
  int start = fs.markLabel();
  int exit = condition(s.condition);
  BlockScope loop;
  fs.enterBlock(loop, true);
  block(*s.body);
  fs.jumpTo(start);
  fs.setLineToEnd(s.range);
  fs.leaveBlock();
  fs.patchToHere(exit);
}

void Lowering::repeatStat(const ast::RepeatStat& s) {
  FunctionState& fs = *fs_;
  int start = fs.markLabel();
  BlockScope loop, scope;
  fs.enterBlock(loop, true);
  fs.enterBlock(scope, false);
  statements(*s.body, true);
  int exit = condition(s.condition); // sees the body's locals
  fs.leaveBlock();
  if (scope.hasUpvalue) {
    // Going around again must close the iteration's captured locals first.
    int normalExit = fs.jump();
    fs.patchToHere(exit);
    fs.emitABC(OpCode::CLOSE, fs.registerLevel(scope.activeCount), 0, 0);
    exit = fs.jump();
    fs.patchToHere(normalExit);
  }
  fs.patchList(exit, start);
  fs.setLineToEnd(s.range);
  fs.leaveBlock();
}

void Lowering::ifStat(const ast::IfStat& s) {
  int escapeList = kNoJump; // jumps from the end of each taken branch to the end
  for (size_t i = 0; i < s.conditions.size(); ++i) {
    bool hasMore = i + 1 < s.conditions.size() || s.elseBlock;
    testThenBlock(s.conditions[i], *s.blocks[i], hasMore, escapeList);
  }
  if (s.elseBlock)
    block(*s.elseBlock);
  fs_->patchToHere(escapeList);
}

void Lowering::testThenBlock(const ast::Expr* cond, const ast::Block& then, bool hasMore,
                             int& escapeList) {
  FunctionState& fs = *fs_;
  ExprValue v;
  expr(cond, v);
  BlockScope scope;
  int skipThen;
  size_t first = 0;
  if (!then.stats.empty() && then.stats[0]->is<ast::BreakStat>()) {
    // `if c then break`: jump straight out of the loop when c is true.
    fs.goIfFalse(v);
    fs.enterBlock(scope, false);
    fs.addGoto("break", then.stats[0]->range, v.trueList);
    first = 1;
    while (first < then.stats.size() && then.stats[first]->is<ast::EmptyStat>())
      ++first;
    if (first == then.stats.size()) {
      fs.leaveBlock();
      return;
    }
    skipThen = fs.jump();
  } else {
    fs.goIfTrue(v);
    fs.enterBlock(scope, false);
    skipThen = v.falseList;
  }
  ast::Block rest;
  rest.range = then.range;
  rest.stats.assign(then.stats.begin() + static_cast<std::ptrdiff_t>(first), then.stats.end());
  statements(rest, false);
  if (!rest.stats.empty())
    fs.setLineToEnd(rest.stats.back()->range);
  fs.leaveBlock();
  if (hasMore)
    fs.concatJumps(escapeList, fs.jump());
  fs.patchToHere(skipThen);
}

void Lowering::numericFor(const ast::NumericForStat& s) {
  FunctionState& fs = *fs_;
  BlockScope loop;
  fs.enterBlock(loop, true);
  int line = fs.lineAt(s.range.begin);
  int base = fs.freeReg;
  for (int i = 0; i < 3; ++i)
    fs.declareLocal(nullptr, "(for state)");
  for (const ast::Expr* e : {s.start, s.limit, s.step}) {
    if (!e)
      continue;
    ExprValue v;
    expr(e, v);
    fs.exprToNextReg(v);
  }
  if (!s.step) {
    fs.loadInteger(fs.freeReg, 1);
    fs.reserveRegs(1);
  }
  fs.activateLocals(3);
  forBody(base, line, {s.var}, *s.body, false);
  fs.setLineToEnd(s.range);
  fs.leaveBlock();
}

void Lowering::genericFor(const ast::GenericForStat& s) {
  FunctionState& fs = *fs_;
  BlockScope loop;
  fs.enterBlock(loop, true);
  int base = fs.freeReg;
  for (int i = 0; i < 4; ++i) // iterator, state, control, closing value
    fs.declareLocal(nullptr, "(for state)");
  int line = fs.lineAt(s.values.empty() ? s.range.begin : s.values.front()->range.begin);
  ExprValue e;
  int nexps = exprList(s.values, e);
  adjustAssign(4, nexps, e);
  fs.activateLocals(4);
  fs.markToBeClosed(); // the fourth value is closed when the loop ends
  fs.checkStack(3);    // room to call the iterator
  forBody(base, line, s.vars, *s.body, true);
  fs.setLineToEnd(s.range);
  fs.leaveBlock();
}

void Lowering::forBody(int base, int line, const std::vector<ast::Local*>& vars,
                       const ast::Block& body, bool isGeneric) {
  FunctionState& fs = *fs_;
  int nvars = static_cast<int>(vars.size());
  fs.line = line;
  int prep = fs.emitABx(isGeneric ? OpCode::TFORPREP : OpCode::FORPREP, base, 0);
  BlockScope scope; // the loop variables: fresh for every iteration
  fs.enterBlock(scope, false);
  for (const ast::Local* v : vars)
    fs.declareLocal(v, v->name);
  fs.activateLocals(nvars);
  fs.reserveRegs(nvars);
  block(body);
  fs.leaveBlock();
  fs.fixForJump(prep, fs.markLabel(), false);
  fs.line = line;
  if (isGeneric)
    fs.emitABC(OpCode::TFORCALL, base, 0, nvars);
  int loopEnd = fs.emitABx(isGeneric ? OpCode::TFORLOOP : OpCode::FORLOOP, base, 0);
  fs.fixForJump(loopEnd, prep + 1, true);
}

void Lowering::functionStat(const ast::FunctionStat& s) {
  FunctionState& fs = *fs_;
  ExprValue target;
  expr(s.target, target);
  ExprValue f;
  closure(*s.body, f);
  fs.storeVar(target, f);
  fs.fixLine(fs.lineAt(s.range.begin));
}

void Lowering::localFunctionStat(const ast::LocalFunctionStat& s) {
  FunctionState& fs = *fs_;
  fs.declareLocal(s.local, s.local->name);
  fs.activateLocals(1); // in scope inside its own body, for recursion
  ExprValue f;
  closure(*s.body, f);
  // Debug info: the variable only holds the function once CLOSURE has run.
  int debugIndex = fs.vars.back().debugIndex;
  fs.proto->locvars[static_cast<size_t>(debugIndex)].startpc = fs.pc();
}

void Lowering::returnStat(const ast::ReturnStat& s) {
  FunctionState& fs = *fs_;
  int first = fs.activeRegisters();
  int nret = static_cast<int>(s.values.size());
  if (nret > 0) {
    ExprValue e;
    exprList(s.values, e);
    if (e.isMultiValue()) {
      fs.setMultiReturn(e);
      if (e.kind == ValueKind::Call && nret == 1 && !fs.block->insideTbc) {
        vm::Instruction& i = fs.instructionOf(e); // `return f(x)`: a proper tail call
        i = vm::CREATE_ABCk(OpCode::TAILCALL, vm::GETARG_A(i), vm::GETARG_B(i), vm::GETARG_C(i), 0);
      }
      nret = -1;
    } else if (nret == 1) {
      first = fs.exprToAnyReg(e); // return the value where it already is
    } else {
      fs.exprToNextReg(e);
    }
  }
  fs.setLineToEnd(s.range);
  fs.emitReturn(first, nret);
}

} // namespace sloth::compiler
