// The planner's abstract values: what a register may hold while a script is walked without
// running it. Known constants, tables of known shape, closures, the natives (modules, library and
// DSL functions), and Unknown: a value only the run will know, which remembers the source text it
// came from (`file.exists("/etc/app.conf")`) so conditions can be shown in source terms.
#pragma once

#include "sloth/analyzer/types/Signature.h"
#include "sloth/vm/Proto.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sloth::plan {

struct Unknown;
using UnknownRef = std::shared_ptr<const Unknown>;

enum class VKind : std::uint8_t {
  Nil,
  Boolean,
  Integer,
  Float,
  String,
  Table,   // ref: index into Heap::tables
  Closure, // ref: index into Heap::closures
  Native,  // name: "ipairs", "pkg.install", "TaskBuilder:command"; a module table when `module`
  Unknown,
};

struct Value {
  VKind kind = VKind::Nil;
  bool boolean = false;
  bool module = false;
  std::int64_t integer = 0;
  double number = 0;
  std::string str; // String: the text; Native: the name
  int ref = -1;
  const types::FunctionSignature* sig = nullptr; // Native with a declared signature
  UnknownRef unknown;

  static Value nil() { return {}; }
  static Value boolean_(bool b);
  static Value integer_(std::int64_t i);
  static Value number_(double d);
  static Value string_(std::string s);
  static Value table(int id);
  static Value closure(int id);
  static Value native(std::string name, const types::FunctionSignature* sig = nullptr);
  static Value moduleTable(std::string name);
  static Value of(UnknownRef u);

  bool isNil() const { return kind == VKind::Nil; }
  bool isNumber() const { return kind == VKind::Integer || kind == VKind::Float; }
  double asNumber() const { return kind == VKind::Integer ? static_cast<double>(integer) : number; }
  bool operator==(const Value& other) const; // structural; unknowns by identity
};

// A value known only at run time.
struct Unknown {
  int id = 0;                    // creation order: conditions list their tests in this order
  std::string expr;              // source-like text: `params.app`, `file.exists("/x")`, `r.success`
  std::string negExpr;           // the negation when nicer than `not expr` (`a ~= b` for `a == b`)
  types::TypeRef type = nullptr; // the declared type, when the value comes from a signature
  std::vector<Value> parts;      // non-empty: a concatenation of these known and unknown parts
  UnknownRef negationOf;         // `not x`: x (tests on it are tests on x, inverted)
  std::vector<Value> candidates; // one of these (a known table indexed by an unknown key)
  std::vector<std::string> candidateIf; // the test that picks each: `os.getenv("ROLE") == "web"`
  // One of two known values joined where a test split the paths, one truthy and one not
  // (`local msg; if r.changed then msg = "changed" end`): it is truthy exactly when `joinedBy`
  // came out `joinedPositive`, and then it is `whenTruthy`, otherwise `whenFalsy`.
  UnknownRef joinedBy;
  bool joinedPositive = true;
  Value whenTruthy, whenFalsy;
  bool secret = false;     // comes from a secret field: never shown
  bool fromParams = false; // an input the user can give with --set
  std::string file;
  int line = 0;
};

// A table of known shape. Keys are known scalars; `complete` is false when the table may hold
// more than these entries (written with unknown keys, filled in a loop, an input map).
struct Table {
  std::vector<std::pair<Value, Value>> entries; // insertion order
  bool complete = true;
  std::string cls;  // "TaskBuilder", "Task", "Workflow", "_ENV", or "" for a plain table
  std::string expr; // source-like name for its unknown fields ("params", "input")
  types::TypeRef type = nullptr;    // declared type of its fields (TaskContext)
  std::map<std::string, int> lines; // builder settings: line of the call that set each key
  int meta = -1; // its metatable (setmetatable), for `__index` lookups of classes

  const Value* find(const Value& key) const;
  void set(const Value& key, Value value);
  std::int64_t border() const; // #t for the array part that is known
};

struct Closure {
  const vm::Proto* proto = nullptr;
  std::vector<int> cells; // upvalue cells, in Heap::cells
};

// Everything a path has allocated. Paths fork by copying the heap: tables are shared until one
// side writes (copy on write), closures never change.
struct Heap {
  std::vector<std::shared_ptr<Table>> tables;
  std::vector<std::shared_ptr<const Closure>> closures;
  std::vector<Value> cells;
  std::vector<int> workflows; // tables registered by workflow.define, in order

  const Table& table(int id) const { return *tables[static_cast<std::size_t>(id)]; }
  Table& mutableTable(int id);
  int newTable(Table t = {});
  int newCell(Value v);
};

// How a value reads in source terms (`"nginx"`, `{ "a", "b" }`, `params.app`), for conditions
// and call texts. Long texts are shortened with an ellipsis.
std::string sourceText(const Value& v, const Heap& heap, std::size_t limit = 60);
using types::quoteLua; // a Lua string literal for a text

// Whether `type` admits only truthy values (true), only falsy ones (false), or both (nullopt).
std::optional<bool> truthinessOfType(types::TypeRef type);
// The truth of a value: nullopt when only the run will know.
std::optional<bool> truthiness(const Value& v);
// Lua's type() of a known value ("nil", "number", "function", ...); "value" for an Unknown.
const char* luaTypeName(const Value& v);

} // namespace sloth::plan
