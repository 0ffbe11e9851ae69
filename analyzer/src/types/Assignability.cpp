#include "sloth/analyzer/types/Assignability.h"

#include "sloth/analyzer/types/TypeContext.h"

#include <cstdlib>
#include <optional>
#include <utility>
#include <vector>

namespace sloth::types {

namespace {

// Walks two types; `assuming` holds the record pairs under comparison so recursive classes
// (a field of a class typed by the class) are taken as compatible instead of looping.
class Assignability {
public:
  explicit Assignability(bool luaCoercions) : luaCoercions_(luaCoercions) {}

  bool check(TypeRef from, TypeRef to) {
    if (from == to)
      return true;
    from = resolve(from);
    to = resolve(to);
    // An undeclared name is reported elsewhere; here it could be anything.
    if (!from || !to || from == to || from->isAnyLike() || to->isAnyLike())
      return true;

    if (from->kind() == TypeKind::Union) {
      for (TypeRef m : from->members())
        if (!check(m, to))
          return false;
      return true;
    }
    if (to->kind() == TypeKind::Union) {
      for (TypeRef m : to->members())
        if (check(from, m))
          return true;
      return false;
    }
    return checkSingle(from, to);
  }

private:
  static TypeRef resolve(TypeRef t) {
    if (t && t->kind() == TypeKind::Named && t->context())
      return t->context()->resolve(t);
    return t;
  }

  static bool isTableLike(TypeKind k) {
    return k == TypeKind::Table || k == TypeKind::Array || k == TypeKind::Map ||
           k == TypeKind::Record;
  }
  static bool isFunctionLike(TypeKind k) {
    return k == TypeKind::Function || k == TypeKind::FunctionType;
  }

  bool checkSingle(TypeRef from, TypeRef to) {
    if (luaCoercions_)
      if (std::optional<bool> coerced = coercion(from, to))
        return *coerced;
    TypeKind f = from->kind();
    TypeKind t = to->kind();
    switch (t) {
    case TypeKind::Nil:
      return f == TypeKind::Nil;
    case TypeKind::Boolean:
      return f == TypeKind::Boolean || f == TypeKind::BooleanLiteral;
    case TypeKind::BooleanLiteral:
      // A `boolean` value may well be the expected one.
      return f == TypeKind::Boolean ||
             (f == TypeKind::BooleanLiteral && from->booleanValue() == to->booleanValue());
    case TypeKind::Number:
      return f == TypeKind::Number || f == TypeKind::Integer || f == TypeKind::NumberLiteral;
    case TypeKind::Integer:
      // A `number` may hold an integer (or a float with an exact integer value).
      return f == TypeKind::Integer || f == TypeKind::Number ||
             (f == TypeKind::NumberLiteral &&
              (from->isIntegerLiteral() ||
               from->numberValue() ==
                   static_cast<double>(static_cast<int64_t>(from->numberValue()))));
    case TypeKind::NumberLiteral:
      if (f == TypeKind::NumberLiteral)
        return from->numberValue() == to->numberValue();
      return f == TypeKind::Number || f == TypeKind::Integer;
    case TypeKind::String:
      return f == TypeKind::String || f == TypeKind::StringLiteral;
    case TypeKind::StringLiteral:
      if (f == TypeKind::StringLiteral)
        return from->stringValue() == to->stringValue();
      return f == TypeKind::String;
    case TypeKind::Table:
      return isTableLike(f);
    case TypeKind::Function:
      return isFunctionLike(f);
    case TypeKind::Userdata:
    case TypeKind::Thread:
      return f == t;
    case TypeKind::Array:
      return toArray(from, to);
    case TypeKind::Map:
      return toMap(from, to);
    case TypeKind::Record:
      return toRecord(from, to);
    case TypeKind::FunctionType:
      return toFunction(from, to);
    default:
      return true;
    }
  }

  // Lua converts numbers to strings where a string is expected (luaL_checklstring), and numeric
  // strings to numbers where a number is (luaL_checknumber); so do sloth's natives. nullopt when
  // no such conversion applies to the pair.
  static std::optional<bool> coercion(TypeRef from, TypeRef to) {
    TypeKind f = from->kind();
    TypeKind t = to->kind();
    bool fromNumber =
        f == TypeKind::Number || f == TypeKind::Integer || f == TypeKind::NumberLiteral;
    bool fromString = f == TypeKind::String || f == TypeKind::StringLiteral;
    switch (t) {
    case TypeKind::String:
      return fromNumber ? std::optional<bool>(true) : std::nullopt;
    case TypeKind::StringLiteral:
      if (f == TypeKind::NumberLiteral)
        return from->toString() == to->stringValue();
      if (fromNumber)
        return numericValue(to->stringValue()).has_value();
      return std::nullopt;
    case TypeKind::Number:
    case TypeKind::Integer:
    case TypeKind::NumberLiteral: {
      if (!fromString)
        return std::nullopt;
      if (f == TypeKind::String)
        return true; // it may hold digits
      std::optional<double> v = numericValue(from->stringValue());
      if (!v)
        return false;
      if (t == TypeKind::Integer)
        return *v == static_cast<double>(static_cast<int64_t>(*v));
      if (t == TypeKind::NumberLiteral)
        return *v == to->numberValue();
      return true;
    }
    default:
      return std::nullopt;
    }
  }

  // The number a string converts to under Lua's rules (surrounding spaces, hex, exponents).
  static std::optional<double> numericValue(const std::string& text) {
    const char* begin = text.c_str();
    char* end = nullptr;
    double v = std::strtod(begin, &end);
    if (end == begin)
      return std::nullopt;
    while (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r')
      ++end;
    if (*end != '\0' || end != begin + text.size())
      return std::nullopt;
    return v;
  }

  // Table keys are never coerced: t[1] and t["1"] are different entries.
  bool checkKey(TypeRef from, TypeRef to) {
    bool saved = luaCoercions_;
    luaCoercions_ = false;
    bool ok = check(from, to);
    luaCoercions_ = saved;
    return ok;
  }

  bool toArray(TypeRef from, TypeRef to) {
    switch (from->kind()) {
    case TypeKind::Table:
      return true;
    case TypeKind::Array:
      return check(from->element(), to->element());
    case TypeKind::Map:
      // A map keyed by integers (or by anything) may be a sequence.
      return isPossiblyInteger(from->key()) && check(from->value(), to->element());
    case TypeKind::Record:
      // A table may mix named fields and list entries; only list entries of the wrong type count.
      for (const IndexField& f : from->indexFields())
        if (isPossiblyInteger(f.key) && !check(f.value, to->element()))
          return false;
      return true;
    default:
      return false;
    }
  }

  bool toMap(TypeRef from, TypeRef to) {
    switch (from->kind()) {
    case TypeKind::Table:
      return true;
    case TypeKind::Array:
      return checkKey(integerType(), to->key()) && check(from->element(), to->value());
    case TypeKind::Map:
      return checkKey(from->key(), to->key()) && check(from->value(), to->value());
    case TypeKind::Record:
      // Optional fields may be absent; every other known entry must fit the key and value.
      for (const Field& field : from->fields())
        if (!field.optional && (!keyAcceptsString(to->key()) || !check(field.type, to->value())))
          return false;
      for (const IndexField& field : from->indexFields())
        if (!checkKey(field.key, to->key()) || !check(field.value, to->value()))
          return false;
      return true;
    default:
      return false;
    }
  }

  bool toRecord(TypeRef from, TypeRef to) {
    switch (from->kind()) {
    case TypeKind::Table:
    case TypeKind::Map:
    case TypeKind::Array:
      return true; // contents unknown
    case TypeKind::Record:
      break;
    default:
      return false;
    }
    if (inheritsFrom(from, to))
      return true;
    for (const auto& [a, b] : assuming_)
      if (a == from && b == to)
        return true;
    assuming_.emplace_back(from, to);
    bool ok = recordFits(from, to);
    assuming_.pop_back();
    return ok;
  }

  // Structural: every field `from` has must be allowed by `to` (when exact) and fit its type,
  // and every required field of `to` must be present in `from` (known only for literal types).
  bool recordFits(TypeRef from, TypeRef to) {
    const TypeContext* ctx = to->context();
    for (const Field& field : from->fields()) {
      const Field* target = ctx->findField(to, field.name);
      if (!target) {
        if (exactWithoutIndex(to))
          return false;
        continue;
      }
      if (!(target->optional ? checkAllowingNil(field.type, target->type)
                             : check(field.type, target->type)))
        return false;
    }
    // Only a table literal type lists all it has; a class may be extended at run time.
    if (from->name().empty()) {
      for (const std::string& name : ctx->fieldNames(to)) {
        const Field* target = ctx->findField(to, name);
        if (target->optional || target->type->containsNil() || resolve(target->type)->isAnyLike())
          continue;
        if (!from->context()->findField(from, name))
          return false;
      }
    }
    return true;
  }

  // An optional field may hold nil besides its declared type.
  bool checkAllowingNil(TypeRef from, TypeRef to) {
    TypeRef f = resolve(from);
    if (!f)
      return true;
    if (f->kind() == TypeKind::Nil)
      return true;
    if (f->kind() != TypeKind::Union)
      return check(f, to);
    for (TypeRef m : f->members())
      if (m->kind() != TypeKind::Nil && !check(m, to))
        return false;
    return true;
  }

  bool exactWithoutIndex(TypeRef record) {
    return record->exact() && record->indexFields().empty();
  }

  bool inheritsFrom(TypeRef from, TypeRef to) {
    if (from == to)
      return true;
    for (TypeRef p : from->parents()) {
      TypeRef r = resolve(p);
      if (r && r->kind() == TypeKind::Record && inheritsFrom(r, to))
        return true;
    }
    return false;
  }

  bool toFunction(TypeRef from, TypeRef to) {
    if (from->kind() == TypeKind::Function)
      return true;
    if (from->kind() != TypeKind::FunctionType)
      return false;
    // Lua drops extra arguments and fills missing ones with nil, so only the positions both
    // declare are compared: parameters contravariantly, results covariantly.
    auto fp = from->params();
    auto tp = to->params();
    for (size_t i = 0; i < fp.size() && i < tp.size(); ++i) {
      if (fp[i].variadic || tp[i].variadic)
        break;
      if (!check(tp[i].type, fp[i].type))
        return false;
    }
    auto fr = from->returns();
    auto tr = to->returns();
    for (size_t i = 0; i < fr.size() && i < tr.size(); ++i) {
      if (fr[i].variadic || tr[i].variadic)
        break;
      if (!check(fr[i].type, tr[i].type))
        return false;
    }
    return true;
  }

  static bool isPossiblyInteger(TypeRef key) {
    TypeRef k = resolve(key);
    if (!k)
      return true;
    switch (k->kind()) {
    case TypeKind::Integer:
    case TypeKind::Number:
    case TypeKind::Any:
    case TypeKind::Unknown:
      return true;
    case TypeKind::NumberLiteral:
      return k->isIntegerLiteral();
    case TypeKind::Union:
      for (TypeRef m : k->members())
        if (isPossiblyInteger(m))
          return true;
      return false;
    default:
      return false;
    }
  }

  static bool keyAcceptsString(TypeRef key) {
    TypeRef k = resolve(key);
    if (!k)
      return true;
    switch (k->kind()) {
    case TypeKind::String:
    case TypeKind::Any:
    case TypeKind::Unknown:
    case TypeKind::StringLiteral: // the field name may be that literal
      return true;
    case TypeKind::Union:
      for (TypeRef m : k->members())
        if (keyAcceptsString(m))
          return true;
      return false;
    default:
      return false;
    }
  }

  // The key type of an array's entries.
  static TypeRef integerType() {
    static const TypeContext ctx;
    return ctx.integer();
  }

  bool luaCoercions_;
  std::vector<std::pair<TypeRef, TypeRef>> assuming_;
};

} // namespace

bool isAssignable(TypeRef from, TypeRef to) {
  if (!from || !to)
    return true;
  return Assignability(true).check(from, to);
}

bool isStrictlyAssignable(TypeRef from, TypeRef to) {
  if (!from || !to)
    return true;
  return Assignability(false).check(from, to);
}

} // namespace sloth::types
