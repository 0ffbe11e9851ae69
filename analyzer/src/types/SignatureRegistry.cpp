#include "sloth/analyzer/types/SignatureRegistry.h"

#include "sloth/analyzer/types/Suggest.h"

namespace sloth::types {

SignatureRegistry::SignatureRegistry() : types_(std::make_unique<TypeContext>()) {}
SignatureRegistry::SignatureRegistry(SignatureRegistry&&) noexcept = default;
SignatureRegistry& SignatureRegistry::operator=(SignatureRegistry&&) noexcept = default;
SignatureRegistry::~SignatureRegistry() = default;

namespace {

template <typename Map> auto find(const Map& map, std::string_view key) {
  auto it = map.find(key);
  return it == map.end() ? nullptr : it->second;
}

template <typename Map> std::vector<std::string> keys(const Map& map) {
  std::vector<std::string> out;
  out.reserve(map.size());
  for (const auto& entry : map)
    out.push_back(entry.first);
  return out;
}

} // namespace

const ModuleSignature* SignatureRegistry::module(std::string_view name) const {
  return find(modules_, name);
}

const FunctionSignature* SignatureRegistry::function(std::string_view qualifiedName) const {
  if (const FunctionSignature* f = find(functions_, qualifiedName))
    return f;
  // `TaskBuilder.timeout` names the method `TaskBuilder:timeout`.
  size_t dot = qualifiedName.rfind('.');
  if (dot != std::string_view::npos)
    return method(qualifiedName.substr(0, dot), qualifiedName.substr(dot + 1));
  return nullptr;
}

const FunctionSignature* SignatureRegistry::function(std::string_view moduleName,
                                                     std::string_view name) const {
  const ModuleSignature* m = module(moduleName);
  return m ? find(m->functions, name) : nullptr;
}

const FunctionSignature* SignatureRegistry::method(std::string_view className,
                                                   std::string_view name) const {
  const ClassSignature* c = classNamed(className);
  return c ? find(c->methods, name) : nullptr;
}

const ClassSignature* SignatureRegistry::classNamed(std::string_view name) const {
  return find(classes_, name);
}

const AliasSignature* SignatureRegistry::alias(std::string_view name) const {
  return find(aliases_, name);
}

TypeRef SignatureRegistry::typeNamed(std::string_view name) const {
  TypeRef t = types_->lookup(name);
  return t ? types_->resolve(t) : nullptr;
}

const GlobalSignature* SignatureRegistry::global(std::string_view name) const {
  auto it = globals_.find(name);
  return it == globals_.end() ? nullptr : &it->second;
}

std::vector<std::string> SignatureRegistry::globalNames() const {
  return keys(globals_);
}
std::vector<std::string> SignatureRegistry::moduleNames() const {
  return keys(modules_);
}

std::vector<const FunctionSignature*> SignatureRegistry::functions() const {
  std::vector<const FunctionSignature*> out;
  for (const auto& [name, f] : functions_)
    out.push_back(f);
  return out;
}

std::vector<const ClassSignature*> SignatureRegistry::classes() const {
  std::vector<const ClassSignature*> out;
  for (const auto& [name, c] : classes_)
    out.push_back(c);
  return out;
}

std::optional<std::string> SignatureRegistry::suggestGlobal(std::string_view name) const {
  return closestName(name, globalNames());
}

std::optional<std::string>
SignatureRegistry::suggestFunction(std::string_view qualifiedName) const {
  // `TaskBuilder:timout` -> `TaskBuilder:timeout`.
  if (size_t colon = qualifiedName.rfind(':'); colon != std::string_view::npos) {
    const ClassSignature* c = classNamed(qualifiedName.substr(0, colon));
    if (!c)
      return std::nullopt;
    std::optional<std::string> fixed =
        closestName(qualifiedName.substr(colon + 1), keys(c->methods));
    return fixed ? std::optional(c->name + ":" + *fixed) : std::nullopt;
  }
  size_t dot = qualifiedName.rfind('.');
  if (dot == std::string_view::npos)
    return suggestGlobal(qualifiedName);
  std::string_view moduleName = qualifiedName.substr(0, dot);
  std::string_view name = qualifiedName.substr(dot + 1);
  const ModuleSignature* m = module(moduleName);
  if (!m) {
    // `pgk.install` -> `pkg.install`, when the fixed module has that function.
    std::optional<std::string> fixed = closestName(moduleName, moduleNames());
    if (fixed && function(*fixed, name))
      return *fixed + "." + std::string(name);
    return std::nullopt;
  }
  std::vector<std::string> names = keys(m->functions);
  for (const auto& [valueName, v] : m->values)
    names.push_back(valueName);
  std::optional<std::string> fixed = closestName(name, names);
  if (!fixed)
    return std::nullopt;
  return std::string(moduleName) + "." + *fixed;
}

std::optional<std::string> SignatureRegistry::suggestField(TypeRef record,
                                                           std::string_view name) const {
  return closestName(name, types_->fieldNames(record));
}

FunctionSignature& SignatureRegistry::addFunction(FunctionSignature signature) {
  functionStore_.push_back(std::move(signature));
  FunctionSignature& f = functionStore_.back();
  functions_.emplace(f.qualifiedName, &f);
  return f;
}

ModuleSignature& SignatureRegistry::addModule(ModuleSignature module) {
  moduleStore_.push_back(std::move(module));
  ModuleSignature& m = moduleStore_.back();
  modules_.emplace(m.name, &m);
  return m;
}

ModuleSignature* SignatureRegistry::mutableModule(std::string_view name) {
  auto it = modules_.find(name);
  return it == modules_.end() ? nullptr : it->second;
}

ClassSignature& SignatureRegistry::addClass(ClassSignature cls) {
  classStore_.push_back(std::move(cls));
  ClassSignature& c = classStore_.back();
  classes_.emplace(c.name, &c);
  return c;
}

ClassSignature* SignatureRegistry::mutableClass(std::string_view name) {
  auto it = classes_.find(name);
  return it == classes_.end() ? nullptr : it->second;
}

AliasSignature& SignatureRegistry::addAlias(AliasSignature alias) {
  aliasStore_.push_back(std::move(alias));
  AliasSignature& a = aliasStore_.back();
  aliases_.emplace(a.name, &a);
  return a;
}

ValueSignature& SignatureRegistry::addValue(ValueSignature value) {
  valueStore_.push_back(std::move(value));
  return valueStore_.back();
}

void SignatureRegistry::addGlobal(GlobalSignature global) {
  std::string name = global.name;
  globals_.insert_or_assign(std::move(name), std::move(global));
}

} // namespace sloth::types
