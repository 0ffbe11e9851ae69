// Calls against their signatures: how many arguments, of which types, and the option tables
// passed to module functions (unknown keys, values outside a literal union, missing required
// keys, file modes written as numbers).
#include "Walker.h"

#include "sloth/analyzer/types/Assignability.h"
#include "sloth/analyzer/types/ExpectedText.h"
#include "sloth/analyzer/types/Suggest.h"

#include <fmt/core.h>

#include <algorithm>

namespace sloth::check {

using namespace ast;
using types::FunctionSignature;
using types::ParamSignature;
using types::TypeKind;

namespace {

std::string plural(size_t n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

std::string argumentName(size_t index, const ParamSignature& param) {
  if (param.variadic || param.name.empty() || param.name == "...")
    return fmt::format("argument {}", index + 1);
  return fmt::format("argument {} ('{}')", index + 1, param.name);
}

} // namespace

std::string Walker::expected(TypeRef want) {
  TypeRef type = types_.withoutNil(want);
  std::string text = types::expectedText(type);
  // `Duration` alone does not say what to write: show what the alias stands for.
  TypeRef r = resolved(type);
  if (type->kind() == TypeKind::Named && r && r != type && r->kind() != TypeKind::Record &&
      types::literalChoices(type).empty())
    text += " (" + r->toString() + ")";
  return text;
}

void Walker::checkCall(const FunctionSignature& sig, const std::string& calledAs,
                       const Expr* receiver, std::span<Expr* const> args,
                       std::span<const TypeRef> argTypes, SourceRange callRange) {
  size_t offset = receiver ? 1 : 0; // `s:upper()` passes s as the first parameter
  size_t given = args.size() + offset;
  bool open = !args.empty() && args.back()->isMultiValue(); // f(g()) passes all g's results
  Severity severity = severityFor(sig);
  if (!sig.overloads.empty()) {
    checkOverloadedCall(sig, calledAs, offset, args, argTypes, callRange);
    return;
  }

  if (sig.qualifiedName == "string.format") {
    if (receiver)
      checkFormatString(receiver, args, callRange);
    else if (!args.empty())
      checkFormatString(args[0], args.subspan(1), callRange);
  }
  size_t required = sig.requiredArguments();
  if (!open && given < required) {
    const ParamSignature& missing = sig.params[given];
    report(severity, "wrong-arg-count", callRange,
           fmt::format("{} needs {}, got {}: {} is missing", calledAs,
                       required == sig.params.size() ? plural(required, "argument")
                                                     : "at least " + plural(required, "argument"),
                       given, argumentName(given, missing)));
  }
  if (std::optional<size_t> max = sig.maxArguments(); max && given > *max && *max >= offset) {
    const Expr* first = args[*max - offset];
    report(severity, "wrong-arg-count", SourceRange::cover(first->range, args.back()->range),
           fmt::format("{} takes at most {}, got {}; the extra ones are ignored", calledAs,
                       plural(*max, "argument"), given));
  }

  checkArguments(sig, calledAs, offset, args, argTypes);
}

void Walker::checkArguments(const FunctionSignature& form, const std::string& calledAs,
                            size_t offset, std::span<Expr* const> args,
                            std::span<const TypeRef> argTypes) {
  for (size_t i = 0; i < args.size(); ++i) {
    size_t p = i + offset;
    const ParamSignature* param = nullptr;
    if (p < form.params.size())
      param = &form.params[p];
    else if (!form.params.empty() && form.params.back().variadic)
      param = &form.params.back();
    if (!param)
      break;
    checkArgument(form, calledAs, p, *param, args[i], argTypes[i]);
  }
}

// `---@overload` forms: the call must fit one of them by its number of arguments, and then by the
// types of its arguments. With one form left the problems are reported as for any call; with
// several, only when none of them fits (naming each form and what is wrong with it).
void Walker::checkOverloadedCall(const FunctionSignature& sig, const std::string& calledAs,
                                 size_t offset, std::span<Expr* const> args,
                                 std::span<const TypeRef> argTypes, SourceRange callRange) {
  size_t given = args.size() + offset;
  bool open = !args.empty() && args.back()->isMultiValue();
  std::vector<FunctionSignature> forms{sig};
  forms[0].overloads.clear();
  for (TypeRef overload : sig.overloads) {
    TypeRef t = resolved(overload);
    if (!t || t->kind() != TypeKind::FunctionType)
      return; // a form we cannot read: trust the call
    FunctionSignature form;
    form.qualifiedName = sig.qualifiedName;
    form.where = sig.where;
    form.type = overload;
    for (const types::FunctionParam& p : t->params())
      form.params.push_back(
          {p.name, p.type, p.optional || (p.type && p.type->containsNil()), p.variadic, false, ""});
    forms.push_back(std::move(form));
  }
  std::vector<const FunctionSignature*> fitting;
  for (const FunctionSignature& form : forms) {
    std::optional<size_t> max = form.maxArguments();
    if ((open || given >= form.requiredArguments()) && (!max || given <= *max))
      fitting.push_back(&form);
  }
  if (fitting.empty()) {
    report(severityFor(sig), "wrong-arg-count", callRange,
           fmt::format("no form of {} takes {}", calledAs, plural(given, "argument")));
    return;
  }
  if (fitting.size() == 1) {
    checkArguments(*fitting[0], calledAs, offset, args, argTypes);
    return;
  }
  std::string tried;
  bool certain = true; // every form fails with an error, not just a doubt
  for (const FunctionSignature* form : fitting) {
    std::vector<Problem> problems;
    std::vector<Problem>* outer = capture_;
    unsigned outerLevel = captureLevel_;
    ++quiet_;
    capture_ = &problems;
    captureLevel_ = quiet_;
    checkArguments(*form, calledAs, offset, args, argTypes);
    // A table of named keys is no list, though both are tables to the type check.
    for (size_t i = 0; i < args.size() && i + offset < form->params.size(); ++i) {
      const ParamSignature& param = form->params[i + offset];
      TypeRef want = resolved(param.type);
      const TableExpr* table = tableOf(args[i]);
      if (!want || want->kind() != TypeKind::Array || !table || table->fields.empty())
        continue;
      bool named = std::all_of(table->fields.begin(), table->fields.end(), [](const TableField& f) {
        return f.kind == TableField::Kind::Named;
      });
      if (named)
        problems.push_back(
            {severityFor(sig), fmt::format("{} must be a list, got a table with named keys",
                                           argumentName(i + offset, param))});
    }
    capture_ = outer;
    captureLevel_ = outerLevel;
    --quiet_;
    if (problems.empty())
      return;
    certain = certain && std::any_of(problems.begin(), problems.end(), [](const Problem& p) {
                return p.severity == Severity::Error;
              });
    std::string_view why = problems.front().message;
    if (why.substr(0, calledAs.size() + 2) == calledAs + ": ")
      why.remove_prefix(calledAs.size() + 2);
    tried += fmt::format("{}{} ({})", tried.empty() ? "" : "; ",
                         form->type ? form->type->toString() : calledAs, why);
  }
  report(certain ? severityFor(sig) : Severity::Warning, "arg-type-mismatch", callRange,
         fmt::format("no form of {} fits these arguments: {}", calledAs, tried));
}

// What a parameter or field expects a table literal to be: its one record type (`records`), or
// its one list or map type; nullptr when there is none, or when a union leaves the table free to
// be something else (a list or a record, any table).
static TypeRef soleTableShape(const types::TypeContext& types, TypeRef want, bool records) {
  auto resolve = [&](TypeRef t) {
    return t && t->kind() == TypeKind::Named ? types.resolve(t) : t;
  };
  auto wanted = [&](TypeRef t) {
    return records ? t->kind() == TypeKind::Record
                   : t->kind() == TypeKind::Array || t->kind() == TypeKind::Map;
  };
  TypeRef w = resolve(want);
  if (!w)
    return nullptr;
  if (wanted(w))
    return w;
  if (w->kind() != TypeKind::Union)
    return nullptr;
  TypeRef shape = nullptr;
  for (TypeRef m : w->members()) {
    TypeRef r = resolve(m);
    if (!r)
      return nullptr;
    if (wanted(r)) {
      if (shape)
        return nullptr;
      shape = r;
      continue;
    }
    switch (r->kind()) {
    case TypeKind::Table:
    case TypeKind::Array:
    case TypeKind::Map:
    case TypeKind::Record:
    case TypeKind::Any:
    case TypeKind::Unknown:
      return nullptr;
    default:
      break;
    }
  }
  return shape;
}

static TypeRef recordExpected(const types::TypeContext& types, TypeRef want) {
  return soleTableShape(types, want, true);
}

bool Walker::fitsArgument(const FunctionSignature& sig, TypeRef got, TypeRef want) const {
  // The task and workflow builders take their values as they are (`:retries("3")`,
  // `:description(42)` fail when the script runs); other functions convert arguments as Lua's
  // library does.
  bool builder = sig.qualifiedName.rfind("TaskBuilder:", 0) == 0 ||
                 sig.qualifiedName.rfind("workflow.Builder:", 0) == 0;
  return builder ? types::isStrictlyAssignable(got, want) : types::isAssignable(got, want);
}

bool Walker::fitsOption(const FunctionSignature& sig, TypeRef got, TypeRef want) const {
  // sloth's modules read an option as it is (runtime/Options.cpp): `{ timeout = "5" }` and
  // `{ owner = 0 }` fail when the script runs, though positional arguments are converted as Lua's
  // library converts them. What Lua's library or the script's own functions do with an option
  // table is theirs to judge, so there only a value no conversion makes fit is reported.
  return severityFor(sig) == Severity::Error ? types::isStrictlyAssignable(got, want)
                                             : types::isAssignable(got, want);
}

bool Walker::checkTableElements(const FunctionSignature& sig, const std::string& calledAs,
                                const std::string& what, TypeRef want, const TableExpr* table) {
  TypeRef container = soleTableShape(types_, want, false);
  if (!container)
    return false;
  bool list = container->kind() == TypeKind::Array;
  TypeRef element = list ? container->element() : container->value();
  if (isUnknown(element))
    return true;
  int64_t position = 0;
  for (const TableField& f : table->fields) {
    bool positional = f.kind == TableField::Kind::Positional;
    if (positional)
      ++position;
    if (positional != list || f.value->isMultiValue())
      continue;
    TypeRef computed = peek(f.value);
    TypeRef got = literalType(f.value, computed);
    // Lua converts numbers to strings in many places; a table's elements are the module's to
    // judge (exec.command's list and env take numbers, metrics' labels do not), so only a value
    // no conversion makes fit is certain.
    if (isUnknown(got) || resolved(got)->containsNil() || types::isAssignable(got, element))
      continue;
    const auto* key = positional ? nullptr : f.key->as<StringExpr>();
    std::string where = positional ? fmt::format("element [{}]", position)
                        : key      ? fmt::format("field '{}'", key->value)
                                   : std::string("a value");
    report(severityFor(sig), "arg-type-mismatch", f.value->range,
           fmt::format("{}: {} must be {}; its {} is {}", calledAs, what, expected(want), where,
                       describe(isUnknown(computed) ? got : computed)));
  }
  return true;
}

bool Walker::checkArgument(const FunctionSignature& sig, const std::string& calledAs, size_t index,
                           const ParamSignature& param, const Expr* arg, TypeRef argType) {
  if (!param.type)
    return true;
  // `init? integer` accepts an explicit nil as well as a missing argument.
  TypeRef want = param.optional ? types_.optional(param.type) : param.type;
  if (const TableExpr* table = tableOf(arg))
    if (TypeRef record = recordExpected(types_, want)) {
      // A local that keeps its constructor's keys is as complete as a table written here.
      const auto* local = arg->as<NameExpr>();
      bool complete = table == arg || (local && facts_.isSealedTable(local->local));
      checkTableAgainst(sig, calledAs, record, table, "", complete);
      return true;
    }
  if (const auto* table = arg->as<TableExpr>())
    if (checkTableElements(sig, calledAs, argumentName(index, param), want, table))
      return true;
  if (param.name == "mode" && arg->is<NumberExpr>() && severityFor(sig) == Severity::Error &&
      !types::isStrictlyAssignable(types_.integer(), want)) {
    checkOctalMode(calledAs, "mode", arg, false);
    return true;
  }
  TypeRef got = literalType(arg, argType);
  if (isUnknown(got) || fitsArgument(sig, got, want))
    return true;
  Severity severity = severityFor(sig);
  TypeRef r = resolved(got);
  if (r->kind() == TypeKind::Nil) {
    // Passing a value that is always nil where the signature needs one: certain for sloth's natives
    // and Lua's own library alike (`math.floor(nil)`); the script's own annotations are intent.
    if (sig.where.file.rfind("lua_", 0) == 0)
      severity = Severity::Error;
    report(severity, "possibly-nil", arg->range,
           fmt::format("{}: {} is nil, but {} is required", calledAs, argumentName(index, param),
                       expected(want)));
    return false;
  }
  if (r->containsNil() && fitsArgument(sig, types_.withoutNil(got), want)) {
    report(Severity::Warning, "possibly-nil", arg->range,
           fmt::format("{}: {} may be nil (its type is {}), but {} is required; check it first",
                       calledAs, argumentName(index, param), describe(got), expected(want)));
    return false;
  }
  if (r->kind() == TypeKind::Union)
    for (TypeRef member : r->members())
      if (fitsArgument(sig, member, want)) {
        // Some of the values it may hold fit: a guess, not a certainty.
        report(Severity::Warning, "arg-type-mismatch", arg->range,
               fmt::format("{}: {} must be {}, and this may not be (its type is {})", calledAs,
                           argumentName(index, param), expected(want), describe(got)));
        return false;
      }
  report(severity, "arg-type-mismatch", arg->range,
         fmt::format("{}: {} must be {}, got {}", calledAs, argumentName(index, param),
                     expected(want), describe(got)));
  return false;
}

void Walker::checkTableAgainst(const FunctionSignature& sig, const std::string& calledAs,
                               TypeRef record, const TableExpr* table, const std::string& path,
                               bool literalHere) {
  Severity severity = severityFor(sig);
  bool dynamicKeys = false;
  std::vector<std::string_view> present;
  for (const TableField& f : table->fields) {
    const StringExpr* key =
        f.kind == TableField::Kind::Positional ? nullptr : f.key->as<StringExpr>();
    if (!key) {
      dynamicKeys = true;
      continue;
    }
    present.push_back(key->value);
    std::string full = path.empty() ? key->value : path + "." + key->value;
    const types::Field* decl = types_.findField(record, key->value);
    if (!decl) {
      if (!record->exact())
        continue;
      std::string message = fmt::format("unknown option '{}' for {}", full, calledAs);
      if (std::optional<std::string> fix =
              types::closestName(key->value, types_.fieldNames(record))) {
        message += fmt::format("; did you mean '{}'?", path.empty() ? *fix : path + "." + *fix);
        report(severity, "unknown-option", key->range, std::move(message)).fixIt =
            FixIt{key->range, *fix};
      } else if (std::string longer = onlyNameStartingWith(types_.fieldNames(record),
                                                           key->value + "_");
                 !longer.empty()) { // `status` for `status_code`
        message += fmt::format("; did you mean '{}'?", path.empty() ? longer : path + "." + longer);
        report(severity, "unknown-option", key->range, std::move(message)).fixIt =
            FixIt{key->range, longer};
      } else {
        message += fmt::format(" ({} has no such field)", record->name());
        report(severity, "unknown-option", key->range, std::move(message));
      }
      continue;
    }
    if (const auto* inner = f.value->as<TableExpr>())
      if (TypeRef nested = recordExpected(types_, decl->type)) {
        checkTableAgainst(sig, calledAs, nested, inner, full, true);
        continue;
      }
    if (const auto* inner = f.value->as<TableExpr>();
        inner && checkTableElements(sig, calledAs, "option '" + full + "'", decl->type, inner))
      continue;
    if (key->value == "mode" && f.value->is<NumberExpr>() && severity == Severity::Error &&
        !types::isStrictlyAssignable(types_.integer(), decl->type)) {
      checkOctalMode(calledAs, full, f.value, true);
      continue;
    }
    TypeRef got = literalType(f.value, peek(f.value));
    if (isUnknown(got) || fitsOption(sig, got, decl->type))
      continue;
    if (resolved(got)->containsNil() && fitsOption(sig, types_.withoutNil(got), decl->type)) {
      report(Severity::Warning, "possibly-nil", f.value->range,
             fmt::format("{}: option '{}' may be nil (its type is {})", calledAs, full,
                         describe(got)));
      continue;
    }
    report(severity, "option-value", f.value->range,
           fmt::format("{}: option '{}' must be {}, got {}", calledAs, full, expected(decl->type),
                       describe(got)));
  }
  // A table built elsewhere may get its keys later; one written in the call has them all here.
  if (!literalHere || dynamicKeys)
    return;
  for (const std::string& name : types_.fieldNames(record)) {
    if (std::find(present.begin(), present.end(), name) != present.end())
      continue;
    const types::Field* decl = types_.findField(record, name);
    TypeRef t = resolved(decl ? decl->type : nullptr);
    if (!decl || decl->optional || !t || t->isAnyLike() || t->containsNil())
      continue;
    report(severity, "missing-required-option", {table->range.begin, table->range.begin + 1},
           fmt::format("{}: missing required option '{}'", calledAs,
                       path.empty() ? name : path + "." + name));
  }
}

void Walker::checkOctalMode(const std::string& calledAs, const std::string& what, const Expr* arg,
                            bool optionField) {
  const auto* n = arg->as<NumberExpr>();
  if (!n || !n->isInteger || n->integer < 0)
    return;
  std::string digits = std::to_string(n->integer);
  bool octalLooking = digits.size() >= 3 && digits.size() <= 4 &&
                      digits.find_first_not_of("01234567") == std::string::npos;
  std::string fixed = "\"" + std::string(digits.size() == 3 ? "0" : "") + digits + "\"";
  Diagnostic* d = nullptr;
  if (optionField) {
    // Option tables take the mode as a string only: a number is rejected at run time.
    d = &report(Severity::Error, "octal-mode", arg->range,
                fmt::format("{}: option '{}' must be an octal string such as \"0644\", got the "
                            "number {}{}",
                            calledAs, what, digits,
                            octalLooking ? "; write " + fixed : std::string()));
  } else if (octalLooking) {
    // Lua has no octal literals: 755 works only because it is converted to the string "755".
    d = &report(Severity::Warning, "octal-mode", arg->range,
                fmt::format("{}: file mode written as the number {}; Lua numbers are decimal "
                            "(0755 is 755), so write the mode as a string: {}",
                            calledAs, digits, fixed));
  } else {
    report(Severity::Error, "octal-mode", arg->range,
           fmt::format("{}: {} is not an octal file mode (Lua numbers are decimal); write the "
                       "mode as a string such as \"0644\"",
                       calledAs, digits));
    return;
  }
  if (octalLooking)
    d->fixIt = FixIt{arg->range, fixed};
}

TypeRef Walker::callResult(const FunctionSignature& sig, std::span<Expr* const> args,
                           std::span<const TypeRef> argTypes) {
  // assert(v, ...) returns v, which is not nil or false past the call.
  if (sig.qualifiedName == "assert" && !args.empty()) {
    TypeRef v = argTypes[0];
    return isUnknown(v) ? nullptr : types_.withoutNil(v);
  }
  // os.date("*t") is a table, any other format a string.
  if (sig.qualifiedName == "os.date" && !args.empty())
    if (const auto* format = args[0]->as<StringExpr>()) {
      std::string_view f = format->value;
      bool table = f.substr(0, 2) == "*t" || f.substr(0, 3) == "!*t";
      return table ? types_.named("os.DateTable") : types_.string();
    }
  // A sloth module function without `---@return` returns nothing (infra_test.port, log.info):
  // its result is nil for certain. Lua's library and the script's own annotations may just not say.
  if (sig.returns.empty())
    return severityFor(sig) == Severity::Error ? types_.nil() : nullptr;
  if (sig.returns[0].variadic)
    return nullptr;
  return sig.returns[0].type;
}

} // namespace sloth::check
