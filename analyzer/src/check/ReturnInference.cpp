// Return types of the script's own functions without `---@return`, inferred from their bodies:
// per position, the union of what each `return` gives; a function that may fall off its end also
// returns nil. Anything unknown at a position (a parameter, a call to an untyped function, the
// function itself while its body is being walked) leaves that position unknown, so an inferred
// signature never causes an error that an unknown result would not.
#include "Walker.h"

#include <algorithm>

namespace sloth::check {

using namespace ast;
using types::FunctionSignature;

void Walker::noteReturn(const ReturnStat* r, std::span<const TypeRef> valueTypes) {
  if (returns_.empty() || quiet_)
    return;
  std::vector<TypeRef> types;
  bool open = false;
  size_t n = r->values.size();
  for (size_t i = 0; i < n; ++i) {
    const Expr* v = r->values[i];
    if (i + 1 < n || !v->isMultiValue()) {
      types.push_back(valueTypes[i]);
      continue;
    }
    // `return f(...)` gives all of f's results.
    const auto* call = v->as<CallExpr>();
    const FunctionSignature* callee = call ? signatureOf(call->callee) : nullptr;
    if (i == 0 && call)
      returns_.back().passesCall = true;
    if (!callee) {
      types.push_back(valueTypes[i]); // the first result, when the call's type says it
      open = true;
      break;
    }
    for (size_t k = 0; k < callee->returns.size() && !open; ++k) {
      if (callee->returns[k].variadic)
        open = true;
      else
        types.push_back(k == 0 ? valueTypes[i] : callee->returns[k].type);
    }
  }
  mergeReturn(std::move(types), open);
}

void Walker::mergeReturn(std::vector<TypeRef> types, bool open) {
  ReturnSummary& sum = returns_.back();
  for (TypeRef& t : types)
    if (isUnknown(t))
      t = nullptr;
  if (!types.empty())
    sum.values = true;
  if (!sum.seen) {
    sum.seen = true;
    sum.types = std::move(types);
    sum.open = open;
    return;
  }
  // What a position holds in a `return` that gives fewer values: nil, or unknown past a call.
  auto at = [&](const std::vector<TypeRef>& list, bool listOpen, size_t i) -> TypeRef {
    if (i < list.size())
      return list[i];
    return listOpen ? nullptr : types_.nil();
  };
  size_t n = std::max(sum.types.size(), types.size());
  std::vector<TypeRef> merged(n);
  for (size_t i = 0; i < n; ++i) {
    TypeRef a = at(sum.types, sum.open, i);
    TypeRef b = at(types, open, i);
    merged[i] = a && b ? (a == b ? a : types_.unionOf({a, b})) : nullptr;
  }
  sum.types = std::move(merged);
  sum.open = sum.open || open;
}

const FunctionSignature* Walker::inferredSignature(const FunctionBody* body,
                                                   const ReturnSummary& summary) {
  if (!summary.values)
    return nullptr; // a procedure: its (absent) result is not worth typing
  // Nothing known at any position: calls would be unknown anyway (and most functions are so).
  if (std::none_of(summary.types.begin(), summary.types.end(), [](TypeRef t) { return t; }))
    return nullptr;
  FunctionSignature sig;
  sig.qualifiedName = body->name;
  // Lua passes whatever a call gives: calls of inferred functions are not counted, and their
  // arguments are not checked (the parameters have no types).
  sig.params.push_back({"...", nullptr, true, true, false, ""});
  for (size_t i = 0; i < summary.types.size(); ++i) {
    TypeRef t = summary.types[i];
    // `return nil, err` / `return value`: whether a later result is nil goes with the first one,
    // which a type per position cannot say. Only the first result keeps its `?`.
    if (i > 0 && t && t->containsNil() && resolved(t)->kind() != types::TypeKind::Nil)
      t = nullptr;
    sig.returns.push_back({"", t, false, ""});
  }
  if (summary.open)
    sig.returns.push_back({"", nullptr, true, ""});
  sig.type = types_.function();
  userSignatures_.push_back(std::move(sig));
  const FunctionSignature* made = &userSignatures_.back();
  inferred_[made] = summary.passesCall;
  return made;
}

void Walker::bindMemberFunction(const Expr* target, const FunctionSignature* sig) {
  const auto* index = target->as<IndexExpr>();
  const auto* object = index ? index->object->as<NameExpr>() : nullptr;
  const auto* key = index ? index->key->as<StringExpr>() : nullptr;
  if (!sig || !object || !key || (object->local && object->local->assigned))
    return;
  auto assigned = facts_.extendedFields.find(object->name + "." + key->value);
  if (assigned == facts_.extendedFields.end() || assigned->second != 1)
    return; // set twice: which one a call reaches depends on the order
  memberFunctions_[{object->local, object->local ? key->value : object->name + "." + key->value}] =
      sig;
}

const FunctionSignature* Walker::memberFunction(const IndexExpr* callee) const {
  if (memberFunctions_.empty())
    return nullptr;
  const auto* object = callee->object->as<NameExpr>();
  const auto* key = callee->key->as<StringExpr>();
  if (!object || !key)
    return nullptr;
  auto it = memberFunctions_.find(
      {object->local, object->local ? key->value : object->name + "." + key->value});
  return it == memberFunctions_.end() ? nullptr : it->second;
}

} // namespace sloth::check
