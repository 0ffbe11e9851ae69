// Conditions narrow the types of locals: `if x then`, `if x ~= nil then`, `if type(x) ==
// "string" then`, `assert(x)`, and their negations through `not`, `and`, `or` and early returns.
#include "Walker.h"

namespace sloth::check {

using namespace ast;
using types::TypeKind;

namespace {

const Local* localOf(const Expr* e) {
  const auto* name = stripParens(e)->as<NameExpr>();
  return name ? name->local : nullptr;
}

// Whether a value of type `t` can have `type(v) == typeName`.
bool hasTypeName(TypeRef t, std::string_view typeName) {
  switch (t->kind()) {
  case TypeKind::Nil:
    return typeName == "nil";
  case TypeKind::Boolean:
  case TypeKind::BooleanLiteral:
    return typeName == "boolean";
  case TypeKind::Number:
  case TypeKind::Integer:
  case TypeKind::NumberLiteral:
    return typeName == "number";
  case TypeKind::String:
  case TypeKind::StringLiteral:
    return typeName == "string";
  case TypeKind::Table:
  case TypeKind::Array:
  case TypeKind::Map:
  case TypeKind::Record:
    return typeName == "table";
  case TypeKind::Function:
  case TypeKind::FunctionType:
    return typeName == "function";
  case TypeKind::Userdata:
    return typeName == "userdata";
  case TypeKind::Thread:
    return typeName == "thread";
  default:
    return true;
  }
}

} // namespace

TypeRef Walker::primitiveNamed(std::string_view typeName) const {
  if (typeName == "string")
    return types_.string();
  if (typeName == "number")
    return types_.number();
  if (typeName == "boolean")
    return types_.boolean();
  if (typeName == "table")
    return types_.table();
  if (typeName == "function")
    return types_.function();
  if (typeName == "userdata")
    return types_.userdata();
  if (typeName == "thread")
    return types_.thread();
  return nullptr;
}

void Walker::narrowingsOf(const Expr* condition, bool truthy, std::vector<Narrowing>& out) {
  const Expr* c = stripParens(condition);
  switch (c->kind) {
  case ExprKind::Name:
    if (const Local* local = c->as<NameExpr>()->local; local && truthy) {
      TypeRef t = localType(local);
      if (!isUnknown(t) && t->containsNil())
        out.push_back({local, types_.withoutNil(t)});
      if (const LocalInfo* info = infoOf(local))
        for (const Local* sibling : info->siblings) {
          TypeRef st = localType(sibling);
          if (!isUnknown(st) && st->containsNil())
            out.push_back({sibling, types_.withoutNil(st)});
        }
    }
    return;
  case ExprKind::Index:
    // `if r.pid then`, `if cfg.db.host then`: a field path of a local, by name.
    if (std::string_view path; truthy)
      if (const Local* local = fieldPath(c, path)) {
        TypeRef t = peek(c);
        if (!isUnknown(t) && t->containsNil())
          out.push_back({local, types_.withoutNil(t), path});
      }
    return;
  case ExprKind::Unary:
    if (c->as<UnaryExpr>()->op == UnaryOp::Not)
      narrowingsOf(c->as<UnaryExpr>()->operand, !truthy, out);
    return;
  case ExprKind::Binary:
    break;
  default:
    return;
  }
  const auto* b = c->as<BinaryExpr>();
  switch (b->op) {
  case BinaryOp::And:
    if (truthy) {
      narrowingsOf(b->lhs, true, out);
      narrowingsOf(b->rhs, true, out);
    }
    return;
  case BinaryOp::Or:
    if (!truthy) {
      narrowingsOf(b->lhs, false, out);
      narrowingsOf(b->rhs, false, out);
    }
    return;
  case BinaryOp::Eq:
  case BinaryOp::Ne:
    break;
  default:
    return;
  }
  // Does the comparison hold (are the two sides equal) where the condition is `truthy`?
  bool equal = (b->op == BinaryOp::Eq) == truthy;
  const Expr* lhs = stripParens(b->lhs);
  const Expr* rhs = stripParens(b->rhs);
  if (rhs->is<NilExpr>() || lhs->is<NilExpr>()) {
    const Expr* tested = rhs->is<NilExpr>() ? lhs : rhs;
    if (tested->is<IndexExpr>()) {
      if (!equal)
        narrowingsOf(tested, true, out); // `r.pid ~= nil` narrows like `r.pid`
      return;
    }
    const Local* local = localOf(tested);
    if (!local || equal)
      return;
    TypeRef t = localType(local);
    if (!isUnknown(t) && t->containsNil())
      out.push_back({local, types_.withoutNil(t)});
    return;
  }
  // type(x) == "string"
  const auto* call = lhs->as<CallExpr>();
  const auto* name = rhs->as<StringExpr>();
  if (!call) {
    call = rhs->as<CallExpr>();
    name = lhs->as<StringExpr>();
  }
  if (!call || !name || !equal || call->args.size() != 1 || !isBuiltinGlobal(call->callee, "type"))
    return;
  const Local* local = localOf(call->args[0]);
  TypeRef primitive = primitiveNamed(name->value);
  if (!local || !primitive)
    return;
  TypeRef t = localType(local);
  TypeRef r = resolved(t);
  if (!isUnknown(t) && r->kind() == TypeKind::Union) {
    std::vector<TypeRef> kept;
    for (TypeRef m : r->members()) {
      TypeRef rm = resolved(m);
      if (rm && hasTypeName(rm, name->value))
        kept.push_back(m);
    }
    if (!kept.empty()) {
      out.push_back({local, types_.unionOf(kept)});
      return;
    }
  } else if (!isUnknown(t) && hasTypeName(r, name->value)) {
    return; // already that
  }
  out.push_back({local, primitive});
}

void Walker::applyNarrowings(const std::vector<Narrowing>& list) {
  narrowed_.insert(narrowed_.end(), list.begin(), list.end());
}

const Local* Walker::fieldPath(const Expr* e, std::string_view& path) {
  const auto* index = e->as<IndexExpr>();
  const auto* key = index ? index->key->as<StringExpr>() : nullptr;
  if (!key)
    return nullptr;
  if (const auto* object = index->object->as<NameExpr>()) {
    path = key->value; // one level: the AST's own string
    return object->local;
  }
  std::string_view prefix;
  const Local* local = fieldPath(index->object, prefix);
  if (!local)
    return nullptr;
  std::string joined;
  joined.reserve(prefix.size() + 1 + key->value.size());
  joined.append(prefix).append(".").append(key->value);
  path = *fieldPaths_.insert(std::move(joined)).first;
  return local;
}

void Walker::forgetFieldsPassed(std::span<Expr* const> args, const Expr* receiver) {
  if (quiet_)
    return;
  bool anyField = false;
  for (const Narrowing& n : narrowed_)
    anyField = anyField || !n.field.empty();
  if (!anyField)
    return;
  auto forget = [&](const Expr* value) {
    value = stripParens(value);
    if (const auto* name = value->as<NameExpr>(); name && name->local) {
      // The whole table went: each of its narrowed fields may change.
      size_t count = narrowed_.size();
      for (size_t i = 0; i < count; ++i)
        if (narrowed_[i].local == name->local && !narrowed_[i].field.empty() && narrowed_[i].type)
          narrowed_.push_back({name->local, nullptr, narrowed_[i].field});
      return;
    }
    if (std::string_view path; const Local* local = fieldPath(value, path))
      narrowed_.push_back({local, nullptr, path}); // that field and everything under it
  };
  for (const Expr* arg : args)
    forget(arg);
  if (receiver)
    forget(receiver);
}

} // namespace sloth::check
