// Every declared module, function, class, alias and global, for the checker and the planner.
//
//   const SignatureRegistry& sigs = builtinSignatures();
//   const FunctionSignature* f = sigs.function("exec.command");
//   TypeRef result = f->returns[0].type;                            // exec.Result
//   sigs.types().findField(result, "exit_code");                    // integer
//   sigs.suggestFunction("pkg.instal");                             // "pkg.install"
//
// Immutable once loaded; safe to share between threads.
#pragma once

#include "sloth/analyzer/types/Signature.h"
#include "sloth/analyzer/types/TypeContext.h"

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sloth::types {

class SignatureRegistry {
public:
  SignatureRegistry();
  SignatureRegistry(SignatureRegistry&&) noexcept;
  SignatureRegistry& operator=(SignatureRegistry&&) noexcept;
  ~SignatureRegistry();

  const TypeContext& types() const { return *types_; }
  TypeContext& types() { return *types_; }

  const ModuleSignature* module(std::string_view name) const;
  // By qualified name: "pkg.install", "print", "string.format", "TaskBuilder:timeout" (a method
  // is also found as "TaskBuilder.timeout").
  const FunctionSignature* function(std::string_view qualifiedName) const;
  const FunctionSignature* function(std::string_view module, std::string_view name) const;
  const FunctionSignature* method(std::string_view className, std::string_view name) const;
  const ClassSignature* classNamed(std::string_view name) const;
  const AliasSignature* alias(std::string_view name) const;
  // A class or alias type by name (resolved), or nullptr.
  TypeRef typeNamed(std::string_view name) const;
  const GlobalSignature* global(std::string_view name) const;

  // Sorted lists, for iteration and suggestions.
  std::vector<std::string> globalNames() const;
  std::vector<std::string> moduleNames() const;
  std::vector<const FunctionSignature*> functions() const;
  std::vector<const ClassSignature*> classes() const;

  // "Did you mean": the closest declared name, or nullopt when nothing is close.
  std::optional<std::string> suggestGlobal(std::string_view name) const;
  // `pkg.instal` -> `pkg.install`; an unknown module part is matched against modules;
  // `TaskBuilder:timout` -> `TaskBuilder:timeout`.
  std::optional<std::string> suggestFunction(std::string_view qualifiedName) const;
  std::optional<std::string> suggestField(TypeRef record, std::string_view name) const;

  // ----- building (used by the loader) -----
  FunctionSignature& addFunction(FunctionSignature signature);
  ModuleSignature& addModule(ModuleSignature module);
  ModuleSignature* mutableModule(std::string_view name);
  ClassSignature& addClass(ClassSignature cls);
  ClassSignature* mutableClass(std::string_view name);
  AliasSignature& addAlias(AliasSignature alias);
  ValueSignature& addValue(ValueSignature value);
  void addGlobal(GlobalSignature global);

private:
  std::unique_ptr<TypeContext> types_;
  std::deque<FunctionSignature> functionStore_;
  std::deque<ModuleSignature> moduleStore_;
  std::deque<ClassSignature> classStore_;
  std::deque<AliasSignature> aliasStore_;
  std::deque<ValueSignature> valueStore_;
  std::map<std::string, const FunctionSignature*, std::less<>> functions_;
  std::map<std::string, ModuleSignature*, std::less<>> modules_;
  std::map<std::string, ClassSignature*, std::less<>> classes_;
  std::map<std::string, const AliasSignature*, std::less<>> aliases_;
  std::map<std::string, GlobalSignature, std::less<>> globals_;
};

} // namespace sloth::types
