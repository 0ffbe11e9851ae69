#include "Walker.h"

#include "RemovedNames.h"

#include "sloth/ReferenceModules.h"
#include "sloth/analyzer/types/Suggest.h"

#include <fmt/core.h>

namespace sloth::check {

using namespace ast;
using types::FunctionSignature;
using types::ModuleSignature;
using types::TypeKind;

namespace {

// Standard Lua 5.4 globals the signature files do not declare: known to exist, of unknown type.
constexpr std::string_view kUndeclaredStandardGlobals[] = {"_ENV"};

bool startsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool isBareReference(const Expr* e) {
  e = stripParens(e);
  return e->is<NameExpr>() || e->is<IndexExpr>();
}

// Whether control may leave the loop whose body is `b` other than through its condition: by a
// `break` of this loop (`ownBreaks`; nested loops keep theirs), or by any `goto`, which may jump
// out from any depth. Nested functions have their own control flow.
bool mayLeaveLoop(const Block* b, bool ownBreaks = true) {
  for (const Stat* s : b->stats) {
    bool leaves = false;
    switch (s->kind) {
    case StatKind::Break:
      leaves = ownBreaks;
      break;
    case StatKind::Goto:
      leaves = true;
      break;
    case StatKind::Do:
      leaves = mayLeaveLoop(s->as<DoStat>()->body, ownBreaks);
      break;
    case StatKind::If: {
      const auto* i = s->as<IfStat>();
      for (const Block* branch : i->blocks)
        leaves = leaves || mayLeaveLoop(branch, ownBreaks);
      leaves = leaves || (i->elseBlock && mayLeaveLoop(i->elseBlock, ownBreaks));
      break;
    }
    case StatKind::While:
      leaves = mayLeaveLoop(s->as<WhileStat>()->body, false);
      break;
    case StatKind::Repeat:
      leaves = mayLeaveLoop(s->as<RepeatStat>()->body, false);
      break;
    case StatKind::NumericFor:
      leaves = mayLeaveLoop(s->as<NumericForStat>()->body, false);
      break;
    case StatKind::GenericFor:
      leaves = mayLeaveLoop(s->as<GenericForStat>()->body, false);
      break;
    default:
      break;
    }
    if (leaves)
      return true;
  }
  return false;
}

std::vector<std::string> functionNames(const ModuleSignature& module) {
  std::vector<std::string> names;
  for (const auto& [name, f] : module.functions)
    names.push_back(name);
  return names;
}

} // namespace

Walker::Walker(const Chunk& chunk, FileId file, const SourceManager& sources,
               const types::SignatureRegistry& signatures, const CheckSettings& settings,
               DiagnosticEngine& diags)
    : chunk_(chunk), file_(file), sources_(sources), sigs_(signatures), settings_(settings),
      diags_(diags), types_(&signatures.types()), annotations_(file, sources, types_, diags),
      facts_(gatherFileFacts(chunk, signatures)),
      extraGlobals_(settings.extraGlobals.begin(), settings.extraGlobals.end()) {
  for (std::string_view name : kUndeclaredStandardGlobals)
    extraGlobals_.emplace(name);
}

void Walker::run() {
  annotations_.declareTypes(chunk_);
  function(chunk_.main, nullptr);
  reportUnusedLabels();
}

// ---------------------------------------------------------------------------------------------
// Statements

const FunctionSignature* Walker::function(const FunctionBody* body, const FunctionSignature* sig,
                                          bool callback) {
  size_t visibleMark = visible_.size();
  size_t narrowMark = narrowed_.size();
  size_t param = 0;
  for (const Local* p : body->params) {
    LocalInfo info;
    if (!p->isSelf) {
      if (sig && param < sig->params.size() && sig->params[param].type) {
        const types::ParamSignature& ps = sig->params[param];
        info.type = ps.optional ? types_.optional(ps.type) : ps.type;
        info.annotated = true; // signatures with parameter types come from `---@param`
      }
      ++param;
    }
    declareLocal(p, info, info.type != nullptr);
  }
  returns_.emplace_back();
  if (!block(body->body) && !quiet_)
    mergeReturn({}, false); // falls off the end: returns nothing, which reads as nil
  ReturnSummary summary = std::move(returns_.back());
  returns_.pop_back();
  visible_.resize(visibleMark);
  narrowed_.resize(narrowMark);
  reportUnusedLocals(body, callback);
  return sig ? nullptr : inferredSignature(body, summary);
}

bool Walker::block(const Block* b) {
  size_t visibleMark = visible_.size();
  size_t narrowMark = narrowed_.size();
  bool dead = blockStats(b);
  visible_.resize(visibleMark);
  narrowed_.resize(narrowMark);
  return dead;
}

bool Walker::blockStats(const Block* b) {
  bool dead = false;
  bool reported = false;
  for (const Stat* s : b->stats) {
    if (s->is<LabelStat>()) {
      dead = false; // a goto may land here
      reported = false;
    } else if (dead && !reported && !s->is<EmptyStat>()) {
      report(Severity::Warning, "unreachable-code", s->range,
             "unreachable code: the statement before it never lets control reach here");
      reported = true;
    }
    if (stat(s))
      dead = true;
  }
  return dead;
}

bool Walker::stat(const Stat* s) {
  switch (s->kind) {
  case StatKind::Local:
    localStat(s->as<LocalStat>());
    return false;
  case StatKind::Assign:
    assignStat(s->as<AssignStat>());
    return false;
  case StatKind::Call: {
    const Expr* call = s->as<CallStat>()->call;
    expr(call);
    checkIgnoredResult(call);
    if (const auto* c = call->as<CallExpr>())
      if (isBuiltinGlobal(c->callee, "assert") && !c->args.empty()) {
        std::vector<Narrowing> holds;
        narrowingsOf(c->args[0], true, holds);
        applyNarrowings(holds);
      }
    return isTerminatingCall(call);
  }
  case StatKind::Do:
    return block(s->as<DoStat>()->body);
  case StatKind::While: {
    const auto* w = s->as<WhileStat>();
    expr(w->condition);
    size_t mark = narrowed_.size();
    std::vector<Narrowing> holds;
    narrowingsOf(w->condition, true, holds);
    applyNarrowings(holds);
    block(w->body);
    narrowed_.resize(mark);
    // `while true do ... end` without a way out never lets control past it.
    return w->condition->is<TrueExpr>() && !mayLeaveLoop(w->body);
  }
  case StatKind::Repeat: {
    // The condition sees the body's locals.
    const auto* r = s->as<RepeatStat>();
    size_t visibleMark = visible_.size();
    size_t narrowMark = narrowed_.size();
    bool bodyEnds = blockStats(r->body);
    expr(r->condition);
    visible_.resize(visibleMark);
    narrowed_.resize(narrowMark);
    // A body that always returns, or `until false`, without a `break` or `goto` out of it.
    return (bodyEnds || r->condition->is<FalseExpr>()) && !mayLeaveLoop(r->body);
  }
  case StatKind::If:
    return ifStat(s->as<IfStat>());
  case StatKind::NumericFor: {
    const auto* f = s->as<NumericForStat>();
    expr(f->start);
    expr(f->limit);
    bool integral = f->start->is<NumberExpr>() && f->start->as<NumberExpr>()->isInteger;
    if (f->step) {
      expr(f->step);
      integral = integral && f->step->is<NumberExpr>() && f->step->as<NumberExpr>()->isInteger;
    }
    size_t visibleMark = visible_.size();
    LocalInfo info;
    info.type = integral ? types_.integer() : types_.number();
    declareLocal(f->var, info, false);
    block(f->body);
    visible_.resize(visibleMark);
    return false;
  }
  case StatKind::GenericFor: {
    const auto* f = s->as<GenericForStat>();
    exprList(f->values);
    size_t visibleMark = visible_.size();
    for (const Local* v : f->vars)
      declareLocal(v, {}, false);
    block(f->body);
    visible_.resize(visibleMark);
    return false;
  }
  case StatKind::Function: {
    const auto* f = s->as<FunctionStat>();
    std::optional<types::AnnotationBlock> notes = annotations_.blockAbove(*s);
    const FunctionSignature* sig = nullptr;
    if (notes)
      if (auto made = UserAnnotations::functionSignature(*notes, *f->body)) {
        userSignatures_.push_back(std::move(*made));
        sig = &userSignatures_.back();
      }
    const auto* name = f->target->as<NameExpr>();
    auto assigned = name ? facts_.assignedGlobals.find(name->name) : facts_.assignedGlobals.end();
    bool assignedOnce =
        name && !name->local && assigned != facts_.assignedGlobals.end() && assigned->second == 1;
    if (assignedOnce && sig)
      userGlobalFunctions_[name->name] = sig; // also for recursive calls in the body
    if (const auto* index = f->target->as<IndexExpr>())
      expr(index->object);
    const FunctionSignature* inferred = function(f->body, sig);
    if (assignedOnce && inferred)
      userGlobalFunctions_[name->name] = inferred;
    else if (!f->isMethod)
      bindMemberFunction(f->target, sig ? sig : inferred);
    return false;
  }
  case StatKind::LocalFunction: {
    const auto* f = s->as<LocalFunctionStat>();
    LocalInfo info;
    info.type = types_.function();
    if (std::optional<types::AnnotationBlock> notes = annotations_.blockAbove(*s))
      if (auto made = UserAnnotations::functionSignature(*notes, *f->body)) {
        userSignatures_.push_back(std::move(*made));
        info.sig = &userSignatures_.back();
      }
    declareLocal(f->local, info, false); // in scope inside its own body
    // Calls inside the body (recursion) see no inferred signature yet: their results are unknown.
    if (const FunctionSignature* inferred = function(f->body, info.sig))
      if (auto it = locals_.find(f->local); it != locals_.end())
        it->second.sig = inferred;
    return false;
  }
  case StatKind::Return: {
    const auto* r = s->as<ReturnStat>();
    TypeList types(r->values.size());
    for (size_t i = 0; i < r->values.size(); ++i)
      types[i] = expr(r->values[i]);
    noteReturn(r, types.span());
    return true;
  }
  case StatKind::Break:
    return true;
  case StatKind::Goto:
    if (const LabelStat* target = s->as<GotoStat>()->target)
      jumpedTo_.insert(target);
    return true;
  case StatKind::Label:
    labels_.push_back(s->as<LabelStat>());
    return false;
  case StatKind::Empty:
    return false;
  }
  return false;
}

void Walker::localStat(const LocalStat* s) {
  std::optional<types::AnnotationBlock> notes = annotations_.blockAbove(*s);
  TypeRef declared = notes ? UserAnnotations::declaredType(*notes) : nullptr;
  const FunctionSignature* valueSig = nullptr;

  size_t n = s->values.size();
  TypeList valueTypes(n);
  for (size_t i = 0; i < n; ++i) {
    const Expr* v = s->values[i];
    if (const auto* fn = v->as<FunctionExpr>()) {
      const FunctionSignature* annotated = nullptr;
      if (notes && n == 1)
        if (auto made = UserAnnotations::functionSignature(*notes, *fn->body)) {
          userSignatures_.push_back(std::move(*made));
          annotated = &userSignatures_.back();
        }
      const FunctionSignature* inferred = function(fn->body, annotated);
      if (i == 0)
        valueSig = annotated ? annotated : inferred;
      valueTypes[i] = types_.function();
      continue;
    }
    if (const auto* table = v->as<TableExpr>();
        table && i < s->locals.size() && facts_.isSealedTable(s->locals[i])) {
      valueTypes[i] = tableExpr(table, &tableFieldTypes_[s->locals[i]]);
      continue;
    }
    valueTypes[i] = expr(v);
  }

  const Expr* last = n ? s->values[n - 1] : nullptr;
  const FunctionSignature* lastCallSig = nullptr;
  if (last && last->is<CallExpr>())
    lastCallSig = signatureOf(last->as<CallExpr>()->callee);

  for (size_t i = 0; i < s->locals.size(); ++i) {
    const Local* local = s->locals[i];
    LocalInfo info;
    if (i < n) {
      const Expr* v = s->values[i];
      info.type = valueTypes[i];
      info.table = v->as<TableExpr>();
      if (v->is<StringExpr>() || v->is<NumberExpr>() || v->is<TrueExpr>() || v->is<FalseExpr>())
        info.literal = v;
      info.sig = valueSig && i == 0 ? valueSig : signatureOf(v);
      if (const auto* name = v->as<NameExpr>(); name && !name->local) {
        info.fromModule = name->name == local->name;
        if (const ModuleSignature* m = moduleOf(v))
          info.module = m;
      } else if (const auto* name = v->as<NameExpr>(); name && name->local) {
        if (const LocalInfo* from = infoOf(name->local)) {
          info.module = from->module;
          info.fromModule = from->fromModule;
        }
      } else if (const auto* index = v->as<IndexExpr>()) {
        const auto* key = index->key->as<StringExpr>();
        info.fromModule = key && key->value == local->name; // `local os = _G.os`
      } else if (const auto* call = v->as<CallExpr>()) {
        info.fromModule = isBuiltinGlobal(call->callee, "require");
        if (returnsNothing(call))
          resultlessCalls_[local] = call;
      }
    } else if (last && last->isMultiValue()) {
      size_t extra = i - (n - 1);
      if (lastCallSig && extra < lastCallSig->returns.size() &&
          !lastCallSig->returns[extra].variadic)
        info.type = lastCallSig->returns[extra].type;
    } else {
      info.type = types_.nil(); // `local x` or more names than values
    }
    if (declared && i == 0) {
      info.type = declared;
      info.annotated = true;
    }
    declareLocal(local, info, declared && i == 0);
  }
  if (lastCallSig && s->locals.size() > n && n > 0) {
    auto first = locals_.find(s->locals[n - 1]);
    if (first != locals_.end())
      first->second.siblings.assign(s->locals.begin() + static_cast<long>(n), s->locals.end());
  }
}

void Walker::declareLocal(const Local* local, LocalInfo info, bool declared) {
  visible_.push_back(local);
  if (local->assigned && !declared) {
    // Reassigned somewhere: what the initializer says does not hold everywhere.
    info.type = nullptr;
    info.sig = nullptr;
    info.table = nullptr;
    info.literal = nullptr;
    info.module = nullptr;
  }
  if (isUnknown(info.type))
    info.type = nullptr;
  if (info.type || info.sig || info.table || info.literal || info.fromModule || info.module)
    locals_[local] = info;
}

void Walker::assignStat(const AssignStat* s) {
  for (const Expr* target : s->targets)
    if (const auto* index = target->as<IndexExpr>()) {
      TypeRef object = expr(index->object);
      if (!index->isField)
        expr(index->key);
      if (!quiet_ && object && resolved(object) && resolved(object)->kind() == TypeKind::Nil)
        explainNil(report(Severity::Error, "possibly-nil", index->object->range,
                          "attempt to index a nil value: this is always nil here"),
                   index->object);
    }
  for (size_t i = 0; i < s->values.size(); ++i) {
    const Expr* v = s->values[i];
    if (const auto* fn = v->as<FunctionExpr>()) {
      // `M.handler = function(...)`: named, not a callback
      const FunctionSignature* inferred = function(fn->body, nullptr);
      if (i < s->targets.size())
        bindMemberFunction(s->targets[i], inferred);
    } else {
      expr(v);
    }
  }
  // A narrowed local that is assigned holds its declared type again.
  for (const Expr* target : s->targets) {
    if (const auto* name = target->as<NameExpr>(); name && name->local)
      if (const LocalInfo* info = infoOf(name->local))
        narrowed_.push_back({name->local, info->type});
    // `r.pid = nil` undoes what `if r.pid then` established, `cfg.db = x` what `if cfg.db.host`
    // did, and `cfg.db[k] = x` anything under cfg.db.
    if (const auto* index = target->as<IndexExpr>()) {
      std::string_view path;
      if (const Local* local = fieldPath(index, path))
        narrowed_.push_back({local, nullptr, path});
      else if (const Local* owner = fieldPath(index->object, path))
        narrowed_.push_back({owner, nullptr, path});
    }
  }
}

bool Walker::ifStat(const IfStat* s) {
  std::vector<Narrowing> falsy; // what holds when every condition so far was false
  std::vector<Narrowing> holds;
  bool allBranchesEnd = true;
  for (size_t i = 0; i < s->conditions.size(); ++i) {
    size_t mark = narrowed_.size();
    applyNarrowings(falsy);
    expr(s->conditions[i]);
    holds.clear();
    narrowingsOf(s->conditions[i], true, holds);
    applyNarrowings(holds);
    allBranchesEnd &= block(s->blocks[i]);
    narrowed_.resize(mark);
    narrowingsOf(s->conditions[i], false, falsy);
  }
  bool elseEnds = false;
  if (s->elseBlock) {
    size_t mark = narrowed_.size();
    applyNarrowings(falsy);
    elseEnds = block(s->elseBlock);
    narrowed_.resize(mark);
  }
  // `if not x then return end`: past the `if`, every condition was false.
  if (allBranchesEnd && !elseEnds)
    applyNarrowings(falsy);
  return allBranchesEnd && elseEnds;
}

bool Walker::isTerminatingCall(const Expr* call) const {
  const auto* c = call->as<CallExpr>();
  if (!c)
    return false;
  if (isBuiltinGlobal(c->callee, "error"))
    return true;
  if (const auto* index = c->callee->as<IndexExpr>())
    if (const ModuleSignature* m = moduleOf(index->object); m && m->name == "os")
      if (const auto* key = index->key->as<StringExpr>(); key && key->value == "exit")
        return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Expressions

void Walker::exprList(const std::vector<Expr*>& list) {
  for (const Expr* e : list)
    expr(e);
}

TypeRef Walker::expr(const Expr* e, Use use) {
  switch (e->kind) {
  case ExprKind::Nil:
    return types_.nil();
  case ExprKind::True:
  case ExprKind::False:
    return types_.boolean();
  case ExprKind::Number:
    return e->as<NumberExpr>()->isInteger ? types_.integer() : types_.number();
  case ExprKind::String:
    return types_.string();
  case ExprKind::Vararg:
    return nullptr;
  case ExprKind::Function:
    if (!quiet_)
      function(e->as<FunctionExpr>()->body, nullptr, true);
    return types_.function();
  case ExprKind::Table:
    return tableExpr(e->as<TableExpr>());
  case ExprKind::Name:
    return nameExpr(e->as<NameExpr>(), use);
  case ExprKind::Index:
    return indexExpr(e->as<IndexExpr>(), use);
  case ExprKind::Call:
    return callExpr(e->as<CallExpr>());
  case ExprKind::MethodCall:
    return methodCallExpr(e->as<MethodCallExpr>());
  case ExprKind::Paren:
    return expr(e->as<ParenExpr>()->inner, use == Use::Callee ? Use::Value : use);
  case ExprKind::Unary: {
    const auto* u = e->as<UnaryExpr>();
    TypeRef operand =
        expr(u->operand,
             u->op == UnaryOp::Not && isBareReference(u->operand) ? Use::FeatureTest : Use::Value);
    if (u->op != UnaryOp::Not)
      checkOperand(u->operand, operand, spelling(u->op));
    switch (u->op) {
    case UnaryOp::Not:
      return types_.boolean();
    case UnaryOp::Len:
      return types_.integer();
    case UnaryOp::Neg:
    case UnaryOp::BNot: {
      TypeRef t = resolved(operand);
      bool numeric = t && (t->kind() == TypeKind::Number || t->kind() == TypeKind::Integer ||
                           t->kind() == TypeKind::NumberLiteral);
      return numeric ? types_.number() : nullptr;
    }
    }
    return nullptr;
  }
  case ExprKind::Binary:
    return binaryExpr(e->as<BinaryExpr>());
  }
  return nullptr;
}

TypeRef Walker::binaryExpr(const BinaryExpr* e) {
  switch (e->op) {
  case BinaryOp::And:
  case BinaryOp::Or: {
    // `table.unpack or unpack`, `x and x.y`: the operands test for presence.
    TypeRef lhs = expr(e->lhs, isBareReference(e->lhs) ? Use::FeatureTest : Use::Value);
    // The right operand runs only when the left one is truthy (`and`) or falsy (`or`).
    size_t mark = narrowed_.size();
    std::vector<Narrowing> holds;
    narrowingsOf(e->lhs, e->op == BinaryOp::And, holds);
    applyNarrowings(holds);
    TypeRef rhs = expr(e->rhs, isBareReference(e->rhs) && e->op == BinaryOp::Or ? Use::FeatureTest
                                                                                : Use::Value);
    narrowed_.resize(mark);
    if (e->op == BinaryOp::Or && !isUnknown(lhs) && !isUnknown(rhs)) {
      TypeRef l = resolved(lhs);
      if (l->kind() == TypeKind::Nil)
        return rhs;
      return types_.unionOf({types_.withoutNil(lhs), rhs});
    }
    return nullptr;
  }
  case BinaryOp::Eq:
  case BinaryOp::Ne: {
    bool nilTest = e->lhs->is<NilExpr>() || e->rhs->is<NilExpr>();
    TypeRef lhs = expr(e->lhs, nilTest && isBareReference(e->lhs) ? Use::FeatureTest : Use::Value);
    TypeRef rhs = expr(e->rhs, nilTest && isBareReference(e->rhs) ? Use::FeatureTest : Use::Value);
    if (!nilTest)
      checkComparison(e, lhs, rhs);
    return types_.boolean();
  }
  case BinaryOp::Lt:
  case BinaryOp::Le:
  case BinaryOp::Gt:
  case BinaryOp::Ge:
  case BinaryOp::Concat: {
    TypeRef lhs = expr(e->lhs);
    TypeRef rhs = expr(e->rhs);
    checkOperand(e->lhs, lhs, spelling(e->op));
    checkOperand(e->rhs, rhs, spelling(e->op));
    return e->op == BinaryOp::Concat ? types_.string() : types_.boolean();
  }
  default: {
    TypeRef lhs = expr(e->lhs);
    TypeRef rhs = expr(e->rhs);
    checkOperand(e->lhs, lhs, spelling(e->op));
    checkOperand(e->rhs, rhs, spelling(e->op));
    lhs = resolved(lhs);
    rhs = resolved(rhs);
    auto numeric = [](TypeRef t) {
      return t && (t->kind() == TypeKind::Number || t->kind() == TypeKind::Integer ||
                   t->kind() == TypeKind::NumberLiteral);
    };
    return numeric(lhs) && numeric(rhs) ? types_.number() : nullptr;
  }
  }
}

TypeRef Walker::tableExpr(const TableExpr* e, std::vector<TypeRef>* fieldTypes) {
  for (const TableField& f : e->fields) {
    if (f.kind == TableField::Kind::Keyed)
      expr(f.key);
    TypeRef t = expr(f.value);
    if (fieldTypes)
      fieldTypes->push_back(t);
  }
  if (!quiet_)
    checkDuplicateKeys(e);
  return types_.table();
}

TypeRef Walker::nameExpr(const NameExpr* e, Use use) {
  if (e->local)
    return localType(e->local);
  if (facts_.assignedGlobals.count(e->name) == 0)
    if (const types::GlobalSignature* g = sigs_.global(e->name)) {
      if (g->kind == types::GlobalKind::Function && g->function->deprecated &&
          use != Use::FeatureTest)
        reportDeprecated(*g->function, e->range, e->name);
      return g->type;
    }
  // A 5.1 name that no longer exists fails even where the script sets up its own environment.
  bool removed = !removedNameAdvice(e->name).empty() && !facts_.assignedGlobals.count(e->name) &&
                 !extraGlobals_.count(e->name);
  if (use != Use::FeatureTest && (removed || !isKnownGlobal(e->name)))
    reportUndefinedGlobal(e);
  return nullptr;
}

TypeRef Walker::indexExpr(const IndexExpr* e, Use use) {
  const auto* key = e->key->as<StringExpr>();
  if (const ModuleSignature* m = moduleOf(e->object)) {
    expr(e->object);
    if (key)
      return moduleField(*m, e, use);
    expr(e->key);
    return nullptr;
  }
  TypeRef object = expr(e->object);
  if (key && reportShadowedModule(e, use))
    return nullptr;
  if (key && !narrowed_.empty() && e->object->is<IndexExpr>())
    if (std::string_view path; const Local* local = fieldPath(e, path))
      if (const Narrowing* n = narrowedField(local, path))
        return n->type;
  if (const auto* name = e->object->as<NameExpr>(); key && name && name->local) {
    if (const Narrowing* n = narrowedField(name->local, key->value))
      return n->type;
    if (TypeRef t = nullptr; sealedTableField(name, key, use, t))
      return t;
  }
  if (key)
    return fieldOf(object, key->value, e->object, key->range, use == Use::Callee);
  expr(e->key);
  if (isUnknown(object))
    return nullptr;
  TypeRef t = resolved(object);
  if (t->kind() == TypeKind::Nil) {
    explainNil(report(Severity::Error, "possibly-nil", e->object->range,
                      "attempt to index a nil value: this is always nil here"),
               e->object);
    return nullptr;
  }
  if (t->kind() == TypeKind::Union && t->containsNil()) {
    report(Severity::Warning, "possibly-nil", e->object->range,
           fmt::format("this value may be nil (its type is {}); check it before indexing it",
                       describe(object)));
    t = resolved(types_.withoutNil(t));
  }
  if (t->kind() == TypeKind::Array)
    return t->element();
  if (t->kind() == TypeKind::Map)
    return t->value();
  return nullptr;
}

bool Walker::sealedTableField(const NameExpr* object, const StringExpr* key, Use use,
                              TypeRef& type) {
  const LocalInfo* info = infoOf(object->local);
  if (!info || !info->table || !facts_.isSealedTable(object->local))
    return false;
  if (TypeRef declared = resolved(info->type); declared && declared->kind() == TypeKind::Record)
    return false; // `---@type Server`: the class says what it has
  const TableExpr* table = info->table;
  std::vector<std::string> keys;
  for (size_t i = table->fields.size(); i-- > 0;) { // the last of duplicate keys wins
    const TableField& f = table->fields[i];
    if (f.kind == TableField::Kind::Positional)
      continue;
    const auto* name = f.key->as<StringExpr>();
    if (!name) {
      if (!f.key->is<NumberExpr>())
        return false; // `[k] = v`: any key at all
      continue;
    }
    if (name->value == key->value) {
      auto types = tableFieldTypes_.find(object->local);
      type =
          types != tableFieldTypes_.end() && i < types->second.size() ? types->second[i] : nullptr;
      return true;
    }
    keys.push_back(name->value);
  }
  type = nullptr; // nil, but left unknown so that one slip does not cascade
  if (use == Use::FeatureTest)
    return true;
  uint32_t line = sources_.lineOf(file_, table->range.begin);
  std::string message =
      fmt::format("unknown field '{}': the table '{}' built at line {} has no such key and "
                  "nothing adds one, so this is always nil",
                  key->value, object->name, line);
  if (std::optional<std::string> fix = types::closestName(key->value, keys))
    message += fmt::format("; did you mean '{}'?", *fix);
  report(Severity::Warning, "unknown-field", key->range, std::move(message));
  return true;
}

std::string Walker::onlyNameStartingWith(std::span<const std::string> names,
                                         const std::string& prefix) {
  std::string found;
  for (const std::string& name : names)
    if (name.compare(0, prefix.size(), prefix) == 0) {
      if (!found.empty())
        return {};
      found = name;
    }
  return found;
}

bool Walker::reportShadowedModule(const IndexExpr* e, Use use) {
  const auto* name = e->object->as<NameExpr>();
  if (quiet_ || !name || !name->local)
    return false;
  const ModuleSignature* shadowed = sigs_.module(name->name);
  const LocalInfo* info = infoOf(name->local);
  const std::string& field = e->key->as<StringExpr>()->value;
  if (!shadowed || !info || info->fromModule || info->module || !shadowed->functions.count(field))
    return false;
  TypeRef t = resolved(localType(name->local));
  if (isUnknown(t))
    return false;
  if ((t->kind() == TypeKind::String || t->kind() == TypeKind::StringLiteral) &&
      use == Use::Callee && !sigs_.function("string", field) &&
      !facts_.extendedFields.count("string." + field)) {
    // `local file = "app.conf"` then `file.write(file, s)`: a string's fields are the string
    // library's, which has no such function, so the call always fails.
    Diagnostic& d = report(
        typedByAnnotation(e->object) ? Severity::Warning : Severity::Error, "shadowed-module",
        e->object->range,
        fmt::format("'{0}' here is the local {0} (a string), not the {0} module, so '{0}.{1}' "
                    "is nil and calling it fails; rename the local",
                    name->name, field));
    d.notes.push_back({file_, name->local->range, "the local is declared here"});
    return true;
  }
  if (t->kind() != TypeKind::Record)
    return false;
  const types::Field* own = types_.findField(t, field);
  TypeRef ownType = own ? resolved(own->type) : nullptr;
  bool callable = ownType && (ownType->kind() == TypeKind::FunctionType ||
                              ownType->kind() == TypeKind::Function || ownType->isAnyLike());
  if (callable || (own && use != Use::Callee))
    return false;
  // Calling a missing field of a native result always fails; otherwise it is likely a mix-up.
  Severity severity = !own && isBuiltinClass(t) && t->exact() && !info->annotated
                          ? Severity::Error
                          : Severity::Warning;
  Diagnostic& d = report(
      severity, "shadowed-module", e->object->range,
      fmt::format("'{0}' here is the local {0} (a {1}), not the {0} module, so '{0}.{2}' is not "
                  "the module's function; rename the local",
                  name->name, t->name().empty() ? describe(t) : t->name(), field));
  d.notes.push_back({file_, name->local->range, "the local is declared here"});
  return true;
}

TypeRef Walker::moduleField(const ModuleSignature& module, const IndexExpr* e, Use use) {
  const std::string& name = e->key->as<StringExpr>()->value;
  std::string qualified = module.name + "." + name;
  bool extended = facts_.extendedFields.count(qualified) != 0;
  if (const auto* object = e->object->as<NameExpr>())
    extended = extended || facts_.extendedFields.count(object->name + "." + name) != 0;
  if (extended)
    return nullptr;
  if (use != Use::FeatureTest && isUnbuiltReferenceModule(module.name) &&
      unbuiltModulesReported_.insert(module.name).second)
    report(Severity::Warning, "module-not-built", e->range,
           fmt::format("module '{}' is not built in this version of sloth: '{}' fails when the "
                       "script runs (the signatures declare the whole modules reference)",
                       module.name, qualified));
  if (auto f = module.functions.find(name); f != module.functions.end()) {
    if (f->second->deprecated && use != Use::FeatureTest)
      reportDeprecated(*f->second, e->range, qualified);
    return f->second->type;
  }
  if (auto v = module.values.find(name); v != module.values.end())
    return v->second->type;
  if (use == Use::FeatureTest)
    return nullptr;
  // A sloth module is a fixed native table: calling a function it lacks always fails. Scripts do
  // extend Lua's own tables (`string`, `table`) from other files, so those only get a warning.
  bool luaStandard = startsWith(module.where.file, "lua_");
  Severity severity = use == Use::Callee && !luaStandard ? Severity::Error : Severity::Warning;
  std::string message = fmt::format("unknown function '{}'", qualified);
  if (std::string_view advice = removedNameAdvice(qualified); !advice.empty())
    message += " (" + std::string(advice) + ")";
  else if (std::optional<std::string> fix = sigs_.suggestFunction(qualified))
    message += fmt::format("; did you mean '{}'?", *fix);
  else if (std::string longer = onlyNameStartingWith(functionNames(module), name + "_");
           !longer.empty())
    message += fmt::format("; did you mean '{}.{}'?", module.name, longer); // ec2_instance_create
  else if (module.name == "debug") // Lua has it; sloth's VM builds only part of the library
    message += ": sloth's debug library has only traceback, getmetatable and setmetatable";
  else
    message += fmt::format(": module '{}' has no such function", module.name);
  report(severity, "unknown-module-function", e->key->range, std::move(message));
  return nullptr;
}

TypeRef Walker::fieldOf(TypeRef object, const std::string& field, const Expr* objectExpr,
                        SourceRange fieldRange, bool called) {
  if (isUnknown(object))
    return nullptr;
  TypeRef t = resolved(object);
  if (t->kind() == TypeKind::Nil) {
    explainNil(
        report(Severity::Error, "possibly-nil", objectExpr->range,
               fmt::format("attempt to index a nil value (field '{}'): this is always nil here",
                           field)),
        objectExpr);
    return nullptr;
  }
  if (t->kind() == TypeKind::Union) {
    if (t->containsNil()) {
      report(Severity::Warning, "possibly-nil", objectExpr->range,
             fmt::format("this value may be nil (its type is {}); check it before reading '{}'",
                         describe(object), field));
      t = resolved(types_.withoutNil(t));
    }
    if (!t || t->kind() == TypeKind::Union)
      return nullptr;
  }
  if (t->kind() == TypeKind::String || t->kind() == TypeKind::StringLiteral) {
    const FunctionSignature* f = sigs_.function("string", field);
    if (!f && called && !facts_.extendedFields.count("string." + field)) {
      // A string's fields are the string library's (`s.upper(s)`): calling another is calling nil.
      std::string message = fmt::format("strings have no function '{}'", field);
      if (std::optional<std::string> fix = sigs_.suggestFunction("string." + field))
        message += fmt::format("; did you mean '{}'?", fix->substr(7));
      report(typedByAnnotation(objectExpr) ? Severity::Warning : Severity::Error, "unknown-field",
             fieldRange, std::move(message));
    }
    return f ? f->type : nullptr;
  }
  if (t->kind() != TypeKind::Record)
    return nullptr;
  if (sigs_.module(t->name()))
    return nullptr; // a module reached another way (`_G.pkg`): not worth tracking
  if (const types::Field* f = types_.findField(t, field))
    return f->optional && f->type ? types_.optional(f->type) : f->type;
  bool builtin = isBuiltinClass(t);
  if (builtin)
    if (const FunctionSignature* m = sigs_.method(t->name(), field))
      return m->type;
  // A field the script sets on this value itself is fine to read back.
  if (const auto* name = objectExpr->as<NameExpr>())
    if (facts_.extendedFields.count(name->name + "." + field))
      return nullptr;
  if (t->exact() || (builtin && called)) {
    std::string message = fmt::format("unknown field '{}' on {}", field, t->name());
    if (std::optional<std::string> fix = types::closestName(field, types_.fieldNames(t)))
      message += fmt::format("; did you mean '{}'?", *fix);
    bool certain = builtin && !typedByAnnotation(objectExpr);
    report(certain ? Severity::Error : Severity::Warning, "unknown-field", fieldRange,
           std::move(message));
  }
  return nullptr;
}

bool Walker::reportDotCall(const CallExpr* e) {
  const auto* index = e->callee->as<IndexExpr>();
  const auto* key = index ? index->key->as<StringExpr>() : nullptr;
  if (quiet_ || !key)
    return false;
  TypeRef t = resolved(peek(index->object));
  if (isUnknown(t))
    return false;
  const FunctionSignature* m = nullptr;
  bool stringValue = t->kind() == TypeKind::String || t->kind() == TypeKind::StringLiteral;
  if (stringValue)
    m = sigs_.function("string", key->value);
  else if (t->kind() == TypeKind::Record && isBuiltinClass(t) && !sigs_.module(t->name()))
    m = sigs_.method(t->name(), key->value);
  if (!m)
    return false;
  // `s.upper(s)`, `b.build(b)`: the object passed by hand is fine.
  if (!e->args.empty()) {
    const auto* first = e->args[0]->as<NameExpr>();
    const auto* object = index->object->as<NameExpr>();
    if (first && object && first->name == object->name && first->local == object->local)
      return false;
    // A string function's first parameter is the string: `s.rep("x", 3)` passes it.
    if (stringValue && e->args.size() >= m->requiredArguments())
      return false;
  }
  std::string_view text = sources_.text(file_);
  std::string object(text.substr(index->object->range.begin,
                                 index->object->range.end - index->object->range.begin));
  if (object.size() > 40)
    object = "...";
  // A string function then misses its string; a builder's native gets the first argument as
  // the builder: both fail when they run.
  report(stringValue ? Severity::Warning : Severity::Error, "wrong-arg-count", key->range,
         fmt::format("'{0}.{1}(...)' does not pass {0} to {2}; call it as {0}:{1}(...)", object,
                     key->value, m->qualifiedName));
  return true;
}

TypeRef Walker::callExpr(const CallExpr* e) {
  const FunctionSignature* sig = signatureOf(e->callee);
  if (!sig && reportDotCall(e)) {
    expr(e->callee, Use::Callee);
    for (const Expr* arg : e->args)
      expr(arg);
    return nullptr;
  }
  TypeRef callee = expr(e->callee, Use::Callee);
  bool typeCall = isBuiltinGlobal(e->callee, "type");
  TypeList argTypes(e->args.size());
  for (size_t i = 0; i < e->args.size(); ++i)
    argTypes[i] =
        expr(e->args[i], typeCall && isBareReference(e->args[i]) ? Use::FeatureTest : Use::Value);
  std::span<const TypeRef> types = argTypes.span();
  if (!sig || severityFor(*sig) != Severity::Error) // sloth's modules change no table they get
    forgetFieldsPassed(e->args, nullptr);
  if (sig) {
    if (!quiet_) {
      std::string calledAs = sig->qualifiedName.empty() ? "this function" : sig->qualifiedName;
      checkCall(*sig, calledAs, nullptr, e->args, types, e->argsRange);
    }
    return callResult(*sig, e->args, types);
  }
  if (isUnknown(callee))
    return nullptr;
  TypeRef t = resolved(callee);
  switch (t->kind()) {
  case TypeKind::Nil:
    explainNil(report(Severity::Error, "call-non-function", e->callee->range,
                      "attempt to call a nil value: this is always nil here"),
               e->callee);
    return nullptr;
  case TypeKind::Boolean:
  case TypeKind::BooleanLiteral:
  case TypeKind::Number:
  case TypeKind::Integer:
  case TypeKind::NumberLiteral:
  case TypeKind::String:
  case TypeKind::StringLiteral:
    report(Severity::Error, "call-non-function", e->callee->range,
           fmt::format("attempt to call a value that is not a function (its type is {})",
                       describe(callee)));
    return nullptr;
  case TypeKind::Union:
    if (t->containsNil()) {
      report(Severity::Warning, "possibly-nil", e->callee->range,
             fmt::format("this function may be nil (its type is {}); check it before calling it",
                         describe(callee)));
      t = resolved(types_.withoutNil(t));
    }
    break;
  default:
    break;
  }
  if (t && t->kind() == TypeKind::FunctionType && !t->returns().empty() &&
      !t->returns()[0].variadic)
    return t->returns()[0].type;
  return nullptr;
}

TypeRef Walker::methodCallExpr(const MethodCallExpr* e) {
  TypeRef object = expr(e->object);
  TypeList argTypes(e->args.size());
  for (size_t i = 0; i < e->args.size(); ++i)
    argTypes[i] = expr(e->args[i]);
  // `s:upper()` changes no table; any other method may change its receiver.
  TypeRef receiver = isUnknown(object) ? nullptr : resolved(types_.withoutNil(object));
  bool stringMethod = receiver && (receiver->kind() == TypeKind::String ||
                                   receiver->kind() == TypeKind::StringLiteral);
  forgetFieldsPassed(e->args, stringMethod ? nullptr : e->object);
  std::span<const TypeRef> types = argTypes.span();
  if (isUnknown(object))
    return nullptr;
  TypeRef t = resolved(object);
  if (t->kind() == TypeKind::Nil) {
    explainNil(report(Severity::Error, "possibly-nil", e->object->range,
                      fmt::format("attempt to call method '{}' on a nil value: this is always "
                                  "nil here",
                                  e->method)),
               e->object);
    return nullptr;
  }
  if (t->kind() == TypeKind::Union && t->containsNil()) {
    report(Severity::Warning, "possibly-nil", e->object->range,
           fmt::format("this value may be nil (its type is {}); check it before calling :{}()",
                       describe(object), e->method));
    t = resolved(types_.withoutNil(t));
  }
  if (!t)
    return nullptr;
  if (t->kind() == TypeKind::String || t->kind() == TypeKind::StringLiteral) {
    if (facts_.extendedFields.count("string." + e->method))
      return nullptr;
    if (const FunctionSignature* f = sigs_.function("string", e->method)) {
      if (!quiet_)
        checkCall(*f, "string." + e->method, e->object, e->args, types, e->argsRange);
      return callResult(*f, e->args, types);
    }
    std::string message = fmt::format("strings have no method '{}'", e->method);
    if (std::optional<std::string> fix = sigs_.suggestFunction("string." + e->method))
      message += fmt::format("; did you mean '{}'?", fix->substr(7));
    report(typedByAnnotation(e->object) ? Severity::Warning : Severity::Error, "unknown-field",
           e->methodRange, std::move(message));
    return nullptr;
  }
  if (t->kind() != TypeKind::Record || !isBuiltinClass(t))
    return nullptr;
  if (const FunctionSignature* m = sigs_.method(t->name(), e->method)) {
    if (!quiet_)
      checkCall(*m, t->name() + ":" + e->method, nullptr, e->args, types, e->argsRange);
    return callResult(*m, e->args, types);
  }
  if (const types::Field* f = types_.findField(t, e->method)) {
    TypeRef ft = resolved(f->type);
    if (ft && ft->kind() == TypeKind::FunctionType && !ft->returns().empty())
      return ft->returns()[0].type;
    return nullptr;
  }
  if (const auto* name = e->object->as<NameExpr>())
    if (facts_.extendedFields.count(name->name + "." + e->method))
      return nullptr;
  std::string message = fmt::format("unknown method '{}' on {}", e->method, t->name());
  if (std::optional<std::string> fix = sigs_.suggestFunction(t->name() + ":" + e->method))
    message += fmt::format("; did you mean '{}'?", fix->substr(fix->find(':') + 1));
  report(typedByAnnotation(e->object) ? Severity::Warning : Severity::Error, "unknown-field",
         e->methodRange, std::move(message));
  return nullptr;
}

TypeRef Walker::peek(const Expr* e) {
  ++quiet_;
  TypeRef t = expr(e);
  --quiet_;
  return t;
}

TypeRef Walker::literalType(const Expr* e, TypeRef computed) {
  switch (e->kind) {
  case ExprKind::String:
    return types_.stringLiteral(e->as<StringExpr>()->value);
  case ExprKind::Number: {
    const auto* n = e->as<NumberExpr>();
    return n->isInteger ? types_.integerLiteral(n->integer) : types_.numberLiteral(n->number);
  }
  case ExprKind::True:
    return types_.booleanLiteral(true);
  case ExprKind::False:
    return types_.booleanLiteral(false);
  case ExprKind::Name:
    if (const auto* name = e->as<NameExpr>(); name->local)
      if (const LocalInfo* info = infoOf(name->local); info && info->literal)
        return literalType(info->literal, computed);
    return computed;
  default:
    return computed;
  }
}

const TableExpr* Walker::tableOf(const Expr* e) const {
  if (const auto* t = e->as<TableExpr>())
    return t;
  if (const auto* name = e->as<NameExpr>(); name && name->local)
    if (const LocalInfo* info = infoOf(name->local))
      return info->table;
  return nullptr;
}

// ---------------------------------------------------------------------------------------------
// Locals and globals

const LocalInfo* Walker::infoOf(const Local* local) const {
  auto it = locals_.find(local);
  return it == locals_.end() ? nullptr : &it->second;
}

TypeRef Walker::localType(const Local* local) const {
  for (size_t i = narrowed_.size(); i-- > 0;)
    if (narrowed_[i].local == local && narrowed_[i].field.empty())
      return narrowed_[i].type;
  const LocalInfo* info = infoOf(local);
  return info ? info->type : nullptr;
}

const Walker::Narrowing* Walker::narrowedField(const Local* local, std::string_view field) const {
  for (size_t i = narrowed_.size(); i-- > 0;) {
    const Narrowing& n = narrowed_[i];
    if (n.local != local)
      continue;
    if (n.field.empty())
      return nullptr; // the local itself changed: its fields too
    if (n.field == field)
      return &n;
    // `cfg.db` changed: so did `cfg.db.host`.
    if (!n.type && field.size() > n.field.size() && field[n.field.size()] == '.' &&
        field.substr(0, n.field.size()) == n.field)
      return &n;
  }
  return nullptr;
}

const FunctionSignature* Walker::signatureOf(const Expr* callee) const {
  if (const auto* name = callee->as<NameExpr>()) {
    if (name->local) {
      const LocalInfo* info = infoOf(name->local);
      return info ? info->sig : nullptr;
    }
    if (facts_.assignedGlobals.count(name->name)) {
      auto user = userGlobalFunctions_.find(name->name);
      return user == userGlobalFunctions_.end() ? nullptr : user->second;
    }
    const types::GlobalSignature* g = sigs_.global(name->name);
    return g && g->kind == types::GlobalKind::Function ? g->function : nullptr;
  }
  if (const auto* index = callee->as<IndexExpr>()) {
    if (const FunctionSignature* member = memberFunction(index))
      return member;
    const auto* key = index->key->as<StringExpr>();
    const ModuleSignature* m = key ? moduleOf(index->object) : nullptr;
    if (!m || facts_.extendedFields.count(m->name + "." + key->value))
      return nullptr;
    if (const auto* object = index->object->as<NameExpr>())
      if (facts_.extendedFields.count(object->name + "." + key->value))
        return nullptr;
    auto f = m->functions.find(key->value);
    return f == m->functions.end() ? nullptr : f->second;
  }
  return nullptr;
}

const ModuleSignature* Walker::moduleOf(const Expr* e) const {
  const auto* name = e->as<NameExpr>();
  if (!name)
    return nullptr;
  if (name->local) {
    const LocalInfo* info = infoOf(name->local);
    return info ? info->module : nullptr;
  }
  if (facts_.assignedGlobals.count(name->name))
    return nullptr;
  return sigs_.module(name->name);
}

bool Walker::isBuiltinGlobal(const Expr* e, std::string_view name) const {
  const auto* n = e->as<NameExpr>();
  return n && !n->local && n->name == name && facts_.assignedGlobals.count(n->name) == 0;
}

bool Walker::isKnownGlobal(const std::string& name) const {
  return facts_.customEnvironment || sigs_.global(name) || facts_.assignedGlobals.count(name) ||
         extraGlobals_.count(name);
}

void Walker::reportUndefinedGlobal(const NameExpr* e) {
  if (quiet_)
    return;
  std::vector<std::string> candidates;
  for (const Local* l : visible_)
    candidates.push_back(l->name);
  for (const auto& [name, count] : facts_.assignedGlobals)
    candidates.push_back(name);
  for (std::string& name : sigs_.globalNames())
    candidates.push_back(std::move(name));
  for (const std::string& name : extraGlobals_)
    candidates.push_back(name);
  std::string message = fmt::format("undefined global '{}'", e->name);
  if (std::string_view advice = removedNameAdvice(e->name); !advice.empty()) {
    report(Severity::Warning, "undefined-global", e->range,
           message + " (" + std::string(advice) + ")");
    return;
  }
  if (std::optional<std::string> fix = types::closestName(e->name, candidates)) {
    message += fmt::format("; did you mean '{}'?", *fix);
    report(Severity::Warning, "undefined-global", e->range, std::move(message)).fixIt =
        FixIt{e->range, *fix};
    return;
  }
  report(Severity::Warning, "undefined-global", e->range, std::move(message));
}

void Walker::reportDeprecated(const FunctionSignature& sig, SourceRange range,
                              const std::string& spelledAs) {
  if (quiet_)
    return;
  const std::string& advice = *sig.deprecated;
  Diagnostic& d =
      report(Severity::Warning, "deprecated", range,
             fmt::format("'{}' is deprecated{}{}", spelledAs, advice.empty() ? "" : "; ", advice));
  // `use table.unpack`: a plain rename can be applied mechanically.
  std::string_view rest(advice);
  if (startsWith(rest, "use ")) {
    rest.remove_prefix(4);
    bool name = !rest.empty();
    for (char c : rest)
      name = name && (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.');
    if (name)
      d.fixIt = FixIt{range, std::string(rest)};
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

Diagnostic& Walker::report(Severity severity, const char* code, SourceRange range,
                           std::string message) {
  if (quiet_) {
    if (capture_ && quiet_ == captureLevel_)
      capture_->push_back({severity, std::move(message)});
    sink_ = Diagnostic{};
    return sink_;
  }
  return diags_.report(severity, code, file_, range, std::move(message));
}

TypeRef Walker::resolved(TypeRef t) const {
  if (t && t->kind() == TypeKind::Named)
    return types_.resolve(t);
  return t;
}

bool Walker::isUnknown(TypeRef t) const {
  if (!t)
    return true;
  TypeRef r = resolved(t);
  return !r || r->isAnyLike();
}

bool Walker::isBuiltinClass(TypeRef record) const {
  const types::ClassSignature* c = sigs_.classNamed(record->name());
  return c && resolved(c->type) == record;
}

bool Walker::typedByAnnotation(const Expr* e) const {
  const auto* name = e ? e->as<NameExpr>() : nullptr;
  const LocalInfo* info = name && name->local ? infoOf(name->local) : nullptr;
  return info && info->annotated;
}

const FunctionSignature* Walker::returnsNothing(const Expr* e) const {
  const auto* call = e ? e->as<CallExpr>() : nullptr;
  const FunctionSignature* sig = call ? signatureOf(call->callee) : nullptr;
  return sig && sig->returns.empty() && severityFor(*sig) == Severity::Error ? sig : nullptr;
}

void Walker::explainNil(Diagnostic& d, const Expr* value) {
  const Expr* call = value;
  if (const auto* name = value->as<NameExpr>(); name && name->local)
    if (auto it = resultlessCalls_.find(name->local); it != resultlessCalls_.end())
      call = it->second;
  if (const FunctionSignature* sig = returnsNothing(call))
    d.notes.push_back(
        {file_, call->range,
         fmt::format("{} returns nothing (its signature declares no result)", sig->qualifiedName)});
}

std::string Walker::describe(TypeRef t) const {
  return t ? t->toString() : "unknown";
}

Severity Walker::severityFor(const FunctionSignature& sig) const {
  // Errors only for sloth's native modules, whose behaviour on bad arguments is certain. Lua's own
  // library is lenient in places its signatures cannot say, and a script's own annotations are
  // its author's intent, not a guarantee: warnings.
  if (sig.where.file.empty() || startsWith(sig.where.file, "lua_"))
    return Severity::Warning;
  return Severity::Error;
}

} // namespace sloth::check
