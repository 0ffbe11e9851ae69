#include "sloth/analyzer/types/Type.h"

#include <fmt/core.h>

#include <cmath>
#include <cstdio>

namespace sloth::types {

std::string_view primitiveName(TypeKind kind) {
  switch (kind) {
  case TypeKind::Any:
    return "any";
  case TypeKind::Unknown:
    return "unknown";
  case TypeKind::Nil:
    return "nil";
  case TypeKind::Boolean:
    return "boolean";
  case TypeKind::Number:
    return "number";
  case TypeKind::Integer:
    return "integer";
  case TypeKind::String:
    return "string";
  case TypeKind::Table:
    return "table";
  case TypeKind::Function:
    return "function";
  case TypeKind::Userdata:
    return "userdata";
  case TypeKind::Thread:
    return "thread";
  default:
    return "";
  }
}

bool Type::containsNil() const {
  if (kind_ == TypeKind::Nil)
    return true;
  if (kind_ != TypeKind::Union)
    return false;
  for (TypeRef m : members_)
    if (m->kind() == TypeKind::Nil)
      return true;
  return false;
}

const Field* Type::ownField(std::string_view fieldName) const {
  for (const Field& f : fields_)
    if (f.name == fieldName)
      return &f;
  return nullptr;
}

namespace {

std::string numberText(const Type& t) {
  if (t.isIntegerLiteral())
    return std::to_string(t.integerValue());
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.14g", t.numberValue());
  std::string s = buf;
  // A float literal keeps a dot so it does not read as an integer (Lua's own spelling).
  if (std::isfinite(t.numberValue()) && s.find_first_of(".eEn") == std::string::npos)
    s += ".0";
  return s;
}

// Unions and function types need parentheses inside an array, an optional or another union.
std::string operand(TypeRef t) {
  std::string s = t->toString();
  bool compound = t->kind() == TypeKind::FunctionType ||
                  (t->kind() == TypeKind::Union && t->members().size() > 1);
  return compound ? "(" + s + ")" : s;
}

std::string unionText(const Type& t) {
  std::vector<TypeRef> rest;
  bool hasNil = false;
  for (TypeRef m : t.members()) {
    if (m->kind() == TypeKind::Nil)
      hasNil = true;
    else
      rest.push_back(m);
  }
  if (hasNil && rest.size() == 1)
    return operand(rest[0]) + "?";
  std::string out;
  for (TypeRef m : rest) {
    if (!out.empty())
      out += "|";
    out += m->kind() == TypeKind::FunctionType ? "(" + m->toString() + ")" : m->toString();
  }
  if (hasNil)
    out += out.empty() ? "nil" : "|nil";
  return out;
}

std::string fieldsText(const Type& t) {
  if (t.fields().empty() && t.indexFields().empty())
    return "{}";
  std::string out = "{ ";
  bool first = true;
  for (const Field& f : t.fields()) {
    out += first ? "" : ", ";
    first = false;
    out += f.name + (f.optional ? "?: " : ": ") + f.type->toString();
  }
  for (const IndexField& f : t.indexFields()) {
    out += first ? "" : ", ";
    first = false;
    out += "[" + f.key->toString() + "]: " + f.value->toString();
  }
  return out + " }";
}

std::string functionText(const Type& t) {
  std::string out = "fun(";
  bool first = true;
  for (const FunctionParam& p : t.params()) {
    out += first ? "" : ", ";
    first = false;
    if (p.variadic)
      out += "...: " + p.type->toString();
    else
      out += p.name + (p.optional ? "?: " : ": ") + p.type->toString();
  }
  out += ")";
  first = true;
  for (const FunctionReturn& r : t.returns()) {
    out += first ? ": " : ", ";
    first = false;
    out += r.type->toString() + (r.variadic ? " ..." : "");
  }
  return out;
}

} // namespace

std::string quoteLua(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\r':
      out += "\\r";
      break;
    default:
      if (c < 0x20 || c == 0x7f) // three digits: "\x01" .. "5" must not read back as "\15"
        out += fmt::format("\\{:03}", static_cast<int>(c));
      else
        out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string Type::toString() const {
  switch (kind_) {
  case TypeKind::StringLiteral:
    return quoteLua(text_);
  case TypeKind::NumberLiteral:
    return numberText(*this);
  case TypeKind::BooleanLiteral:
    return boolean_ ? "true" : "false";
  case TypeKind::Union:
    return unionText(*this);
  case TypeKind::Array:
    return operand(first_) + "[]";
  case TypeKind::Map:
    return "table<" + first_->toString() + ", " + second_->toString() + ">";
  case TypeKind::Record:
    return text_.empty() ? fieldsText(*this) : text_;
  case TypeKind::FunctionType:
    return functionText(*this);
  case TypeKind::Named:
    return text_;
  default:
    return std::string(primitiveName(kind_));
  }
}

} // namespace sloth::types
