#include "sloth/analyzer/types/SignatureLoader.h"

#include "ClassDraft.h"
#include "DefsLines.h"
#include "sloth/analyzer/types/Annotation.h"
#include "sloth/analyzer/types/AnnotationBlock.h"
#include "sloth/analyzer/types/Suggest.h"
#include "sloth/defs/Defs.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <tuple>

namespace sloth::types {

std::string DefsDiagnostic::toString() const {
  std::string where = file + ":" + std::to_string(line);
  if (column > 0)
    where += ":" + std::to_string(column);
  return where + ": error: " + message;
}

namespace {

struct NameUse {
  std::string name;
  std::string file;
  int line = 0;
  int column = 0;
};

// What the annotations of one block say about the function below it.
struct FunctionNotes {
  std::map<std::string, ParamSignature> params;
  std::vector<std::string> paramOrder; // as annotated, to report unknown names in order
  std::map<std::string, int> paramLines;
  std::vector<ReturnSignature> returns;
  std::vector<TypeRef> overloads;
  std::optional<std::string> effectName;
  int effectLine = 0;
  int effectCount = 0;
  std::optional<std::string> plan;
  int planLine = 0;
  int planCount = 0;
  std::optional<std::string> deprecated;
  bool nodiscard = false;
  TypeRef varargType = nullptr;
  bool any = false;       // some function tag was seen
  bool hadErrors = false; // a line did not parse: missing @param lines are not news then
  int firstLine = 0;
};

class Loader {
public:
  SignatureLoad run(std::span<const SignatureSource> files) {
    for (const SignatureSource& f : files)
      readFile(f);
    finishClasses();
    finishModules();
    checkNames();
    types().freeze();
    std::stable_sort(load_.diagnostics.begin(), load_.diagnostics.end(),
                     [](const DefsDiagnostic& a, const DefsDiagnostic& b) {
                       return std::tie(a.file, a.line, a.column) <
                              std::tie(b.file, b.line, b.column);
                     });
    return std::move(load_);
  }

private:
  SignatureRegistry& reg() { return load_.registry; }
  TypeContext& types() { return load_.registry.types(); }

  void error(int line, int column, std::string message) {
    load_.diagnostics.push_back({file_, line, column, std::move(message)});
  }

  void readFile(const SignatureSource& f) {
    file_ = f.name;
    localTables_.clear();
    lastClass_.clear();
    for (const DefsBlock& block : splitDefsBlocks(f.text))
      readBlock(block);
  }

  void readBlock(const DefsBlock& block) {
    AnnotationBlock parsed = readAnnotationBlock(block.comments, types());
    FunctionNotes notes;
    for (const BlockError& e : parsed.errors)
      error(e.line, e.column, e.message);
    notes.hadErrors = !parsed.errors.empty();

    std::string pendingDoc;
    std::string blockClass; // the class this block declared last (for `local X = {}`)
    TypeRef valueType = nullptr;
    ClassDraft* openClass = nullptr;
    bool secretAbove = false; // a @secret waiting for the @field right below it
    int secretLine = 0;
    const LocatedAnnotation* previous = nullptr;
    auto addDoc = [&](const std::string& doc) {
      if (!doc.empty())
        pendingDoc += (pendingDoc.empty() ? "" : "\n") + doc;
    };

    for (const LocatedAnnotation& located : parsed.annotations) {
      const Annotation& a = located.annotation;
      const int line = located.line;
      addDoc(located.docBefore);
      // Prose or a failed line between two annotations breaks "directly above/after".
      bool adjacent = previous && located.docBefore.empty() && previous->line + 1 == line;
      for (const TypeNameUse& use : a.typeNames)
        nameUses_.push_back({use.name, file_, line, use.column});
      if (secretAbove && !(a.tag == AnnotationTag::Field && adjacent)) {
        error(secretLine, 0, "@secret must sit directly above a @field or directly after a @param");
        secretAbove = false;
      }

      switch (a.tag) {
      case AnnotationTag::Meta:
        break;
      case AnnotationTag::Class:
        openClass = declareClass(a, line, std::move(pendingDoc));
        pendingDoc.clear();
        blockClass = a.name;
        break;
      case AnnotationTag::Field:
        if (!openClass) {
          error(line, 0, "@field outside a @class");
          break;
        }
        openClass->addField(a, secretAbove);
        secretAbove = false;
        break;
      case AnnotationTag::Alias:
        declareAlias(a, line, std::move(pendingDoc));
        pendingDoc.clear();
        openClass = nullptr;
        break;
      case AnnotationTag::Type:
        valueType = a.type;
        break;
      case AnnotationTag::Secret:
        if (adjacent && previous->annotation.tag == AnnotationTag::Param &&
            notes.params.count(previous->annotation.name)) {
          notes.params[previous->annotation.name].secret = true;
        } else {
          secretAbove = true;
          secretLine = line;
        }
        break;
      case AnnotationTag::Other:
        error(line, located.column, "unknown tag @" + a.tagName);
        break;
      case AnnotationTag::Generic:
      case AnnotationTag::Cast:
      case AnnotationTag::Enum:
      case AnnotationTag::Diagnostic:
      case AnnotationTag::See:
      case AnnotationTag::Async:
        break;
      default:
        noteFunctionTag(notes, a, line);
        break;
      }
      previous = &located;
    }
    if (secretAbove)
      error(secretLine, 0, "@secret must sit directly above a @field or directly after a @param");
    addDoc(parsed.trailingDoc);

    if (!blockClass.empty())
      lastClass_ = blockClass;
    if (block.subject.empty()) {
      if (notes.any)
        error(notes.firstLine, 0, "function annotations without a `function` line below them");
      return;
    }
    if (auto fn = parseFunctionLine(block.subject)) {
      declareFunction(*fn, notes, block.subjectLine, std::move(pendingDoc));
      return;
    }
    if (notes.any)
      error(notes.firstLine, 0, "function annotations without a `function` line below them");
    if (auto assign = parseAssignmentLine(block.subject))
      declareAssignment(*assign, block.subjectLine, valueType, std::move(pendingDoc), blockClass);
  }

  ClassDraft* declareClass(const Annotation& a, int line, std::string doc) {
    if (classIndex_.count(a.name)) {
      error(line, 0, "class " + a.name + " is declared twice");
      return nullptr;
    }
    for (const std::string& p : a.parents)
      nameUses_.push_back({p, file_, line, 0});
    classIndex_[a.name] = classes_.size();
    classes_.push_back(ClassDraft::fromAnnotation(a, std::move(doc), line));
    classFiles_.push_back(file_);
    return &classes_.back();
  }

  void declareAlias(const Annotation& a, int line, std::string doc) {
    if (!a.type) {
      error(line, 0, "alias " + a.name + " has no type");
      return;
    }
    if (!types().declare(a.name, a.type)) {
      error(line, 0, "type " + a.name + " is declared twice");
      return;
    }
    reg().addAlias({a.name, a.type, std::move(doc), {file_, line}});
    aliasList_.push_back(a.name);
  }

  void noteFunctionTag(FunctionNotes& notes, const Annotation& a, int line) {
    if (!notes.any)
      notes.firstLine = line;
    notes.any = true;
    switch (a.tag) {
    case AnnotationTag::Param: {
      if (notes.params.count(a.name)) {
        error(line, 0, "@param " + a.name + " is declared twice");
        return;
      }
      ParamSignature p;
      p.name = a.name;
      p.type = a.type;
      p.variadic = a.name == "...";
      p.optional =
          a.optional || p.variadic || a.type->containsNil() || a.type->kind() == TypeKind::Any;
      p.doc = a.description;
      notes.params[a.name] = std::move(p);
      notes.paramOrder.push_back(a.name);
      notes.paramLines[a.name] = line;
      break;
    }
    case AnnotationTag::Return:
      for (const ReturnAnnotation& r : a.returns)
        notes.returns.push_back({r.name, r.type, r.variadic, a.description});
      break;
    case AnnotationTag::Overload:
      notes.overloads.push_back(a.type);
      break;
    case AnnotationTag::Effect:
      notes.effectName = a.name;
      notes.effectLine = line;
      ++notes.effectCount;
      break;
    case AnnotationTag::Plan:
      notes.plan = a.planTemplate;
      notes.planLine = line;
      ++notes.planCount;
      break;
    case AnnotationTag::Deprecated:
      notes.deprecated = a.description;
      break;
    case AnnotationTag::Nodiscard:
      notes.nodiscard = true;
      break;
    case AnnotationTag::Vararg:
      notes.varargType = a.type;
      break;
    default:
      break;
    }
  }

  void declareFunction(const FunctionLine& fn, FunctionNotes& notes, int line, std::string doc) {
    FunctionSignature sig;
    sig.name = fn.name;
    sig.method = fn.method;
    sig.doc = std::move(doc);
    sig.where = {file_, line};
    ClassSignature* cls = nullptr;
    if (fn.owner.empty()) {
      sig.qualifiedName = fn.name;
    } else if (auto local = localTables_.find(fn.owner); local != localTables_.end()) {
      sig.owner = local->second;
      sig.qualifiedName = sig.owner + (fn.method ? ":" : ".") + fn.name;
      cls = classFor(sig.owner);
    } else if (reg().mutableModule(fn.owner)) {
      sig.owner = fn.owner;
      sig.qualifiedName = fn.owner + (fn.method ? ":" : ".") + fn.name;
    } else {
      error(line, 0,
            "function " + fn.owner + "." + fn.name + ": " + fn.owner +
                " is neither a module table (`" + fn.owner + " = {}`) nor a class's local table");
      return;
    }
    if (reg().function(sig.qualifiedName)) {
      error(line, 0, sig.qualifiedName + " is declared twice");
      return;
    }

    for (const std::string& name : fn.params) {
      auto it = notes.params.find(name);
      if (it == notes.params.end()) {
        if (name == "..." && notes.varargType) {
          sig.params.push_back({"...", notes.varargType, true, true, false, ""});
          continue;
        }
        if (!notes.hadErrors)
          error(line, 0, sig.qualifiedName + ": parameter " + name + " has no @param");
        sig.params.push_back({name, types().any(), true, name == "...", false, ""});
        continue;
      }
      sig.params.push_back(it->second);
    }
    for (const std::string& name : notes.paramOrder)
      if (std::find(fn.params.begin(), fn.params.end(), name) == fn.params.end())
        error(notes.paramLines[name], 0,
              sig.qualifiedName + ": @param " + name + " is not a parameter of the function");
    sig.returns = std::move(notes.returns);
    sig.overloads = std::move(notes.overloads);
    sig.deprecated = std::move(notes.deprecated);
    sig.nodiscard = notes.nodiscard;
    checkEffectAndPlan(sig, notes, line);

    std::vector<FunctionParam> params;
    for (const ParamSignature& p : sig.params)
      params.push_back({p.name, p.type, p.optional, p.variadic});
    std::vector<FunctionReturn> returns;
    for (const ReturnSignature& r : sig.returns)
      returns.push_back({r.name, r.type, r.variadic});
    sig.type = types().function(std::move(params), std::move(returns));

    const FunctionSignature& stored = reg().addFunction(std::move(sig));
    if (cls) {
      cls->methods.emplace(stored.name, &stored);
    } else if (!stored.owner.empty()) {
      reg().mutableModule(stored.owner)->functions.emplace(stored.name, &stored);
    } else {
      reg().addGlobal({stored.name, GlobalKind::Function, stored.type, nullptr, &stored, nullptr});
    }
  }

  void checkEffectAndPlan(FunctionSignature& sig, const FunctionNotes& notes, int line) {
    if (notes.effectCount == 0) {
      error(line, 0, sig.qualifiedName + " has no @effect");
    } else if (notes.effectCount > 1) {
      error(notes.effectLine, 0, sig.qualifiedName + " has more than one @effect");
    } else if (auto e = parseEffect(*notes.effectName)) {
      sig.effect = e;
    } else {
      error(notes.effectLine, 0,
            "@effect must be one of none|read|write|exec|net, got '" + *notes.effectName + "'");
    }
    if (notes.planCount > 1)
      error(notes.planLine, 0, sig.qualifiedName + " has more than one @plan");
    if (notes.plan)
      sig.planTemplate = notes.plan;
    if (!sig.effect)
      return;
    if (effectNeedsPlan(*sig.effect) && !notes.plan)
      error(line, 0,
            sig.qualifiedName + " has @effect " + std::string(effectName(*sig.effect)) +
                " and needs a @plan");
    if (!effectNeedsPlan(*sig.effect) && notes.plan)
      error(notes.planLine, 0,
            sig.qualifiedName + ": @plan is only for write, exec and net effects");
    if (!notes.plan)
      return;
    // Every {placeholder} must name a parameter, and never a secret one.
    const std::string& plan = *notes.plan;
    for (size_t open = plan.find('{'); open != std::string::npos; open = plan.find('{', open + 1)) {
      size_t close = plan.find('}', open);
      if (close == std::string::npos)
        break;
      std::string name = plan.substr(open + 1, close - open - 1);
      const ParamSignature* p = sig.param(name);
      if (!p)
        error(notes.planLine, 0,
              sig.qualifiedName + ": @plan placeholder {" + name + "} is not a parameter");
      else if (p->secret)
        error(notes.planLine, 0,
              sig.qualifiedName + ": @plan shows the secret parameter {" + name + "}");
    }
  }

  void declareAssignment(const AssignmentLine& a, int line, TypeRef valueType, std::string doc,
                         const std::string& blockClass) {
    if (a.local) {
      // `local TaskBuilder = {}` holds the methods of the class declared above it.
      if (a.emptyTable && !(blockClass.empty() && lastClass_.empty()))
        localTables_[a.target] = blockClass.empty() ? lastClass_ : blockClass;
      return;
    }
    size_t dot = a.target.rfind('.');
    if (dot == std::string::npos && a.emptyTable && !valueType) {
      if (reg().module(a.target)) {
        error(line, 0, "module table " + a.target + " is declared twice");
        return;
      }
      ModuleSignature m;
      m.name = a.target;
      m.doc = std::move(doc);
      m.where = {file_, line};
      reg().addModule(std::move(m));
      return;
    }
    if (!valueType)
      return; // a value without @type declares nothing the checker could use
    ValueSignature v{a.target, valueType, std::move(doc), {file_, line}};
    const ValueSignature& stored = reg().addValue(std::move(v));
    if (dot == std::string::npos) {
      reg().addGlobal({stored.name, GlobalKind::Value, stored.type, nullptr, nullptr, &stored});
      return;
    }
    std::string owner = a.target.substr(0, dot);
    if (ModuleSignature* m = reg().mutableModule(owner))
      m->values.emplace(a.target.substr(dot + 1), &stored);
    else
      error(line, 0, a.target + ": " + owner + " is not a module table");
  }

  ClassSignature* classFor(const std::string& name) {
    if (ClassSignature* c = reg().mutableClass(name))
      return c;
    ClassSignature c;
    c.name = name;
    return &reg().addClass(std::move(c));
  }

  // Classes become types once every file is read, so methods declared after a class join it.
  void finishClasses() {
    for (size_t i = 0; i < classes_.size(); ++i) {
      const ClassDraft& draft = classes_[i];
      ClassSignature* cls = classFor(draft.name);
      std::vector<Field> methods;
      for (const auto& [name, method] : cls->methods)
        methods.push_back({name, method->type, false, false, method->doc});
      cls->type = draft.makeRecord(types(), methods);
      cls->exact = draft.exact;
      cls->doc = draft.doc;
      cls->where = {classFiles_[i], draft.line};
      if (!types().declare(draft.name, cls->type)) {
        file_ = classFiles_[i];
        error(draft.line, 0, "type " + draft.name + " is declared twice");
      }
    }
  }

  void finishModules() {
    for (const std::string& name : reg().moduleNames()) {
      ModuleSignature* m = reg().mutableModule(name);
      RecordSpec spec;
      spec.name = name;
      spec.exact = true;
      spec.doc = m->doc;
      for (const auto& [fname, f] : m->functions)
        spec.fields.push_back({fname, f->type, false, false, f->doc});
      for (const auto& [vname, v] : m->values)
        spec.fields.push_back({vname, v->type, false, false, v->doc});
      m->type = types().record(std::move(spec));
      reg().addGlobal({name, GlobalKind::Module, m->type, m, nullptr, nullptr});
    }
  }

  void checkNames() {
    std::vector<std::string> known;
    for (const ClassDraft& c : classes_)
      known.push_back(c.name);
    known.insert(known.end(), aliasList_.begin(), aliasList_.end());
    for (const NameUse& use : nameUses_) {
      if (types().lookup(use.name) || types().builtin(use.name))
        continue;
      std::string message = "unknown type '" + use.name + "'";
      if (auto fix = closestName(use.name, known))
        message += "; did you mean '" + *fix + "'?";
      load_.diagnostics.push_back({use.file, use.line, use.column, message});
    }
  }

  SignatureLoad load_;
  std::string file_;
  std::map<std::string, std::string> localTables_; // local table -> class, per file
  std::string lastClass_;
  std::deque<ClassDraft> classes_;
  std::vector<std::string> classFiles_; // the file of each class, by index
  std::map<std::string, size_t> classIndex_;
  std::vector<NameUse> nameUses_;
  std::vector<std::string> aliasList_;
};

} // namespace

SignatureLoad loadSignatures(std::span<const SignatureSource> files) {
  return Loader().run(files);
}

SignatureLoad loadSignatures(std::span<const EmbeddedFile> files) {
  std::vector<SignatureSource> sources;
  for (const EmbeddedFile& f : files)
    sources.push_back({f.name, f.contents});
  return loadSignatures(sources);
}

const SignatureRegistry& builtinSignatures() {
  static const SignatureRegistry registry = loadSignatures(defs::files()).registry;
  return registry;
}

} // namespace sloth::types
