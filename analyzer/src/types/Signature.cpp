#include "sloth/analyzer/types/Signature.h"

namespace sloth::types {

std::string_view effectName(Effect effect) {
  switch (effect) {
  case Effect::None:
    return "none";
  case Effect::Read:
    return "read";
  case Effect::Write:
    return "write";
  case Effect::Exec:
    return "exec";
  case Effect::Net:
    return "net";
  }
  return "none";
}

std::optional<Effect> parseEffect(std::string_view name) {
  for (Effect e : {Effect::None, Effect::Read, Effect::Write, Effect::Exec, Effect::Net})
    if (effectName(e) == name)
      return e;
  return std::nullopt;
}

bool effectNeedsPlan(Effect effect) {
  return effect == Effect::Write || effect == Effect::Exec || effect == Effect::Net;
}

size_t FunctionSignature::requiredArguments() const {
  size_t required = 0;
  for (size_t i = 0; i < params.size(); ++i)
    if (!params[i].optional && !params[i].variadic)
      required = i + 1;
  return required;
}

std::optional<size_t> FunctionSignature::maxArguments() const {
  for (const ParamSignature& p : params)
    if (p.variadic)
      return std::nullopt;
  return params.size();
}

const ParamSignature* FunctionSignature::param(std::string_view paramName) const {
  for (const ParamSignature& p : params)
    if (p.name == paramName)
      return &p;
  return nullptr;
}

} // namespace sloth::types
