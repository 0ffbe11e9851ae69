#include "FileFacts.h"

namespace sloth::check {

namespace {

using namespace ast;

// Lua's functions that read a table argument without adding keys to it (or keeping it).
constexpr std::string_view kTableReaders[] = {
    "pairs",    "ipairs",       "next",         "type",          "tostring",
    "tonumber", "print",        "select",       "rawlen",        "rawequal",
    "rawget",   "table.concat", "table.unpack", "string.format", "unpack"};

class FactsGatherer {
public:
  FactsGatherer(FileFacts& facts, const types::SignatureRegistry& signatures)
      : facts_(facts), sigs_(signatures) {}

  void function(const FunctionBody* body) {
    for (const Local* p : body->params)
      noteLocal(p);
    block(body->body);
  }

private:
  void noteLocal(const Local* local) {
    if (local->name == "_ENV")
      facts_.customEnvironment = true;
  }

  // A candidate for a sealed table (see FileFacts::openTables) used as `e`, or nullptr.
  const Local* tableLocal(const Expr* e) const {
    const auto* name = e->as<NameExpr>();
    if (!name || !name->local || facts_.tableLocals.empty() ||
        !facts_.tableLocals.count(name->local))
      return nullptr;
    return name->local;
  }

  // Whether a call of `callee` leaves the keys of the tables passed to it alone.
  bool onlyReadsTables(const Expr* callee) const {
    std::string name;
    if (const auto* n = callee->as<NameExpr>(); n && !n->local) {
      name = n->name;
    } else if (const auto* index = callee->as<IndexExpr>()) {
      const auto* object = index->object->as<NameExpr>();
      const auto* key = index->key->as<StringExpr>();
      if (!object || object->local || !key)
        return false;
      // sloth's native modules never change the tables they are given.
      if (const types::ModuleSignature* m = sigs_.module(object->name))
        if (m->where.file.rfind("lua_", 0) != 0)
          return true;
      name = object->name + "." + key->value;
    } else {
      return false;
    }
    for (std::string_view reader : kTableReaders)
      if (name == reader)
        return true;
    return false;
  }

  void block(const Block* b) {
    for (const Stat* s : b->stats)
      stat(s);
  }

  void assignTarget(const Expr* target) {
    if (const auto* name = target->as<NameExpr>()) {
      if (!name->local)
        ++facts_.assignedGlobals[name->name];
      if (name->name == "_ENV")
        facts_.customEnvironment = true; // `_ENV = stdnse.module(...)`
      return;
    }
    if (const auto* index = target->as<IndexExpr>()) {
      const auto* object = index->object->as<NameExpr>();
      const auto* key = index->key->as<StringExpr>();
      if (object && key)
        ++facts_.extendedFields[object->name + "." + key->value];
      if (const Local* table = tableLocal(index->object))
        facts_.openTables.insert(table); // `t.x = v`, `t[k] = v`
      expr(index->object);
      expr(index->key);
    }
  }

  void stat(const Stat* s) {
    switch (s->kind) {
    case StatKind::Local: {
      const auto* l = s->as<LocalStat>();
      for (const Local* local : l->locals)
        noteLocal(local);
      exprs(l->values);
      for (size_t i = 0; i < l->locals.size() && i < l->values.size(); ++i)
        if (l->values[i]->is<TableExpr>() && !l->locals[i]->assigned)
          facts_.tableLocals.insert(l->locals[i]);
      break;
    }
    case StatKind::Assign: {
      const auto* a = s->as<AssignStat>();
      for (const Expr* t : a->targets)
        assignTarget(t);
      exprs(a->values);
      break;
    }
    case StatKind::Call:
      expr(s->as<CallStat>()->call);
      break;
    case StatKind::Do:
      block(s->as<DoStat>()->body);
      break;
    case StatKind::While:
      expr(s->as<WhileStat>()->condition);
      block(s->as<WhileStat>()->body);
      break;
    case StatKind::Repeat:
      block(s->as<RepeatStat>()->body);
      expr(s->as<RepeatStat>()->condition);
      break;
    case StatKind::If: {
      const auto* i = s->as<IfStat>();
      exprs(i->conditions);
      for (const Block* b : i->blocks)
        block(b);
      if (i->elseBlock)
        block(i->elseBlock);
      break;
    }
    case StatKind::NumericFor: {
      const auto* f = s->as<NumericForStat>();
      expr(f->start);
      expr(f->limit);
      if (f->step)
        expr(f->step);
      block(f->body);
      break;
    }
    case StatKind::GenericFor:
      exprs(s->as<GenericForStat>()->values);
      block(s->as<GenericForStat>()->body);
      break;
    case StatKind::Function: {
      const auto* f = s->as<FunctionStat>();
      assignTarget(f->target);
      function(f->body);
      break;
    }
    case StatKind::LocalFunction:
      noteLocal(s->as<LocalFunctionStat>()->local);
      function(s->as<LocalFunctionStat>()->body);
      break;
    case StatKind::Return:
      exprs(s->as<ReturnStat>()->values);
      break;
    default:
      break;
    }
  }

  void exprs(const std::vector<Expr*>& list) {
    for (const Expr* e : list)
      expr(e);
  }

  void expr(const Expr* e) {
    switch (e->kind) {
    case ExprKind::Name:
      // Any use not handled below may hand the table to code that adds keys.
      if (const Local* table = tableLocal(e))
        facts_.openTables.insert(table);
      break;
    case ExprKind::Function:
      function(e->as<FunctionExpr>()->body);
      break;
    case ExprKind::Table:
      for (const TableField& f : e->as<TableExpr>()->fields) {
        if (f.kind == TableField::Kind::Keyed)
          expr(f.key);
        expr(f.value);
      }
      break;
    case ExprKind::Index:
      if (!tableLocal(e->as<IndexExpr>()->object)) // reading `t.x` leaves t as it is
        expr(e->as<IndexExpr>()->object);
      expr(e->as<IndexExpr>()->key);
      break;
    case ExprKind::Call: {
      const auto* c = e->as<CallExpr>();
      // Lua 5.1's ways of giving a function its own globals.
      if (const auto* callee = c->callee->as<NameExpr>())
        if (!callee->local && (callee->name == "setfenv" || callee->name == "module"))
          facts_.customEnvironment = true;
      expr(c->callee);
      bool reader = !facts_.tableLocals.empty() && onlyReadsTables(c->callee);
      for (const Expr* arg : c->args)
        if (!reader || !tableLocal(arg))
          expr(arg);
      break;
    }
    case ExprKind::MethodCall:
      expr(e->as<MethodCallExpr>()->object);
      exprs(e->as<MethodCallExpr>()->args);
      break;
    case ExprKind::Paren:
      expr(e->as<ParenExpr>()->inner);
      break;
    case ExprKind::Unary:
      if (e->as<UnaryExpr>()->op != UnaryOp::Len || !tableLocal(e->as<UnaryExpr>()->operand))
        expr(e->as<UnaryExpr>()->operand);
      break;
    case ExprKind::Binary:
      expr(e->as<BinaryExpr>()->lhs);
      expr(e->as<BinaryExpr>()->rhs);
      break;
    default:
      break;
    }
  }

  FileFacts& facts_;
  const types::SignatureRegistry& sigs_;
};

} // namespace

FileFacts gatherFileFacts(const ast::Chunk& chunk, const types::SignatureRegistry& signatures) {
  FileFacts facts;
  FactsGatherer(facts, signatures).function(chunk.main);
  return facts;
}

} // namespace sloth::check
