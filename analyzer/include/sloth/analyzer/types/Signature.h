// What the signature files declare: functions with their parameters, results, effect and plan
// template; classes; aliases; modules and other globals. Built by the SignatureLoader, read
// through the SignatureRegistry.
#pragma once

#include "sloth/analyzer/types/Type.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sloth::types {

// `---@effect`: what a call does outside the script (design §4, §8).
enum class Effect { None, Read, Write, Exec, Net };

std::string_view effectName(Effect effect);
std::optional<Effect> parseEffect(std::string_view name);
// write, exec and net calls change or reach the world: the planner shows them, so they need @plan.
bool effectNeedsPlan(Effect effect);

struct DeclLocation {
  std::string file; // e.g. "pkg.lua"
  int line = 0;
};

struct ParamSignature {
  std::string name; // "..." for varargs
  TypeRef type = nullptr;
  bool optional = false; // `name?`, or a type that admits nil
  bool variadic = false;
  bool secret = false;
  std::string doc;
};

struct ReturnSignature {
  std::string name;
  TypeRef type = nullptr;
  bool variadic = false;
  std::string doc;
};

struct FunctionSignature {
  std::string qualifiedName; // "pkg.install", "print", "TaskBuilder:timeout"
  std::string owner;         // module or class ("pkg", "TaskBuilder"); "" for a global function
  std::string name;          // "install"
  bool method = false;       // declared with `:` (called as obj:name(...))
  std::vector<ParamSignature> params;
  std::vector<ReturnSignature> returns;
  std::vector<TypeRef> overloads; // alternative call forms (function types)
  std::optional<Effect> effect;
  std::optional<std::string> planTemplate;
  std::string doc;
  std::optional<std::string> deprecated; // the @deprecated text, e.g. "use table.unpack"
  bool nodiscard = false;
  DeclLocation where;
  TypeRef type = nullptr; // the whole signature as a function type (without self)

  // Arguments a call must pass: up to the last parameter that is neither optional nor variadic.
  size_t requiredArguments() const;
  // At most this many arguments are meaningful; nullopt for varargs.
  std::optional<size_t> maxArguments() const;
  const ParamSignature* param(std::string_view paramName) const;
};

struct ClassSignature {
  std::string name;
  TypeRef type = nullptr; // the Record
  bool exact = false;
  std::string doc;
  DeclLocation where;
  std::map<std::string, const FunctionSignature*, std::less<>> methods; // `function C:m()`
};

struct AliasSignature {
  std::string name;
  TypeRef type = nullptr;
  std::string doc;
  DeclLocation where;
};

// A global variable of a known type that is neither a module nor a function (`_VERSION`, `_G`),
// or a constant of a module (`math.pi`).
struct ValueSignature {
  std::string name;
  TypeRef type = nullptr;
  std::string doc;
  DeclLocation where;
};

// A module table (`pkg = {}`): its functions and constants.
struct ModuleSignature {
  std::string name;
  std::string doc;
  DeclLocation where;
  TypeRef type = nullptr; // a record of the functions and constants, named after the module
  std::map<std::string, const FunctionSignature*, std::less<>> functions;
  std::map<std::string, const ValueSignature*, std::less<>> values;
};

enum class GlobalKind { Module, Function, Value };

struct GlobalSignature {
  std::string name;
  GlobalKind kind = GlobalKind::Value;
  TypeRef type = nullptr;
  const ModuleSignature* module = nullptr;     // kind Module
  const FunctionSignature* function = nullptr; // kind Function
  const ValueSignature* value = nullptr;       // kind Value
};

} // namespace sloth::types
