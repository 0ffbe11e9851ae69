#include "sloth/analyzer/types/TypeContext.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace sloth::types {

namespace {

std::string ptrKey(TypeRef t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", static_cast<const void*>(t));
  return buf;
}

// Does `wide` (a primitive) already cover the literal `narrow`?
bool covers(TypeRef wide, TypeRef narrow) {
  switch (narrow->kind()) {
  case TypeKind::StringLiteral:
    return wide->kind() == TypeKind::String;
  case TypeKind::BooleanLiteral:
    return wide->kind() == TypeKind::Boolean;
  case TypeKind::NumberLiteral:
    return wide->kind() == TypeKind::Number ||
           (wide->kind() == TypeKind::Integer && narrow->isIntegerLiteral());
  case TypeKind::Integer:
    return wide->kind() == TypeKind::Number;
  default:
    return false;
  }
}

} // namespace

TypeContext::TypeContext(const TypeContext* parent) : parent_(parent) {
  any_ = makePrimitive(TypeKind::Any);
  unknown_ = makePrimitive(TypeKind::Unknown);
  nil_ = makePrimitive(TypeKind::Nil);
  boolean_ = makePrimitive(TypeKind::Boolean);
  number_ = makePrimitive(TypeKind::Number);
  integer_ = makePrimitive(TypeKind::Integer);
  string_ = makePrimitive(TypeKind::String);
  table_ = makePrimitive(TypeKind::Table);
  function_ = makePrimitive(TypeKind::Function);
  userdata_ = makePrimitive(TypeKind::Userdata);
  thread_ = makePrimitive(TypeKind::Thread);
}

TypeContext::~TypeContext() = default;

TypeRef TypeContext::makePrimitive(TypeKind kind) {
  return intern("p:" + std::string(primitiveName(kind)), std::unique_ptr<Type>(new Type(kind)));
}

TypeRef TypeContext::intern(const std::string& key, std::unique_ptr<Type> type) {
  std::lock_guard lock(mutex_);
  auto it = interned_.find(key);
  if (it != interned_.end())
    return it->second;
  type->context_ = this;
  owned_.push_back(std::move(type));
  TypeRef t = owned_.back().get();
  interned_.emplace(key, t);
  return t;
}

TypeRef TypeContext::builtin(std::string_view name) const {
  static constexpr TypeKind kinds[] = {TypeKind::Any,      TypeKind::Unknown, TypeKind::Nil,
                                       TypeKind::Boolean,  TypeKind::Number,  TypeKind::Integer,
                                       TypeKind::String,   TypeKind::Table,   TypeKind::Function,
                                       TypeKind::Userdata, TypeKind::Thread};
  const TypeRef types[] = {any_,    unknown_, nil_,      boolean_,  number_, integer_,
                           string_, table_,   function_, userdata_, thread_};
  for (size_t i = 0; i < std::size(kinds); ++i)
    if (primitiveName(kinds[i]) == name)
      return types[i];
  if (name == "self" || name == "lightuserdata")
    return name == "self" ? any_ : userdata_;
  return nullptr;
}

TypeRef TypeContext::stringLiteral(std::string_view value) {
  auto t = std::unique_ptr<Type>(new Type(TypeKind::StringLiteral));
  t->text_ = value;
  return intern("s:" + std::string(value), std::move(t));
}

TypeRef TypeContext::integerLiteral(int64_t value) {
  auto t = std::unique_ptr<Type>(new Type(TypeKind::NumberLiteral));
  t->isInteger_ = true;
  t->integer_ = value;
  t->number_ = static_cast<double>(value);
  return intern("i:" + std::to_string(value), std::move(t));
}

TypeRef TypeContext::numberLiteral(double value) {
  auto t = std::unique_ptr<Type>(new Type(TypeKind::NumberLiteral));
  t->number_ = value;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", value);
  return intern(std::string("f:") + buf, std::move(t));
}

TypeRef TypeContext::booleanLiteral(bool value) {
  auto t = std::unique_ptr<Type>(new Type(TypeKind::BooleanLiteral));
  t->boolean_ = value;
  return intern(value ? "b:true" : "b:false", std::move(t));
}

TypeRef TypeContext::unionOf(std::initializer_list<TypeRef> members) {
  return unionOf(std::span<const TypeRef>(members.begin(), members.size()));
}

TypeRef TypeContext::unionOf(std::span<const TypeRef> members) {
  std::vector<TypeRef> flat;
  for (TypeRef m : members) {
    if (m->isAnyLike())
      return m;
    if (m->kind() == TypeKind::Union)
      flat.insert(flat.end(), m->members().begin(), m->members().end());
    else
      flat.push_back(m);
  }
  std::vector<TypeRef> kept;
  for (TypeRef m : flat) {
    bool redundant = std::find(kept.begin(), kept.end(), m) != kept.end();
    for (TypeRef other : flat)
      redundant = redundant || covers(other, m);
    if (!redundant)
      kept.push_back(m);
  }
  if (kept.empty())
    return nil_;
  if (kept.size() == 1)
    return kept[0];
  std::vector<TypeRef> sorted = kept;
  std::sort(sorted.begin(), sorted.end());
  std::string key = "u:";
  for (TypeRef m : sorted)
    key += ptrKey(m) + ",";
  auto t = std::unique_ptr<Type>(new Type(TypeKind::Union));
  t->members_ = std::move(kept);
  return intern(key, std::move(t));
}

TypeRef TypeContext::optional(TypeRef type) {
  return unionOf({type, nil_});
}

TypeRef TypeContext::withoutNil(TypeRef type) {
  if (type->kind() != TypeKind::Union)
    return type;
  std::vector<TypeRef> rest;
  for (TypeRef m : type->members())
    if (m->kind() != TypeKind::Nil)
      rest.push_back(m);
  return rest.empty() ? nil_ : unionOf(rest);
}

TypeRef TypeContext::array(TypeRef element) {
  auto t = std::unique_ptr<Type>(new Type(TypeKind::Array));
  t->first_ = element;
  return intern("a:" + ptrKey(element), std::move(t));
}

TypeRef TypeContext::map(TypeRef key, TypeRef value) {
  auto t = std::unique_ptr<Type>(new Type(TypeKind::Map));
  t->first_ = key;
  t->second_ = value;
  return intern("m:" + ptrKey(key) + "," + ptrKey(value), std::move(t));
}

TypeRef TypeContext::function(std::vector<FunctionParam> params,
                              std::vector<FunctionReturn> returns) {
  std::string key = "fn:";
  for (const FunctionParam& p : params)
    key += p.name + (p.optional ? "?" : "") + (p.variadic ? "*" : "") + "=" + ptrKey(p.type) + ",";
  key += "->";
  for (const FunctionReturn& r : returns)
    key += r.name + (r.variadic ? "*" : "") + "=" + ptrKey(r.type) + ",";
  auto t = std::unique_ptr<Type>(new Type(TypeKind::FunctionType));
  t->params_ = std::move(params);
  t->returns_ = std::move(returns);
  return intern(key, std::move(t));
}

TypeRef TypeContext::tableLiteral(std::vector<Field> fields, std::vector<IndexField> indexFields) {
  std::string key = "t:";
  for (const Field& f : fields)
    key += f.name + (f.optional ? "?" : "") + "=" + ptrKey(f.type) + ",";
  for (const IndexField& f : indexFields)
    key += "[" + ptrKey(f.key) + "]=" + ptrKey(f.value) + ",";
  auto t = std::unique_ptr<Type>(new Type(TypeKind::Record));
  t->fields_ = std::move(fields);
  t->indexFields_ = std::move(indexFields);
  return intern(key, std::move(t));
}

TypeRef TypeContext::record(RecordSpec spec) {
  auto t = std::unique_ptr<Type>(new Type(TypeKind::Record));
  t->text_ = std::move(spec.name);
  t->exact_ = spec.exact;
  t->members_ = std::move(spec.parents);
  t->fields_ = std::move(spec.fields);
  t->indexFields_ = std::move(spec.indexFields);
  t->doc_ = std::move(spec.doc);
  // Nominal: the key is the object itself, so it is never shared.
  std::string key = "r:" + ptrKey(t.get());
  return intern(key, std::move(t));
}

TypeRef TypeContext::named(std::string_view name) {
  if (TypeRef b = builtin(name))
    return b;
  auto t = std::unique_ptr<Type>(new Type(TypeKind::Named));
  t->text_ = name;
  return intern("n:" + std::string(name), std::move(t));
}

bool TypeContext::declare(std::string_view name, TypeRef type) {
  if (frozen())
    return false;
  std::lock_guard lock(mutex_);
  return names_.emplace(std::string(name), type).second;
}

TypeRef TypeContext::lookup(std::string_view name) const {
  for (const TypeContext* c = this; c; c = c->parent_) {
    std::unique_lock lock(c->mutex_, std::defer_lock);
    if (!c->frozen())
      lock.lock();
    auto it = c->names_.find(std::string(name));
    if (it != c->names_.end())
      return it->second;
  }
  return nullptr;
}

TypeRef TypeContext::resolve(TypeRef type) const {
  // Aliases may name aliases; a cycle (`---@alias A B`, `---@alias B A`) resolves to nothing.
  for (int depth = 0; type && type->kind() == TypeKind::Named; ++depth) {
    if (depth > 32)
      return nullptr;
    const TypeContext* ctx = type->context() ? type->context() : this;
    TypeRef next = ctx->lookup(type->name());
    if (!next && ctx != this)
      next = lookup(type->name());
    type = next;
  }
  return type;
}

const Field* TypeContext::findField(TypeRef record, std::string_view name) const {
  std::set<TypeRef> seen;
  std::vector<TypeRef> todo{record};
  while (!todo.empty()) {
    TypeRef t = resolve(todo.back());
    todo.pop_back();
    if (!t || t->kind() != TypeKind::Record || !seen.insert(t).second)
      continue;
    if (const Field* f = t->ownField(name))
      return f;
    for (TypeRef p : t->parents())
      todo.push_back(p);
  }
  return nullptr;
}

std::vector<std::string> TypeContext::fieldNames(TypeRef record) const {
  std::vector<std::string> names;
  std::set<TypeRef> seen;
  std::vector<TypeRef> todo{record};
  while (!todo.empty()) {
    TypeRef t = resolve(todo.back());
    todo.pop_back();
    if (!t || t->kind() != TypeKind::Record || !seen.insert(t).second)
      continue;
    for (const Field& f : t->fields())
      names.push_back(f.name);
    for (TypeRef p : t->parents())
      todo.push_back(p);
  }
  return names;
}

} // namespace sloth::types
