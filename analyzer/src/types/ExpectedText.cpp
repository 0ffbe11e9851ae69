#include "sloth/analyzer/types/ExpectedText.h"

#include "sloth/analyzer/types/TypeContext.h"

namespace sloth::types {

namespace {

bool isLiteral(TypeRef t) {
  TypeKind k = t->kind();
  return k == TypeKind::StringLiteral || k == TypeKind::NumberLiteral ||
         k == TypeKind::BooleanLiteral || k == TypeKind::Nil;
}

TypeRef resolved(TypeRef t) {
  return t && t->kind() == TypeKind::Named && t->context() ? t->context()->resolve(t) : t;
}

} // namespace

std::vector<TypeRef> literalChoices(TypeRef type) {
  TypeRef t = resolved(type);
  if (!t)
    return {};
  if (t->kind() != TypeKind::Union)
    return isLiteral(t) && t->kind() != TypeKind::Nil ? std::vector<TypeRef>{t}
                                                      : std::vector<TypeRef>{};
  std::vector<TypeRef> out;
  for (TypeRef m : t->members()) {
    TypeRef r = resolved(m);
    if (!r || !isLiteral(r))
      return {};
    out.push_back(r);
  }
  return out;
}

std::string expectedText(TypeRef type) {
  std::vector<TypeRef> choices = literalChoices(type);
  if (choices.size() < 2)
    return type->toString();
  std::string out;
  for (size_t i = 0; i < choices.size(); ++i) {
    if (i > 0)
      out += i + 1 == choices.size() ? " or " : ", ";
    out += choices[i]->toString();
  }
  return out;
}

} // namespace sloth::types
