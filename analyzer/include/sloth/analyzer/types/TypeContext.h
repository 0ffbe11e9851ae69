// Owns and interns types, and maps class and alias names to their types.
//
// Interning and name declaration are thread-safe, so files can be checked in parallel against one
// context. A context may have a parent: names are looked up in the child first, then the parent
// (one context for the builtin signatures, a child per checked file for its own annotations).
#pragma once

#include "sloth/analyzer/types/Type.h"

#include <atomic>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sloth::types {

// What a nominal record (a class or a module table) is made of.
struct RecordSpec {
  std::string name; // shown by toString(); "" for a table literal type
  bool exact = false;
  std::vector<TypeRef> parents; // Named references to parent classes
  std::vector<Field> fields;
  std::vector<IndexField> indexFields;
  std::string doc;
};

class TypeContext {
public:
  explicit TypeContext(const TypeContext* parent = nullptr);
  TypeContext(const TypeContext&) = delete;
  TypeContext& operator=(const TypeContext&) = delete;
  ~TypeContext();

  TypeRef any() const { return any_; }
  TypeRef unknown() const { return unknown_; }
  TypeRef nil() const { return nil_; }
  TypeRef boolean() const { return boolean_; }
  TypeRef number() const { return number_; }
  TypeRef integer() const { return integer_; }
  TypeRef string() const { return string_; }
  TypeRef table() const { return table_; }
  TypeRef function() const { return function_; }
  TypeRef userdata() const { return userdata_; }
  TypeRef thread() const { return thread_; }

  // `string`, `integer`, `any`, ...; `self` is any (the receiver's class is not tracked here).
  TypeRef builtin(std::string_view name) const;

  TypeRef stringLiteral(std::string_view value);
  TypeRef integerLiteral(int64_t value);
  TypeRef numberLiteral(double value);
  TypeRef booleanLiteral(bool value);

  // Flattens nested unions, drops duplicates and literals their primitive already covers; a
  // union with any is any; one member is that member.
  TypeRef unionOf(std::span<const TypeRef> members);
  TypeRef unionOf(std::initializer_list<TypeRef> members);
  TypeRef optional(TypeRef type);   // type|nil
  TypeRef withoutNil(TypeRef type); // narrows `T?` to T (nil alone stays nil)

  TypeRef array(TypeRef element);
  TypeRef map(TypeRef key, TypeRef value);
  TypeRef function(std::vector<FunctionParam> params, std::vector<FunctionReturn> returns);

  // A structural table type `{ a: T, [string]: U }` (interned).
  TypeRef tableLiteral(std::vector<Field> fields, std::vector<IndexField> indexFields);
  // A nominal record: never interned, two calls give two distinct types. Not declared by name.
  TypeRef record(RecordSpec spec);

  // A reference to a class or alias by name, resolved when used.
  TypeRef named(std::string_view name);

  // Declares a class or alias name; false if the name is already declared here.
  bool declare(std::string_view name, TypeRef type);
  // The type declared under `name` here or in a parent, or nullptr.
  TypeRef lookup(std::string_view name) const;
  // Follows named references (and aliases of aliases); nullptr for an undeclared name.
  TypeRef resolve(TypeRef type) const;

  // A record's field by name, searching parent classes too.
  const Field* findField(TypeRef record, std::string_view name) const;
  // Every field name of a record, parents included (for suggestions).
  std::vector<std::string> fieldNames(TypeRef record) const;

  const TypeContext* parent() const { return parent_; }

  // Ends declaration: later declare() calls fail and lookups no longer lock, so many checker
  // threads can resolve names in a shared context (the builtin signatures) without contention.
  void freeze() { frozen_.store(true, std::memory_order_release); }
  bool frozen() const { return frozen_.load(std::memory_order_acquire); }

private:
  TypeRef intern(const std::string& key, std::unique_ptr<Type> type);
  TypeRef makePrimitive(TypeKind kind);

  const TypeContext* parent_;
  std::atomic<bool> frozen_{false};
  mutable std::mutex mutex_;
  std::deque<std::unique_ptr<Type>> owned_;
  std::unordered_map<std::string, TypeRef> interned_;
  std::unordered_map<std::string, TypeRef> names_;
  TypeRef any_, unknown_, nil_, boolean_, number_, integer_, string_, table_, function_, userdata_,
      thread_;
};

} // namespace sloth::types
