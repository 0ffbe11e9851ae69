// Lints that need no types: unused locals, arguments, loop variables and labels; duplicate keys
// in table constructors; the ignored result of a command. And the lints on values' Lua types:
// comparisons that are always false, operands that may be nil.
#include "Walker.h"

#include <fmt/core.h>

#include <algorithm>

namespace sloth::check {

using namespace ast;

namespace {

// luacheck's convention: a name starting with `_` is meant to be unused.
bool meantUnused(const Local* l) {
  return l->name.empty() || l->name[0] == '_' || l->isSelf || l->attrib == Attrib::Close;
}

} // namespace

void Walker::reportUnusedLocals(const FunctionBody* body, bool callback) {
  if (quiet_)
    return;
  // A parameter before a used one cannot be dropped; a callback's are set by its caller.
  size_t lastUsedParam = 0;
  for (size_t i = 0; i < body->params.size(); ++i)
    if (body->params[i]->useCount > 0)
      lastUsedParam = i + 1;
  auto check = [&](const Local* l) {
    if (l->useCount > 0 || meantUnused(l))
      return;
    if (l->isParam)
      report(Severity::Warning, "unused-argument", l->range,
             fmt::format("unused argument '{}' (name it '_{}' if that is intended)", l->name,
                         l->name));
    else if (l->isLoopControl)
      report(Severity::Warning, "unused-loop-variable", l->range,
             fmt::format("unused loop variable '{}' (name it '_' if that is intended)", l->name));
    else if (l->assigned)
      report(Severity::Warning, "unused-local", l->range,
             fmt::format("local '{}' is assigned but never read", l->name));
    else
      report(Severity::Warning, "unused-local", l->range,
             fmt::format("unused local '{}'", l->name));
  };
  if (!callback)
    for (size_t i = lastUsedParam; i < body->params.size(); ++i)
      check(body->params[i]);
  for (const Local* l : body->locals)
    if (!l->isParam)
      check(l);
}

void Walker::reportUnusedLabels() {
  for (const LabelStat* label : labels_)
    if (!jumpedTo_.count(label))
      report(Severity::Warning, "unused-label", label->range,
             fmt::format("label '{}' is never the target of a goto", label->name));
}

void Walker::checkDuplicateKeys(const TableExpr* e) {
  if (e->fields.size() < 2)
    return;
  struct Key {
    bool number;
    int64_t integer;
    std::string_view name;
    const Expr* at;
  };
  std::vector<Key> keys;
  int64_t position = 0;
  for (const TableField& f : e->fields) {
    switch (f.kind) {
    case TableField::Kind::Positional:
      keys.push_back({true, ++position, {}, f.value});
      break;
    case TableField::Kind::Named:
      keys.push_back({false, 0, f.key->as<StringExpr>()->value, f.key});
      break;
    case TableField::Kind::Keyed:
      if (const auto* s = f.key->as<StringExpr>())
        keys.push_back({false, 0, s->value, f.key});
      else if (const auto* n = f.key->as<NumberExpr>(); n && n->isInteger)
        keys.push_back({true, n->integer, {}, f.key});
      break;
    }
  }
  if (keys.size() < 2)
    return;
  std::stable_sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    if (a.number != b.number)
      return a.number < b.number;
    return a.number ? a.integer < b.integer : a.name < b.name;
  });
  for (size_t i = 1; i < keys.size(); ++i) {
    const Key& first = keys[i - 1];
    const Key& again = keys[i];
    if (first.number != again.number ||
        (first.number ? first.integer != again.integer : first.name != again.name))
      continue;
    std::string shown =
        again.number ? fmt::format("[{}]", again.integer) : fmt::format("'{}'", again.name);
    // Positional entries are stored last, so they win over an explicit [n] whatever the order.
    const Key& firstInSource = first.at->range.begin < again.at->range.begin ? first : again;
    const Key& later = &firstInSource == &first ? again : first;
    Diagnostic& d =
        report(Severity::Warning, "duplicate-key", later.at->range,
               fmt::format("duplicate key {} in table constructor: only one of the values is kept",
                           shown));
    d.notes.push_back({file_, firstInSource.at->range, "the key is first given here"});
  }
}

void Walker::checkIgnoredResult(const Expr* call) {
  const auto* c = call->as<CallExpr>();
  const types::FunctionSignature* sig = c ? signatureOf(c->callee) : nullptr;
  if (!sig || sig->returns.empty())
    return;
  // A wrapper that handed the command's result back untouched leaves the check to its caller;
  // one that kept it in a local may have looked at it.
  if (auto inferred = inferred_.find(sig); inferred != inferred_.end() && !inferred->second)
    return;
  TypeRef result = resolved(sig->returns[0].type);
  if (!result || result->kind() != types::TypeKind::Record ||
      !types_.findField(result, "exit_code"))
    return;
  report(Severity::Warning, "ignored-exec-result", call->range,
         fmt::format("the result of {} is ignored: a command that fails goes unnoticed; check its "
                     "'success' or 'exit_code'",
                     sig->qualifiedName));
}

namespace {

enum LuaType : unsigned {
  kNil = 1,
  kBoolean = 2,
  kNumber = 4,
  kString = 8,
  kTable = 16,
  kFunction = 32,
  kUserdata = 64,
  kThread = 128,
};

const char* luaTypeName(unsigned bits) {
  switch (bits) {
  case kBoolean:
    return "a boolean";
  case kNumber:
    return "a number";
  case kString:
    return "a string";
  case kTable:
    return "a table";
  case kFunction:
    return "a function";
  default:
    return nullptr;
  }
}

} // namespace

unsigned Walker::luaTypesOf(TypeRef t) const {
  TypeRef r = resolved(t);
  if (!r)
    return 0;
  switch (r->kind()) {
  case types::TypeKind::Nil:
    return kNil;
  case types::TypeKind::Boolean:
  case types::TypeKind::BooleanLiteral:
    return kBoolean;
  case types::TypeKind::Number:
  case types::TypeKind::Integer:
  case types::TypeKind::NumberLiteral:
    return kNumber;
  case types::TypeKind::String:
  case types::TypeKind::StringLiteral:
    return kString;
  case types::TypeKind::Table:
  case types::TypeKind::Array:
  case types::TypeKind::Map:
  case types::TypeKind::Record:
    return kTable;
  case types::TypeKind::Function:
  case types::TypeKind::FunctionType:
    return kFunction;
  case types::TypeKind::Userdata:
    return kUserdata;
  case types::TypeKind::Thread:
    return kThread;
  case types::TypeKind::Union: {
    unsigned bits = 0;
    for (TypeRef m : r->members()) {
      unsigned member = luaTypesOf(m);
      if (!member)
        return 0;
      bits |= member;
    }
    return bits;
  }
  default:
    return 0; // any, unknown, an undeclared name
  }
}

void Walker::checkComparison(const BinaryExpr* e, TypeRef lhs, TypeRef rhs) {
  if (quiet_)
    return;
  // A literal's own type counts even through `local answer = "yes"`.
  unsigned left = luaTypesOf(literalType(e->lhs, lhs));
  unsigned right = luaTypesOf(literalType(e->rhs, rhs));
  // Only values that are certainly not nil: whether something may be nil is possibly-nil's job,
  // and `x == nil` tests are not compared here at all.
  if (!left || !right || (left & kNil) || (right & kNil) || (left & right))
    return;
  const char* l = luaTypeName(left);
  const char* r = luaTypeName(right);
  std::string what = l && r ? fmt::format("{} with {}", l, r) : "values of different types";
  report(Severity::Warning, "impossible-comparison", e->opRange,
         fmt::format("this compares {}: '{}' is always {} (Lua never converts types for '==')",
                     what, spelling(e->op), e->op == BinaryOp::Eq ? "false" : "true"));
}

void Walker::checkOperand(const Expr* operand, TypeRef type, const char* op) {
  if (quiet_)
    return;
  // Arithmetic, '..', '#' and '<' fail on nil whatever the other operand is (nil has no
  // metatable). Only a value that is always nil is reported: `os.getenv("HOME") .. "/x"` is how
  // scripts are written, and LuaLS leaves operands alone too. Other mismatches are left alone:
  // strings convert, tables may have metamethods.
  if (luaTypesOf(literalType(operand, type)) != kNil)
    return;
  explainNil(report(Severity::Error, "possibly-nil", operand->range,
                    fmt::format("'{}' on a nil value fails: this is always nil here", op)),
             operand);
}

} // namespace sloth::check
