// The checker's walk over one chunk, in source order: it keeps the locals in scope with what is
// known of their values (type, signature, table constructor), narrows those types along
// conditions (`if x then`, `x ~= nil`, `type(x) == "string"`, `assert(x)`, early returns), types
// expressions bottom-up against the module signatures and the file's annotations, and reports
// the checks of docs/checks.md as it meets them.
//
// One pass, linear in the size of the chunk. Types are interned in a per-file TypeContext whose
// parent is the shared, frozen builtin one, so concurrent walks of different files never write
// to shared state.
#pragma once

#include "FileFacts.h"
#include "UserAnnotations.h"
#include "sloth/analyzer/check/Checker.h"
#include "sloth/analyzer/types/TypeContext.h"

#include <deque>
#include <map>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace sloth::check {

using types::TypeRef;

// How an expression's value is used, for checks that depend on it.
enum class Use : uint8_t {
  Value,
  Callee,      // called right away: an unknown function is certain to fail
  FeatureTest, // `x or fallback`, `if x then`: the code checks whether it exists
};

// What is known about a local's value.
struct LocalInfo {
  TypeRef type = nullptr;                        // nullptr: unknown
  const types::FunctionSignature* sig = nullptr; // a function whose signature is known
  const ast::TableExpr* table = nullptr;         // `local opts = { ... }`, never reassigned
  const ast::Expr* literal = nullptr;            // `local state = "latest"`, never reassigned
  bool fromModule = false; // `local string = string`, `= require(...)`: not a shadowing mistake
  const types::ModuleSignature* module = nullptr; // `local T = table`: the module itself
  // `local i, j = s:find(p)`: the later results are nil exactly when the first one is.
  std::vector<const ast::Local*> siblings;
  // The type is the script's own `---@type`/`---@param`: intent, not a guarantee, so what it
  // lacks is a warning even for a module's class (checks.md).
  bool annotated = false;
};

// The types of a call's arguments (or a statement's values), without a heap allocation for the
// usual handful.
class TypeList {
public:
  explicit TypeList(size_t size) : size_(size) {
    if (size > kInline)
      heap_.resize(size);
  }
  TypeRef& operator[](size_t i) { return size_ > kInline ? heap_[i] : inline_[i]; }
  std::span<const TypeRef> span() const {
    return {size_ > kInline ? heap_.data() : inline_, size_};
  }

private:
  static constexpr size_t kInline = 6;
  size_t size_;
  TypeRef inline_[kInline] = {};
  std::vector<TypeRef> heap_;
};

class Walker {
public:
  Walker(const ast::Chunk& chunk, FileId file, const SourceManager& sources,
         const types::SignatureRegistry& signatures, const CheckSettings& settings,
         DiagnosticEngine& diags);
  void run();

private:
  // What holds for a local, or for a field path under it (`if r.pid then`, `if cfg.db.host
  // then`), in the current region. A field entry without a type says the field (and everything
  // under it) was changed: unknown from here on.
  struct Narrowing {
    const ast::Local* local;
    TypeRef type;
    std::string_view field = {}; // "pid", "db.host"; empty: the local itself
  };

  // What the `return` statements of a function give, gathered while its body is walked.
  struct ReturnSummary {
    std::vector<TypeRef> types; // per position; nullptr: unknown
    bool open = false;          // positions past `types` are unknown (`return f()`, `return ...`)
    bool seen = false;          // some `return` (or falling off the end) was merged in
    bool values = false;        // some `return` gives values
    bool passesCall = false;    // some `return` hands back a call's result untouched
  };

  // ----- statements (Walker.cpp) -----
  // `callback`: a function written as an argument or table field, whose parameters are dictated by
  // whoever calls it (unused ones are not worth a warning). Returns the signature inferred from the
  // body's `return` statements when `sig` is null and some `return` gives values, else nullptr.
  const types::FunctionSignature* function(const ast::FunctionBody* body,
                                           const types::FunctionSignature* sig,
                                           bool callback = false);
  // Both return true when control cannot fall out of the block's end.
  bool block(const ast::Block* b);
  bool blockStats(const ast::Block* b); // without closing the block's scope
  // Returns true when control never continues past the statement.
  bool stat(const ast::Stat* s);
  void localStat(const ast::LocalStat* s);
  void assignStat(const ast::AssignStat* s);
  bool ifStat(const ast::IfStat* s);
  void declareLocal(const ast::Local* local, LocalInfo info, bool declared);
  bool isTerminatingCall(const ast::Expr* call) const;

  // ----- expressions (Walker.cpp) -----
  TypeRef expr(const ast::Expr* e, Use use = Use::Value);
  void exprList(const std::vector<ast::Expr*>& list);
  TypeRef nameExpr(const ast::NameExpr* e, Use use);
  TypeRef indexExpr(const ast::IndexExpr* e, Use use);
  TypeRef fieldOf(TypeRef object, const std::string& field, const ast::Expr* objectExpr,
                  SourceRange fieldRange, bool called);
  // `local facts = facts.gather()` then `facts.cpu()`: reported, and true, when the field is the
  // module's function and the local does not have it.
  bool reportShadowedModule(const ast::IndexExpr* e, Use use);
  // The one name that starts with `prefix` (`ec2_instance` -> `ec2_instance_create`, `status_`
  // -> `status_code`), or "" when none or several do.
  static std::string onlyNameStartingWith(std::span<const std::string> names,
                                          const std::string& prefix);
  TypeRef moduleField(const types::ModuleSignature& module, const ast::IndexExpr* e, Use use);
  TypeRef callExpr(const ast::CallExpr* e);
  // `s.upper()`, `t.command(fn)`: a string function or a builder method called with '.', so the
  // object is not passed. Reported, and true, when so.
  bool reportDotCall(const ast::CallExpr* e);
  TypeRef methodCallExpr(const ast::MethodCallExpr* e);
  // `fieldTypes`, when given, receives the type of each field's value, in field order.
  TypeRef tableExpr(const ast::TableExpr* e, std::vector<TypeRef>* fieldTypes = nullptr);
  // `t.key` where t is a local table that keeps exactly its constructor's keys (FileFacts): the
  // value's type, or a warning for a key it never has. False when t is not such a table.
  bool sealedTableField(const ast::NameExpr* object, const ast::StringExpr* key, Use use,
                        TypeRef& type);
  TypeRef binaryExpr(const ast::BinaryExpr* e);
  // The type of `e` without reporting anything (used to look into option tables).
  TypeRef peek(const ast::Expr* e);
  // A literal's own type (`"latest"`, `755`, `true`), also through a never-reassigned local.
  TypeRef literalType(const ast::Expr* e, TypeRef computed);
  const ast::TableExpr* tableOf(const ast::Expr* e) const;

  // ----- locals and globals -----
  const LocalInfo* infoOf(const ast::Local* local) const;
  TypeRef localType(const ast::Local* local) const;
  // A narrowed `local.field.path`, or nullptr when nothing narrows it.
  const Narrowing* narrowedField(const ast::Local* local, std::string_view field) const;
  // `cfg.db.host` -> cfg's local and "db.host" (stable storage); nullptr when `e` is not a chain
  // of constant field names on a local.
  const ast::Local* fieldPath(const ast::Expr* e, std::string_view& path);
  // A call that may change what is passed to it (`reset(cfg)`, `cfg.db:close()`): the field
  // narrowings under those values no longer hold.
  void forgetFieldsPassed(std::span<ast::Expr* const> args, const ast::Expr* receiver);
  const types::FunctionSignature* signatureOf(const ast::Expr* callee) const;
  const types::ModuleSignature* moduleOf(const ast::Expr* e) const;
  bool isBuiltinGlobal(const ast::Expr* e, std::string_view name) const;
  bool isKnownGlobal(const std::string& name) const;
  void reportUndefinedGlobal(const ast::NameExpr* e);
  void reportDeprecated(const types::FunctionSignature& sig, SourceRange range,
                        const std::string& spelledAs);

  // ----- narrowing (Narrowing.cpp) -----
  // Narrowings that hold where `condition` is truthy (or falsy).
  void narrowingsOf(const ast::Expr* condition, bool truthy, std::vector<Narrowing>& out);
  void applyNarrowings(const std::vector<Narrowing>& list);

  // ----- return inference (ReturnInference.cpp) -----
  void noteReturn(const ast::ReturnStat* r, std::span<const TypeRef> valueTypes);
  void mergeReturn(std::vector<TypeRef> types, bool open);
  const types::FunctionSignature* inferredSignature(const ast::FunctionBody* body,
                                                    const ReturnSummary& summary);
  // `function M.f()`, `M.f = function`: remembered for calls `M.f(...)` when the file assigns
  // `M.f` nowhere else.
  void bindMemberFunction(const ast::Expr* target, const types::FunctionSignature* sig);
  const types::FunctionSignature* memberFunction(const ast::IndexExpr* callee) const;

  // ----- calls (CallCheck.cpp) -----
  // `receiver` is the value before `:` when a module function is called as a method
  // (`s:upper()` is `string.upper(s)`); `argTypes` are the computed types of `args`.
  void checkCall(const types::FunctionSignature& sig, const std::string& calledAs,
                 const ast::Expr* receiver, std::span<ast::Expr* const> args,
                 std::span<const TypeRef> argTypes, SourceRange callRange);
  void checkOverloadedCall(const types::FunctionSignature& sig, const std::string& calledAs,
                           size_t offset, std::span<ast::Expr* const> args,
                           std::span<const TypeRef> argTypes, SourceRange callRange);
  // Each argument against its parameter in `form` (the arguments start at parameter `offset`).
  void checkArguments(const types::FunctionSignature& form, const std::string& calledAs,
                      size_t offset, std::span<ast::Expr* const> args,
                      std::span<const TypeRef> argTypes);
  bool checkArgument(const types::FunctionSignature& sig, const std::string& calledAs, size_t index,
                     const types::ParamSignature& param, const ast::Expr* arg, TypeRef argType);
  void checkTableAgainst(const types::FunctionSignature& sig, const std::string& calledAs,
                         TypeRef record, const ast::TableExpr* table, const std::string& path,
                         bool literalHere);
  // A table constructor passed where a list `T[]` or a map `table<K, V>` is expected: each element
  // (each value) against T (V). False when `want` is no such container.
  // Whether `got` fits a parameter of type `want` of `sig`.
  bool fitsArgument(const types::FunctionSignature& sig, TypeRef got, TypeRef want) const;
  // Whether `got` fits an option field of type `want` in an option table given to `sig`.
  bool fitsOption(const types::FunctionSignature& sig, TypeRef got, TypeRef want) const;
  bool checkTableElements(const types::FunctionSignature& sig, const std::string& calledAs,
                          const std::string& what, TypeRef want, const ast::TableExpr* table);
  // string.format with a literal format (FormatStrings.cpp): `values` are the arguments after it.
  void checkFormatString(const ast::Expr* format, std::span<ast::Expr* const> values,
                         SourceRange callRange);
  void checkOctalMode(const std::string& calledAs, const std::string& what, const ast::Expr* arg,
                      bool optionField);
  // What a parameter or field accepts, for messages: `"present" or "latest"`, `Duration
  // (string|number)`.
  std::string expected(TypeRef want);
  TypeRef callResult(const types::FunctionSignature& sig, std::span<ast::Expr* const> args,
                     std::span<const TypeRef> argTypes);

  // ----- lints (Lints.cpp) -----
  void reportUnusedLocals(const ast::FunctionBody* body, bool callback);
  void reportUnusedLabels();
  void checkDuplicateKeys(const ast::TableExpr* e);
  void checkIgnoredResult(const ast::Expr* call);
  // `file.exists(p) == "true"`: `==` between values that can never be of the same type.
  void checkComparison(const ast::BinaryExpr* e, TypeRef lhs, TypeRef rhs);
  // An operand of arithmetic, `..`, `#` or an order comparison (`op` as written) that is always
  // nil: the operation fails there.
  void checkOperand(const ast::Expr* operand, TypeRef type, const char* op);
  // The basic Lua types (`type(v)`) a value of type `t` may have, as bits; 0 when unknown.
  unsigned luaTypesOf(TypeRef t) const;

  // ----- helpers -----
  Diagnostic& report(Severity severity, const char* code, SourceRange range, std::string message);
  TypeRef resolved(TypeRef t) const;
  bool isUnknown(TypeRef t) const;
  bool isBuiltinClass(TypeRef record) const;
  // `e` is a local whose type is the script's own annotation (LocalInfo::annotated).
  bool typedByAnnotation(const ast::Expr* e) const;
  std::string describe(TypeRef t) const;
  // `e` is a call of a sloth module function that returns nothing: its signature.
  const types::FunctionSignature* returnsNothing(const ast::Expr* e) const;
  // A note on an "always nil" diagnostic about `value` when the nil is the result of such a call
  // (directly, or through the local it initialized).
  void explainNil(Diagnostic& d, const ast::Expr* value);
  Severity severityFor(const types::FunctionSignature& sig) const;
  TypeRef primitiveNamed(std::string_view typeName) const;

  const ast::Chunk& chunk_;
  FileId file_;
  const SourceManager& sources_;
  const types::SignatureRegistry& sigs_;
  const CheckSettings& settings_;
  DiagnosticEngine& diags_;
  types::TypeContext types_; // this file's names and literal types, over the builtin ones
  UserAnnotations annotations_;
  FileFacts facts_;
  std::unordered_set<std::string> extraGlobals_;
  std::unordered_set<std::string> unbuiltModulesReported_; // module-not-built: once per module

  std::unordered_map<const ast::Local*, LocalInfo> locals_;
  std::vector<Narrowing> narrowed_;            // innermost last; truncated when a block ends
  std::unordered_set<std::string> fieldPaths_; // the storage of deep Narrowing::field paths
  std::vector<const ast::Local*> visible_;     // locals in scope, for "did you mean"
  std::deque<types::FunctionSignature> userSignatures_; // from @param/@return
  std::unordered_map<std::string, const types::FunctionSignature*> userGlobalFunctions_;
  // Field value types of the constructors of sealed local tables (FileFacts::isSealedTable).
  std::unordered_map<const ast::Local*, std::vector<TypeRef>> tableFieldTypes_;
  std::vector<ReturnSummary> returns_; // one per function being walked, innermost last
  // Signatures inferred from bodies; those whose `return` hands back a call's result untouched
  // (`return exec.command(c)`) let ignored-exec-result see through the wrapper.
  std::unordered_map<const types::FunctionSignature*, bool> inferred_;
  // (object local or nullptr for a global, "field" or "global.field") -> signature.
  std::map<std::pair<const ast::Local*, std::string>, const types::FunctionSignature*>
      memberFunctions_;
  // Locals initialized by a call of a sloth function that returns nothing (for explainNil).
  std::unordered_map<const ast::Local*, const ast::CallExpr*> resultlessCalls_;
  std::vector<const ast::LabelStat*> labels_;
  std::unordered_set<const ast::LabelStat*> jumpedTo_;
  unsigned quiet_ = 0; // >0 while peeking: no diagnostics, no descent into function bodies
  Diagnostic sink_;    // what report() hands out while quiet
  // While trying a call against one `---@overload` form: what report() would have said at quiet
  // level `captureLevel_` (not from peeks below it).
  struct Problem {
    Severity severity;
    std::string message;
  };
  std::vector<Problem>* capture_ = nullptr;
  unsigned captureLevel_ = 0;
};

} // namespace sloth::check
