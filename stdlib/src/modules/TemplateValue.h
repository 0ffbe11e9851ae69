#pragma once
// The values a template works on: the variables converted from Lua once per render, with
// Python's (Jinja2's) rules for truth and for how a value prints, so a template renders as
// Jinja2 renders it.

#include "sloth/vm/State.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace sloth::stdlib::modules {

struct TemplateValue;
using TemplateList = std::vector<TemplateValue>;
using TemplateMap = std::map<std::string, TemplateValue>;

struct TemplateValue {
  struct Undefined {
    std::string name; // what the template called it, for the error
  };
  struct None {};
  std::variant<Undefined, None, bool, std::int64_t, double, std::string,
               std::shared_ptr<TemplateList>, std::shared_ptr<TemplateMap>>
      v = None{};

  bool isUndefined() const { return std::holds_alternative<Undefined>(v); }
  const std::string* string() const { return std::get_if<std::string>(&v); }
  const TemplateList* list() const {
    auto* p = std::get_if<std::shared_ptr<TemplateList>>(&v);
    return p ? p->get() : nullptr;
  }
  const TemplateMap* map() const {
    auto* p = std::get_if<std::shared_ptr<TemplateMap>>(&v);
    return p ? p->get() : nullptr;
  }
  bool isNumber() const {
    return std::holds_alternative<std::int64_t>(v) || std::holds_alternative<double>(v);
  }
  double number() const {
    if (auto* i = std::get_if<std::int64_t>(&v))
      return static_cast<double>(*i);
    if (auto* d = std::get_if<double>(&v))
      return *d;
    return 0;
  }

  static TemplateValue undefined(std::string name) { return {Undefined{std::move(name)}}; }
  static TemplateValue of(std::string s) { return {std::move(s)}; }
  static TemplateValue of(TemplateList list) {
    return {std::make_shared<TemplateList>(std::move(list))};
  }
  static TemplateValue of(TemplateMap map) {
    return {std::make_shared<TemplateMap>(std::move(map))};
  }
};

/// The value at `index`: sequences become lists, other tables maps (keys as strings), functions
/// and userdata their tostring text. Throws TemplateError for a table that contains itself.
TemplateValue templateValueFromLua(vm::Thread& L, int index);

/// The variables argument at `index` (a table with string keys; nil means none).
TemplateMap templateVariables(vm::Thread& L, int index);

/// Python's truth: None, False, 0, "" and empty collections are false.
bool isTruthy(const TemplateValue& value);

/// str(value) as Jinja2 prints it: True, None, 1.0, ['a', 1], {'k': 'v'}.
std::string displayText(const TemplateValue& value);

/// Python's ==, with 1 == 1.0.
bool valuesEqual(const TemplateValue& a, const TemplateValue& b);

} // namespace sloth::stdlib::modules
