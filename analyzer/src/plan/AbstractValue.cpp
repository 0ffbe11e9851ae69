#include "plan/AbstractValue.h"

#include "sloth/analyzer/types/TypeContext.h"

#include <fmt/core.h>

#include <cmath>

namespace sloth::plan {

Value Value::boolean_(bool b) {
  Value v;
  v.kind = VKind::Boolean;
  v.boolean = b;
  return v;
}
Value Value::integer_(std::int64_t i) {
  Value v;
  v.kind = VKind::Integer;
  v.integer = i;
  return v;
}
Value Value::number_(double d) {
  Value v;
  v.kind = VKind::Float;
  v.number = d;
  return v;
}
Value Value::string_(std::string s) {
  Value v;
  v.kind = VKind::String;
  v.str = std::move(s);
  return v;
}
Value Value::table(int id) {
  Value v;
  v.kind = VKind::Table;
  v.ref = id;
  return v;
}
Value Value::closure(int id) {
  Value v;
  v.kind = VKind::Closure;
  v.ref = id;
  return v;
}
Value Value::native(std::string name, const types::FunctionSignature* sig) {
  Value v;
  v.kind = VKind::Native;
  v.str = std::move(name);
  v.sig = sig;
  return v;
}
Value Value::moduleTable(std::string name) {
  Value v = native(std::move(name));
  v.module = true;
  return v;
}
Value Value::of(UnknownRef u) {
  Value v;
  v.kind = VKind::Unknown;
  v.unknown = std::move(u);
  return v;
}

bool Value::operator==(const Value& o) const {
  if (kind != o.kind)
    return false;
  switch (kind) {
  case VKind::Nil:
    return true;
  case VKind::Boolean:
    return boolean == o.boolean;
  case VKind::Integer:
    return integer == o.integer;
  case VKind::Float:
    return number == o.number;
  case VKind::String:
    return str == o.str;
  case VKind::Table:
  case VKind::Closure:
    return ref == o.ref;
  case VKind::Native:
    return str == o.str && module == o.module;
  case VKind::Unknown:
    return unknown == o.unknown;
  }
  return false;
}

const Value* Table::find(const Value& key) const {
  for (const auto& [k, v] : entries)
    if (k == key)
      return &v;
  // 1.0 and 1 are the same key.
  if (key.kind == VKind::Float && std::floor(key.number) == key.number)
    return find(Value::integer_(static_cast<std::int64_t>(key.number)));
  return nullptr;
}

void Table::set(const Value& key, Value value) {
  for (auto it = entries.begin(); it != entries.end(); ++it)
    if (it->first == key) {
      if (value.isNil())
        entries.erase(it);
      else
        it->second = std::move(value);
      return;
    }
  if (!value.isNil())
    entries.emplace_back(key, std::move(value));
}

std::int64_t Table::border() const {
  std::int64_t n = 0;
  while (find(Value::integer_(n + 1)))
    ++n;
  return n;
}

Table& Heap::mutableTable(int id) {
  auto& slot = tables[static_cast<std::size_t>(id)];
  if (slot.use_count() > 1)
    slot = std::make_shared<Table>(*slot);
  return *slot;
}

int Heap::newTable(Table t) {
  tables.push_back(std::make_shared<Table>(std::move(t)));
  return static_cast<int>(tables.size()) - 1;
}

int Heap::newCell(Value v) {
  cells.push_back(std::move(v));
  return static_cast<int>(cells.size()) - 1;
}

namespace {

std::string shorten(std::string text, std::size_t limit) {
  if (text.size() <= limit)
    return text;
  // Cut on a UTF-8 boundary.
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;
  return text.substr(0, cut) + "…";
}

std::string numberText(double d) {
  if (std::isinf(d))
    return d > 0 ? "math.huge" : "-math.huge";
  if (std::floor(d) == d && std::fabs(d) < 1e15)
    return fmt::format("{:.1f}", d);
  return fmt::format("{}", d);
}

std::string tableText(const Table& t, const Heap& heap, std::size_t limit) {
  if (!t.expr.empty())
    return t.expr;
  std::string out = "{";
  bool first = true;
  std::int64_t next = 1;
  for (const auto& [k, v] : t.entries) {
    out += first ? " " : ", ";
    first = false;
    if (k.kind == VKind::Integer && k.integer == next) {
      ++next;
    } else if (k.kind == VKind::String && !k.str.empty() &&
               k.str.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_"
                                       "0123456789") == std::string::npos &&
               !(k.str[0] >= '0' && k.str[0] <= '9')) {
      out += k.str + " = ";
    } else {
      out += "[" + sourceText(k, heap, limit) + "] = ";
    }
    out += sourceText(v, heap, limit);
    if (out.size() > limit)
      break;
  }
  if (!t.complete)
    out += first ? " … " : ", … ";
  out += first ? "}" : " }";
  return out;
}

} // namespace

std::string sourceText(const Value& v, const Heap& heap, std::size_t limit) {
  switch (v.kind) {
  case VKind::Nil:
    return "nil";
  case VKind::Boolean:
    return v.boolean ? "true" : "false";
  case VKind::Integer:
    return std::to_string(v.integer);
  case VKind::Float:
    return numberText(v.number);
  case VKind::String:
    return shorten(quoteLua(v.str), limit);
  case VKind::Table:
    return shorten(tableText(heap.table(v.ref), heap, limit), limit);
  case VKind::Closure: {
    const auto& c = *heap.closures[static_cast<std::size_t>(v.ref)];
    return fmt::format("function@{}", c.proto->linedefined);
  }
  case VKind::Native:
    return v.str;
  case VKind::Unknown:
    return shorten(v.unknown->expr, limit);
  }
  return "?";
}

std::optional<bool> truthinessOfType(types::TypeRef type) {
  if (!type)
    return std::nullopt;
  if (type->kind() == types::TypeKind::Named) {
    if (!type->context())
      return std::nullopt;
    type = type->context()->resolve(type);
    if (!type)
      return std::nullopt;
  }
  switch (type->kind()) {
  case types::TypeKind::Any:
  case types::TypeKind::Unknown:
  case types::TypeKind::Boolean:
  case types::TypeKind::Named:
    return std::nullopt;
  case types::TypeKind::Nil:
    return false;
  case types::TypeKind::BooleanLiteral:
    return type->booleanValue();
  case types::TypeKind::Union: {
    std::optional<bool> all;
    for (types::TypeRef m : type->members()) {
      auto t = truthinessOfType(m);
      if (!t || (all && *all != *t))
        return std::nullopt;
      all = t;
    }
    return all;
  }
  default:
    return true;
  }
}

std::optional<bool> truthiness(const Value& v) {
  switch (v.kind) {
  case VKind::Nil:
    return false;
  case VKind::Boolean:
    return v.boolean;
  case VKind::Unknown:
    if (!v.unknown->parts.empty())
      return true; // a concatenation is a string
    return truthinessOfType(v.unknown->type);
  default:
    return true;
  }
}

const char* luaTypeName(const Value& v) {
  switch (v.kind) {
  case VKind::Nil:
    return "nil";
  case VKind::Boolean:
    return "boolean";
  case VKind::Integer:
  case VKind::Float:
    return "number";
  case VKind::String:
    return "string";
  case VKind::Table:
    return "table";
  case VKind::Closure:
  case VKind::Native:
    return v.module ? "table" : "function";
  case VKind::Unknown:
    break;
  }
  return "value";
}

} // namespace sloth::plan
