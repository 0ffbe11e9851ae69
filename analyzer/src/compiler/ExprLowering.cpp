// Lowering expressions: each AST expression becomes an ExprValue, emitting only the code that
// must run before its value is needed.
#include "Lowering.h"

namespace sloth::compiler {

using vm::OpCode;

void Lowering::expr(const ast::Expr* e, ExprValue& v) {
  FunctionState& fs = *fs_;
  // luac emits NEWTABLE before reading `{`, so it carries the previous token's line: keep it.
  if (e->kind != ast::ExprKind::Table)
    fs.setLine(e->range);
  fs.currentRange = e->range;
  v = ExprValue();
  switch (e->kind) {
  case ast::ExprKind::Nil:
    v.kind = ValueKind::Nil;
    return;
  case ast::ExprKind::True:
    v.kind = ValueKind::True;
    return;
  case ast::ExprKind::False:
    v.kind = ValueKind::False;
    return;
  case ast::ExprKind::Number: {
    const auto& n = *e->as<ast::NumberExpr>();
    v = n.isInteger ? ExprValue::ofInteger(n.integer) : ExprValue::ofFloat(n.number);
    return;
  }
  case ast::ExprKind::String:
    v = ExprValue::ofString(e->as<ast::StringExpr>()->value);
    return;
  case ast::ExprKind::Vararg:
    if (!fs.proto->is_vararg)
      fs.fail(e->range, "cannot use '...' outside a vararg function");
    v = ExprValue(ValueKind::Vararg, fs.emitABC(OpCode::VARARG, 0, 0, 1));
    return;
  case ast::ExprKind::Function:
    closure(*e->as<ast::FunctionExpr>()->body, v);
    return;
  case ast::ExprKind::Table:
    table(*e->as<ast::TableExpr>(), v);
    return;
  case ast::ExprKind::Name:
    name(*e->as<ast::NameExpr>(), v);
    return;
  case ast::ExprKind::Index:
    index(*e->as<ast::IndexExpr>(), v);
    return;
  case ast::ExprKind::Call:
    call(*e->as<ast::CallExpr>(), v);
    return;
  case ast::ExprKind::MethodCall:
    methodCall(*e->as<ast::MethodCallExpr>(), v);
    return;
  case ast::ExprKind::Paren:
    expr(e->as<ast::ParenExpr>()->inner, v);
    fs.dischargeVars(v); // `(f())` is exactly one value
    return;
  case ast::ExprKind::Unary: {
    const auto& u = *e->as<ast::UnaryExpr>();
    expr(u.operand, v);
    fs.prefix(u.op, v, fs.lineAt(u.opRange.begin));
    return;
  }
  case ast::ExprKind::Binary:
    binary(*e->as<ast::BinaryExpr>(), v);
    return;
  }
}

void Lowering::binary(const ast::BinaryExpr& b, ExprValue& v) {
  FunctionState& fs = *fs_;
  expr(b.lhs, v);
  fs.infix(b.op, v);
  ExprValue rhs;
  expr(b.rhs, rhs);
  fs.posfix(b.op, v, rhs, fs.lineAt(b.opRange.begin));
}

int Lowering::exprList(const std::vector<ast::Expr*>& list, ExprValue& last) {
  last = ExprValue();
  for (size_t i = 0; i < list.size(); ++i) {
    if (i > 0)
      fs_->exprToNextReg(last);
    expr(list[i], last);
  }
  return static_cast<int>(list.size());
}

void Lowering::name(const ast::NameExpr& n, ExprValue& v) {
  if (n.local)
    v = fs_->resolveLocal(n.local, n.range);
  else if (n.name == "_ENV") // the environment itself, not a field of it
    v = fs_->resolveEnv(n.range);
  else
    v = fs_->resolveGlobal(n.name, n.range);
}

void Lowering::index(const ast::IndexExpr& e, ExprValue& v) {
  FunctionState& fs = *fs_;
  expr(e.object, v);
  fs.exprToAnyRegOrUpval(v);
  ExprValue key;
  expr(e.key, key);
  fs.exprToValue(key);
  fs.indexed(v, key);
}

void Lowering::call(const ast::CallExpr& c, ExprValue& v) {
  expr(c.callee, v);
  fs_->exprToNextReg(v);
  callArgs(c.args, v, fs_->lineAt(c.range.begin));
}

void Lowering::methodCall(const ast::MethodCallExpr& c, ExprValue& v) {
  expr(c.object, v);
  ExprValue key = ExprValue::ofString(c.method);
  fs_->setLine(c.methodRange);
  fs_->self(v, key);
  callArgs(c.args, v, fs_->lineAt(c.range.begin));
}

void Lowering::callArgs(const std::vector<ast::Expr*>& args, ExprValue& f, int line) {
  FunctionState& fs = *fs_;
  ExprValue last;
  exprList(args, last);
  bool open = last.isMultiValue();
  if (open)
    fs.setMultiReturn(last); // pass all its values: the call takes arguments up to the top
  else if (last.kind != ValueKind::Void)
    fs.exprToNextReg(last);
  int base = f.info;
  int nparams = open ? -1 : fs.freeReg - (base + 1);
  fs.line = line;
  f = ExprValue(ValueKind::Call, fs.emitABC(OpCode::CALL, base, nparams + 1, 2));
  fs.freeReg = base + 1; // the call leaves one result in `base` unless told otherwise
}

void Lowering::table(const ast::TableExpr& t, ExprValue& v) {
  FunctionState& fs = *fs_;
  int at = fs.emitABC(OpCode::NEWTABLE, 0, 0, 0);
  fs.emitExtraArg(0); // sizes are patched in once known
  v = ExprValue(ValueKind::NonReloc, fs.freeReg);
  fs.reserveRegs(1);
  int stored = 0;  // array items already flushed by SETLIST
  int pending = 0; // array items in registers awaiting SETLIST
  int hashCount = 0;
  ExprValue item; // the last array item, not yet in a register
  SourceRange itemRange;
  for (const ast::TableField& field : t.fields) {
    if (item.kind != ValueKind::Void) {
      fs.setLineToEnd(itemRange);
      fs.exprToNextReg(item);
      item = ExprValue();
      if (pending == vm::LFIELDS_PER_FLUSH) {
        fs.emitSetList(v.info, stored, pending);
        stored += pending;
        pending = 0;
      }
    }
    if (field.kind == ast::TableField::Kind::Positional) {
      expr(field.value, item);
      itemRange = field.value->range;
      ++pending;
      continue;
    }
    int reg = fs.freeReg;
    ExprValue target = v;
    ExprValue key;
    if (field.kind == ast::TableField::Kind::Named) {
      key = ExprValue::ofString(field.key->as<ast::StringExpr>()->value);
    } else {
      expr(field.key, key);
      fs.exprToValue(key);
    }
    fs.indexed(target, key);
    ExprValue value;
    expr(field.value, value);
    fs.setLineToEnd(field.value->range);
    fs.storeVar(target, value);
    fs.freeReg = reg;
    ++hashCount;
  }
  if (pending > 0) {
    fs.setLineToEnd(t.range); // luac: the closing brace's line
    if (item.isMultiValue()) {
      fs.setMultiReturn(item);
      fs.emitSetList(v.info, stored, -1);
      --stored; // the open item counts for an unknown number of elements
    } else {
      if (item.kind != ValueKind::Void)
        fs.exprToNextReg(item);
      fs.emitSetList(v.info, stored, pending);
    }
    stored += pending;
  }
  fs.setTableSize(at, v.info, stored, hashCount);
}

void Lowering::adjustAssign(int nvars, int nexps, ExprValue& e) {
  FunctionState& fs = *fs_;
  int needed = nvars - nexps;
  if (e.isMultiValue()) {
    fs.setReturns(e, std::max(needed + 1, 0)); // the last expression supplies the difference
  } else {
    if (e.kind != ValueKind::Void)
      fs.exprToNextReg(e);
    if (needed > 0)
      fs.loadNil(fs.freeReg, needed);
  }
  if (needed > 0)
    fs.reserveRegs(needed);
  else
    fs.freeReg += needed; // drop the extra values
}

} // namespace sloth::compiler
