#include "sloth/frontend/Resolver.h"

#include <algorithm>
#include <string>

namespace sloth {

using namespace sloth::ast;

namespace {

// Lua's limits (lparser.c MAXVARS, lfunc.h MAXUPVAL).
constexpr size_t kMaxLocals = 200;
constexpr size_t kMaxUpvalues = 255;

struct LabelInfo {
  LabelStat* stat;
  size_t activeLocals; // locals in scope at the label (the block's count if the label ends it)
};

struct PendingGoto {
  GotoStat* stat;
  size_t activeLocals; // locals in scope at the goto (lowered as it leaves blocks)
};

struct BlockScope {
  size_t entryLocals = 0;
  bool isLoop = false;
  std::vector<LabelInfo> labels;
  std::vector<PendingGoto> pending;
};

struct FunctionScope {
  FunctionBody* body = nullptr;
  FunctionScope* parent = nullptr;
  std::vector<Local*> active; // locals in scope, innermost last
  std::vector<BlockScope> blocks;
  unsigned loops = 0;
};

class Resolver {
public:
  Resolver(FileId file, const SourceManager& sources, DiagnosticEngine& diags)
      : file_(file), sources_(sources), diags_(diags) {}

  void run(Chunk& chunk) { function(chunk.main, nullptr); }

private:
  FileId file_;
  const SourceManager& sources_;
  DiagnosticEngine& diags_;
  FunctionScope* fn_ = nullptr;

  uint32_t line(SourceRange r) const { return sources_.lineOf(file_, r.begin); }
  Diagnostic& error(std::string code, SourceRange r, std::string message) {
    return diags_.error(std::move(code), file_, r, std::move(message));
  }

  // -- scopes ----------------------------------------------------------------------------------

  // "main function" or "function at line N", as luac names a function in limit errors.
  std::string where(const FunctionScope* f) const {
    return f->parent ? "function at line " + std::to_string(line(f->body->range))
                     : std::string("main function");
  }

  void declare(Local* local) {
    local->owner = fn_->body;
    fn_->active.push_back(local);
    fn_->body->locals.push_back(local);
    if (fn_->active.size() == kMaxLocals + 1)
      error("too-many-locals", local->range,
            "too many local variables (limit is " + std::to_string(kMaxLocals) + ") in " +
                where(fn_));
  }

  Local* lookup(const std::string& name, SourceRange use) {
    for (FunctionScope* f = fn_; f; f = f->parent) {
      for (auto it = f->active.rbegin(); it != f->active.rend(); ++it) {
        if ((*it)->name != name)
          continue;
        Local* local = *it;
        if (f != fn_) {
          local->captured = true;
          // Every function between the use and the declaration carries it as an upvalue.
          for (FunctionScope* g = fn_; g != f; g = g->parent) {
            auto& caps = g->body->captures;
            if (std::find(caps.begin(), caps.end(), local) != caps.end())
              continue;
            caps.push_back(local);
            if (caps.size() == kMaxUpvalues + 1)
              error("too-many-upvalues", use,
                    "too many upvalues (limit is " + std::to_string(kMaxUpvalues) + ") in " +
                        where(g));
          }
        }
        return local;
      }
    }
    return nullptr;
  }

  void function(FunctionBody* body, FunctionScope* parent) {
    FunctionScope scope;
    scope.body = body;
    scope.parent = parent;
    FunctionScope* saved = fn_;
    fn_ = &scope;
    openBlock(false);
    for (Local* p : body->params)
      declare(p);
    statements(body->body);
    closeBlock();
    fn_ = saved;
  }

  void openBlock(bool isLoop) {
    BlockScope b;
    b.entryLocals = fn_->active.size();
    b.isLoop = isLoop;
    fn_->blocks.push_back(std::move(b));
    if (isLoop)
      ++fn_->loops;
  }

  void closeBlock() {
    BlockScope b = std::move(fn_->blocks.back());
    fn_->blocks.pop_back();
    if (b.isLoop)
      --fn_->loops;
    fn_->active.resize(b.entryLocals);
    if (fn_->blocks.empty()) {
      for (const PendingGoto& g : b.pending)
        error("undefined-label", g.stat->range,
              "no visible label '" + g.stat->label + "' for <goto>");
      return;
    }
    // Unresolved gotos may still find a label later in an enclosing block; the locals of
    // this block are out of scope for them now.
    for (PendingGoto g : b.pending) {
      g.activeLocals = std::min(g.activeLocals, b.entryLocals);
      fn_->blocks.back().pending.push_back(g);
    }
  }

  void block(Block* b, bool isLoop) {
    openBlock(isLoop);
    statements(b);
    closeBlock();
  }

  // -- statements ------------------------------------------------------------------------------

  void statements(Block* b) {
    for (size_t i = 0; i < b->stats.size(); ++i)
      statement(b->stats[i], b, i);
  }

  // A label followed only by labels and `;` up to the end of its block (not a repeat block's
  // `until`, which still sees the block's locals): gotos may jump past local declarations to it.
  static bool endsBlock(Block* b, size_t index, bool inRepeat) {
    if (inRepeat)
      return false;
    for (size_t i = index + 1; i < b->stats.size(); ++i)
      if (!b->stats[i]->is<LabelStat>() && !b->stats[i]->is<EmptyStat>())
        return false;
    return true;
  }

  void label(LabelStat* s, Block* b, size_t index) {
    for (const BlockScope& scope : fn_->blocks)
      for (const LabelInfo& l : scope.labels)
        if (l.stat->name == s->name) {
          Diagnostic& d = error("duplicate-label", s->range,
                                "label '" + s->name + "' already defined on line " +
                                    std::to_string(line(l.stat->range)));
          d.notes.push_back({file_, l.stat->range, "previous definition is here"});
          return;
        }
    BlockScope& scope = fn_->blocks.back();
    size_t active = endsBlock(b, index, repeatBody_ == b) ? scope.entryLocals : fn_->active.size();
    scope.labels.push_back({s, active});
    // Forward gotos waiting in this block (or moved here from nested blocks).
    auto& pending = scope.pending;
    for (size_t i = 0; i < pending.size();) {
      if (pending[i].stat->label != s->name) {
        ++i;
        continue;
      }
      if (pending[i].activeLocals < active) {
        Local* local = fn_->active[pending[i].activeLocals];
        error("goto-into-local-scope", pending[i].stat->range,
              "<goto " + s->name + "> at line " + std::to_string(line(pending[i].stat->range)) +
                  " jumps into the scope of local '" + local->name + "'");
      } else {
        pending[i].stat->target = s;
      }
      pending.erase(pending.begin() + static_cast<std::ptrdiff_t>(i));
    }
  }

  void gotoStatement(GotoStat* s) {
    for (auto scope = fn_->blocks.rbegin(); scope != fn_->blocks.rend(); ++scope)
      for (const LabelInfo& l : scope->labels)
        if (l.stat->name == s->label) {
          s->target = l.stat; // backward jump: always allowed
          return;
        }
    fn_->blocks.back().pending.push_back({s, fn_->active.size()});
  }

  void assignTo(Expr* target) {
    if (auto* name = target->as<NameExpr>()) {
      name->local = lookup(name->name, name->range);
      if (Local* local = name->local) {
        if (local->attrib != Attrib::None) {
          Diagnostic& d = error("assign-to-const", name->range,
                                "attempt to assign to const variable '" + name->name + "'");
          d.notes.push_back({file_, local->range, "'" + name->name + "' is declared here"});
        }
        local->assigned = true;
      }
      return;
    }
    expr(target);
  }

  Block* repeatBody_ = nullptr;

  void statement(Stat* s, Block* b, size_t index) {
    switch (s->kind) {
    case StatKind::Local: {
      auto* st = s->as<LocalStat>();
      exprs(st->values);
      Local* close = nullptr;
      for (Local* l : st->locals) {
        if (l->attrib == Attrib::Close) {
          if (close)
            error("multiple-close-variables", l->range,
                  "multiple to-be-closed variables in local list");
          close = l;
        }
      }
      for (Local* l : st->locals)
        declare(l);
      break;
    }
    case StatKind::Assign: {
      auto* st = s->as<AssignStat>();
      for (Expr* t : st->targets)
        assignTo(t);
      exprs(st->values);
      break;
    }
    case StatKind::Call:
      expr(s->as<CallStat>()->call);
      break;
    case StatKind::Do:
      block(s->as<DoStat>()->body, false);
      break;
    case StatKind::While: {
      auto* st = s->as<WhileStat>();
      expr(st->condition);
      block(st->body, true);
      break;
    }
    case StatKind::Repeat: {
      auto* st = s->as<RepeatStat>();
      // The condition sees the body's locals, so it is resolved inside the body's scope.
      openBlock(true);
      Block* saved = repeatBody_;
      repeatBody_ = st->body;
      statements(st->body);
      repeatBody_ = saved;
      expr(st->condition);
      closeBlock();
      break;
    }
    case StatKind::If: {
      auto* st = s->as<IfStat>();
      for (size_t i = 0; i < st->conditions.size(); ++i) {
        expr(st->conditions[i]);
        block(st->blocks[i], false);
      }
      if (st->elseBlock)
        block(st->elseBlock, false);
      break;
    }
    case StatKind::NumericFor: {
      auto* st = s->as<NumericForStat>();
      expr(st->start);
      expr(st->limit);
      if (st->step)
        expr(st->step);
      openBlock(true);
      declare(st->var);
      statements(st->body);
      closeBlock();
      break;
    }
    case StatKind::GenericFor: {
      auto* st = s->as<GenericForStat>();
      exprs(st->values);
      openBlock(true);
      for (Local* v : st->vars)
        declare(v);
      statements(st->body);
      closeBlock();
      break;
    }
    case StatKind::Function: {
      auto* st = s->as<FunctionStat>();
      assignTo(st->target);
      function(st->body, fn_);
      break;
    }
    case StatKind::LocalFunction: {
      auto* st = s->as<LocalFunctionStat>();
      declare(st->local);
      function(st->body, fn_);
      break;
    }
    case StatKind::Return:
      exprs(s->as<ReturnStat>()->values);
      break;
    case StatKind::Break:
      if (fn_->loops == 0)
        error("break-outside-loop", s->range, "break outside a loop");
      break;
    case StatKind::Goto:
      gotoStatement(s->as<GotoStat>());
      break;
    case StatKind::Label:
      label(s->as<LabelStat>(), b, index);
      break;
    case StatKind::Empty:
      break;
    }
  }

  // -- expressions -----------------------------------------------------------------------------

  void exprs(const std::vector<Expr*>& list) {
    for (Expr* e : list)
      expr(e);
  }

  void expr(Expr* e) {
    switch (e->kind) {
    case ExprKind::Nil:
    case ExprKind::True:
    case ExprKind::False:
    case ExprKind::Number:
    case ExprKind::String:
      break;
    case ExprKind::Vararg:
      if (!fn_->body->isVararg)
        error("vararg-outside-vararg-function", e->range,
              "cannot use '...' outside a vararg function near '...'");
      break;
    case ExprKind::Function:
      function(e->as<FunctionExpr>()->body, fn_);
      break;
    case ExprKind::Table:
      for (TableField& f : e->as<TableExpr>()->fields) {
        if (f.key && f.kind == TableField::Kind::Keyed)
          expr(f.key);
        expr(f.value);
      }
      break;
    case ExprKind::Name: {
      auto* n = e->as<NameExpr>();
      n->local = lookup(n->name, n->range);
      if (n->local)
        ++n->local->useCount;
      break;
    }
    case ExprKind::Index: {
      auto* i = e->as<IndexExpr>();
      expr(i->object);
      expr(i->key);
      break;
    }
    case ExprKind::Call: {
      auto* c = e->as<CallExpr>();
      expr(c->callee);
      exprs(c->args);
      break;
    }
    case ExprKind::MethodCall: {
      auto* c = e->as<MethodCallExpr>();
      expr(c->object);
      exprs(c->args);
      break;
    }
    case ExprKind::Paren:
      expr(e->as<ParenExpr>()->inner);
      break;
    case ExprKind::Unary:
      expr(e->as<UnaryExpr>()->operand);
      break;
    case ExprKind::Binary: {
      auto* b = e->as<BinaryExpr>();
      expr(b->lhs);
      expr(b->rhs);
      break;
    }
    }
  }
};

} // namespace

void resolve(Chunk& chunk, const SourceManager& sources, DiagnosticEngine& diags) {
  Resolver(chunk.file, sources, diags).run(chunk);
}

} // namespace sloth
