#include "TemplateValue.h"

#include "DataLuaTables.h"
#include "TemplateError.h"

#include <charconv>
#include <cmath>
#include <unordered_set>

namespace sloth::stdlib::modules {

namespace {

TemplateValue convert(vm::Thread& L, int index, std::unordered_set<const void*>& active) {
  L.checkStack(4);
  switch (L.type(index)) {
  case vm::Type::None:
  case vm::Type::Nil:
    return {};
  case vm::Type::Boolean:
    return {L.toBoolean(index)};
  case vm::Type::Number:
    if (L.isInteger(index))
      return {L.toInteger(index)};
    return {L.toNumber(index)};
  case vm::Type::String: {
    std::string_view s;
    L.toStringView(index, s);
    return TemplateValue::of(std::string(s));
  }
  case vm::Type::Table: {
    if (active.size() >= kMaxTableNesting)
      throw TemplateError(0, "a variable holds tables nested more than " +
                                 std::to_string(kMaxTableNesting) + " levels deep");
    if (!active.insert(L.toPointer(index)).second)
      throw TemplateError(0, "a variable is a table that contains itself");
    TemplateValue result;
    if (isSequence(L, index)) {
      TemplateList list;
      std::size_t n = L.rawLen(index);
      for (std::size_t i = 1; i <= n; i++) {
        L.rawGetI(index, static_cast<std::int64_t>(i));
        list.push_back(convert(L, L.top(), active));
        L.pop();
      }
      result = TemplateValue::of(std::move(list));
    } else {
      TemplateMap map;
      L.pushNil();
      while (L.next(index)) {
        std::string key;
        if (L.type(-2) == vm::Type::String) {
          std::string_view view;
          L.toStringView(-2, view);
          key = view;
        } else {
          key = std::string(L.toDisplayString(-2));
          L.pop();
        }
        map[key] = convert(L, L.top(), active);
        L.pop();
      }
      result = TemplateValue::of(std::move(map));
    }
    active.erase(L.toPointer(index));
    return result;
  }
  default: {
    std::string text(L.toDisplayString(index));
    L.pop();
    return TemplateValue::of(text);
  }
  }
}

std::string pythonRepr(const TemplateValue& value) {
  if (const std::string* s = value.string()) {
    std::string out = "'";
    for (char c : *s) {
      if (c == '\'' || c == '\\')
        out += '\\';
      out += c;
    }
    return out + "'";
  }
  return displayText(value);
}

} // namespace

TemplateValue templateValueFromLua(vm::Thread& L, int index) {
  std::unordered_set<const void*> active;
  return convert(L, L.absIndex(index), active);
}

TemplateMap templateVariables(vm::Thread& L, int index) {
  if (L.isNoneOrNil(index))
    return {};
  TemplateValue variables = templateValueFromLua(L, index);
  if (const TemplateMap* map = variables.map())
    return *map;
  throw TemplateError(0, std::string("the variables must be a table with string keys, got a ") +
                             (variables.list() ? "list" : L.typeNameAt(index)));
}

bool isTruthy(const TemplateValue& value) {
  return std::visit(
      [](const auto& x) -> bool {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, TemplateValue::Undefined> ||
                      std::is_same_v<T, TemplateValue::None>)
          return false;
        else if constexpr (std::is_same_v<T, bool>)
          return x;
        else if constexpr (std::is_same_v<T, std::int64_t> || std::is_same_v<T, double>)
          return x != 0;
        else if constexpr (std::is_same_v<T, std::string>)
          return !x.empty();
        else
          return !x->empty();
      },
      value.v);
}

std::string displayText(const TemplateValue& value) {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, TemplateValue::Undefined>)
          return "";
        else if constexpr (std::is_same_v<T, TemplateValue::None>)
          return "None";
        else if constexpr (std::is_same_v<T, bool>)
          return x ? "True" : "False";
        else if constexpr (std::is_same_v<T, std::int64_t>)
          return std::to_string(x);
        else if constexpr (std::is_same_v<T, double>) {
          if (x != x)
            return "nan";
          if (x == HUGE_VAL || x == -HUGE_VAL)
            return x > 0 ? "inf" : "-inf";
          char buffer[64];
          auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, x);
          std::string text(buffer, end);
          if (text.find_first_of(".e") == std::string::npos)
            text += ".0"; // Python's repr of a whole float
          return text;
        } else if constexpr (std::is_same_v<T, std::string>)
          return x;
        else if constexpr (std::is_same_v<T, std::shared_ptr<TemplateList>>) {
          std::string out = "[";
          for (std::size_t i = 0; i < x->size(); i++)
            out += (i ? ", " : "") + pythonRepr((*x)[i]);
          return out + "]";
        } else {
          std::string out = "{";
          bool first = true;
          for (const auto& [k, item] : *x) {
            out += (first ? "" : ", ") + pythonRepr(TemplateValue::of(k)) + ": " + pythonRepr(item);
            first = false;
          }
          return out + "}";
        }
      },
      value.v);
}

bool valuesEqual(const TemplateValue& a, const TemplateValue& b) {
  if (a.isNumber() && b.isNumber())
    return a.number() == b.number();
  if (std::holds_alternative<bool>(a.v) || std::holds_alternative<bool>(b.v))
    return a.v.index() == b.v.index() && std::get<bool>(a.v) == std::get<bool>(b.v);
  if (a.string() && b.string())
    return *a.string() == *b.string();
  if (a.list() && b.list()) {
    if (a.list()->size() != b.list()->size())
      return false;
    for (std::size_t i = 0; i < a.list()->size(); i++)
      if (!valuesEqual((*a.list())[i], (*b.list())[i]))
        return false;
    return true;
  }
  if (a.map() && b.map()) {
    if (a.map()->size() != b.map()->size())
      return false;
    for (const auto& [k, item] : *a.map()) {
      auto found = b.map()->find(k);
      if (found == b.map()->end() || !valuesEqual(item, found->second))
        return false;
    }
    return true;
  }
  return std::holds_alternative<TemplateValue::None>(a.v) &&
         std::holds_alternative<TemplateValue::None>(b.v);
}

} // namespace sloth::stdlib::modules
