// The checker's types: small, immutable values owned and interned by a TypeContext, handled as
// `TypeRef` (a pointer; two structurally equal types made by one context are the same pointer).
//
// One class covers every kind; the accessors that do not apply to a kind return empty values.
// Optional types are unions with nil. Named references (`pkg.Result`, an alias) stay names and are
// resolved lazily through the context that made them, so classes may refer to each other in any
// order and across files.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sloth::types {

class Type;
class TypeContext;
using TypeRef = const Type*;

enum class TypeKind : uint8_t {
  Any,     // anything, checked nowhere (`any`)
  Unknown, // not known to the checker; behaves like any
  Nil,
  Boolean,
  Number,
  Integer,
  String,
  Table, // the primitive `table`
  Function,
  Userdata,
  Thread,
  StringLiteral,
  NumberLiteral, // integer or float literal
  BooleanLiteral,
  Union,
  Array,        // T[]
  Map,          // table<K, V>
  Record,       // a class, a module table, or a table literal type `{ a: T }`
  FunctionType, // fun(...): ...
  Named,        // a class or alias name, resolved lazily
};

struct Field {
  std::string name;
  TypeRef type = nullptr;
  bool optional = false; // `name?`: may be absent (its type then includes nil)
  bool secret = false;   // a credential: never shown in plans, logs or messages
  std::string doc;
};

// `[K]: V` entries of a record (`---@field [string] integer`).
struct IndexField {
  TypeRef key = nullptr;
  TypeRef value = nullptr;
};

struct FunctionParam {
  std::string name; // "..." for varargs
  TypeRef type = nullptr;
  bool optional = false;
  bool variadic = false;
};

struct FunctionReturn {
  std::string name; // may be empty
  TypeRef type = nullptr;
  bool variadic = false; // `T ...`: any number of values of type T
};

class Type {
public:
  TypeKind kind() const { return kind_; }

  // Literal values (StringLiteral, NumberLiteral, BooleanLiteral).
  const std::string& stringValue() const { return text_; }
  double numberValue() const { return number_; }
  int64_t integerValue() const { return integer_; }
  bool isIntegerLiteral() const { return kind_ == TypeKind::NumberLiteral && isInteger_; }
  bool booleanValue() const { return boolean_; }

  // Union members, in first-seen order, flattened and without duplicates.
  std::span<const TypeRef> members() const { return members_; }
  bool containsNil() const;

  // Array element; map key and value.
  TypeRef element() const { return first_; }
  TypeRef key() const { return first_; }
  TypeRef value() const { return second_; }

  // Records: the class or module name (empty for a table literal type), exactness, own fields
  // (inherited ones live in the parents), `[K]: V` entries and parent classes (Named types).
  const std::string& name() const { return text_; }
  bool exact() const { return exact_; }
  std::span<const Field> fields() const { return fields_; }
  std::span<const IndexField> indexFields() const { return indexFields_; }
  std::span<const TypeRef> parents() const { return members_; }
  const Field* ownField(std::string_view fieldName) const;
  const std::string& doc() const { return doc_; }

  // Function types.
  std::span<const FunctionParam> params() const { return params_; }
  std::span<const FunctionReturn> returns() const { return returns_; }

  // Named references resolve through the context that made them.
  const TypeContext* context() const { return context_; }

  bool isPrimitive() const { return kind_ <= TypeKind::Thread; }
  bool isAnyLike() const { return kind_ == TypeKind::Any || kind_ == TypeKind::Unknown; }

  // The type in lua-language-server spelling: `string?`, `"a"|"b"`, `(string|number)[]`,
  // `table<string, integer>`, `fun(a: string, b?: integer): boolean`, `{ name: string }`.
  std::string toString() const;

private:
  friend class TypeContext;
  explicit Type(TypeKind kind) : kind_(kind) {}

  TypeKind kind_;
  bool isInteger_ = false;
  bool boolean_ = false;
  bool exact_ = false;
  int64_t integer_ = 0;
  double number_ = 0;
  std::string text_; // literal string, record name or named reference
  std::string doc_;
  TypeRef first_ = nullptr;
  TypeRef second_ = nullptr;
  std::vector<TypeRef> members_; // union members or record parents
  std::vector<Field> fields_;
  std::vector<IndexField> indexFields_;
  std::vector<FunctionParam> params_;
  std::vector<FunctionReturn> returns_;
  const TypeContext* context_ = nullptr;
};

// The builtin type name for a primitive kind (`string`, `integer`, ...), or "" for others.
std::string_view primitiveName(TypeKind kind);

// A Lua string literal for `s`, on one line: `"a\"b\n"` (how string literal types, plans and
// messages show a text).
std::string quoteLua(const std::string& s);

} // namespace sloth::types
