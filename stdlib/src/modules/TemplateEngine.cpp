#include "TemplateEngine.h"

#include "TemplateError.h"
#include "TemplateSyntax.h"
#include "sloth/stdlib/text/LibError.h"
#include "sloth/stdlib/text/StringBasics.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

namespace sloth::stdlib::modules {

namespace {

[[noreturn]] void fail(int line, const std::string& message) {
  throw TemplateError(line, message);
}

const char* typeName(const TemplateValue& value) {
  switch (value.v.index()) {
  case 0:
    return "undefined";
  case 1:
    return "none";
  case 2:
    return "boolean";
  case 3:
  case 4:
    return "number";
  case 5:
    return "string";
  case 6:
    return "list";
  default:
    return "mapping";
  }
}

std::size_t utf8Length(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

class Renderer {
public:
  explicit Renderer(const TemplateMap& variables) { scopes.push_back(variables); }

  void render(const TemplateBody& body, std::string& out) {
    for (const auto& node : body)
      renderNode(*node, out);
  }

private:
  const TemplateValue& defined(const TemplateValue& value, int line) {
    if (auto* undefined = std::get_if<TemplateValue::Undefined>(&value.v))
      fail(line, "undefined variable '" + undefined->name + "'");
    return value;
  }

  void renderNode(const TemplateNode& node, std::string& out) {
    switch (node.kind) {
    case TemplateNode::Kind::Text:
      out += node.text;
      return;
    case TemplateNode::Kind::Output:
      out += displayText(defined(evaluate(*node.conditions[0]), node.line));
      return;
    case TemplateNode::Kind::Set:
      scopes.back()[node.text] = evaluate(*node.conditions[0]);
      return;
    case TemplateNode::Kind::If:
      for (std::size_t i = 0; i < node.conditions.size(); i++)
        if (isTruthy(evaluate(*node.conditions[i]))) {
          render(node.bodies[i], out);
          return;
        }
      if (node.bodies.size() > node.conditions.size())
        render(node.bodies.back(), out);
      return;
    case TemplateNode::Kind::For:
      renderFor(node, out);
      return;
    }
  }

  TemplateList iterationItems(const TemplateValue& iterable, int line) {
    if (const TemplateList* list = iterable.list())
      return *list;
    if (const TemplateMap* map = iterable.map()) {
      TemplateList keys;
      for (const auto& entry : *map)
        keys.push_back(TemplateValue::of(entry.first));
      return keys;
    }
    if (const std::string* s = iterable.string()) {
      TemplateList characters;
      for (char c : *s)
        characters.push_back(TemplateValue::of(std::string(1, c)));
      return characters;
    }
    if (std::holds_alternative<TemplateValue::None>(iterable.v))
      fail(line, "cannot loop over none");
    fail(line, std::string("cannot loop over a ") + typeName(iterable));
  }

  void renderFor(const TemplateNode& node, std::string& out) {
    TemplateList items =
        iterationItems(defined(evaluate(*node.conditions[0]), node.line), node.line);
    if (items.empty()) {
      if (node.bodies.size() > 1)
        render(node.bodies[1], out);
      return;
    }
    auto length = static_cast<std::int64_t>(items.size());
    for (std::int64_t i = 0; i < length; i++) {
      TemplateMap scope;
      const TemplateValue& item = items[static_cast<std::size_t>(i)];
      if (node.targets.size() == 1) {
        scope[node.targets[0]] = item;
      } else {
        const TemplateList* parts = item.list();
        if (parts == nullptr || parts->size() != node.targets.size())
          fail(node.line, "cannot unpack " + displayText(item) + " into " +
                              std::to_string(node.targets.size()) + " variables");
        for (std::size_t t = 0; t < node.targets.size(); t++)
          scope[node.targets[t]] = (*parts)[t];
      }
      TemplateMap loop;
      loop["index"] = {i + 1};
      loop["index0"] = {i};
      loop["revindex"] = {length - i};
      loop["revindex0"] = {length - i - 1};
      loop["first"] = {i == 0};
      loop["last"] = {i == length - 1};
      loop["length"] = {length};
      scope["loop"] = TemplateValue::of(std::move(loop));
      scopes.push_back(std::move(scope));
      render(node.bodies[0], out);
      scopes.pop_back();
    }
  }

  TemplateValue lookup(const std::string& name) {
    for (auto scope = scopes.rbegin(); scope != scopes.rend(); ++scope)
      if (auto found = scope->find(name); found != scope->end())
        return found->second;
    return TemplateValue::undefined(name);
  }

  TemplateValue literal(const TemplateExpr& e) {
    switch (e.literalKind) {
    case TemplateExpr::LiteralKind::None:
      return {};
    case TemplateExpr::LiteralKind::Boolean:
      return {e.text == "true"};
    case TemplateExpr::LiteralKind::Integer:
      return {static_cast<std::int64_t>(std::strtoll(e.text.c_str(), nullptr, 10))};
    case TemplateExpr::LiteralKind::Float:
      return {std::strtod(e.text.c_str(), nullptr)};
    case TemplateExpr::LiteralKind::String:
      return TemplateValue::of(e.text);
    }
    return {};
  }

  // The name an undefined attribute or item gets in messages: "server.port".
  static std::string describe(const TemplateExpr& e) {
    switch (e.kind) {
    case TemplateExpr::Kind::Name:
      return e.text;
    case TemplateExpr::Kind::Attribute:
      return describe(*e.operands[0]) + "." + e.text;
    case TemplateExpr::Kind::Index:
      return describe(*e.operands[0]) + "[...]";
    default:
      return "value";
    }
  }

  TemplateValue attribute(const TemplateExpr& e) {
    TemplateValue object = defined(evaluate(*e.operands[0]), e.line);
    if (const TemplateMap* map = object.map())
      if (auto found = map->find(e.text); found != map->end())
        return found->second;
    return TemplateValue::undefined(describe(e));
  }

  TemplateValue index(const TemplateExpr& e) {
    TemplateValue object = defined(evaluate(*e.operands[0]), e.line);
    TemplateValue key = defined(evaluate(*e.operands[1]), e.line);
    if (const TemplateList* list = object.list();
        list && std::holds_alternative<std::int64_t>(key.v)) {
      auto i = std::get<std::int64_t>(key.v);
      if (i < 0)
        i += static_cast<std::int64_t>(list->size());
      if (i >= 0 && i < static_cast<std::int64_t>(list->size()))
        return (*list)[static_cast<std::size_t>(i)];
    }
    if (const TemplateMap* map = object.map())
      if (auto found = map->find(displayText(key)); found != map->end())
        return found->second;
    return TemplateValue::undefined(describe(*e.operands[0]) + "[" + displayText(key) + "]");
  }

  TemplateValue call(const TemplateExpr& e) {
    const TemplateExpr& method = *e.operands[0];
    TemplateValue object = defined(evaluate(*method.operands[0]), e.line);
    const TemplateMap* map = object.map();
    if (map == nullptr)
      fail(e.line, "'" + method.text + "()' needs a mapping, got a " + typeName(object));
    TemplateList result;
    for (const auto& [key, value] : *map) {
      if (method.text == "items")
        result.push_back(TemplateValue::of(TemplateList{TemplateValue::of(key), value}));
      else if (method.text == "keys")
        result.push_back(TemplateValue::of(key));
      else if (method.text == "values")
        result.push_back(value);
      else
        fail(e.line, "unknown method '" + method.text + "()' (items, keys and values exist)");
    }
    return TemplateValue::of(std::move(result));
  }

  TemplateValue test(const TemplateExpr& e) {
    TemplateValue value = evaluate(*e.operands[0]);
    bool result;
    if (e.text == "defined")
      result = !value.isUndefined();
    else if (e.text == "undefined")
      result = value.isUndefined();
    else if (e.text == "none")
      result = std::holds_alternative<TemplateValue::None>(defined(value, e.line).v);
    else if (e.text == "number")
      result = defined(value, e.line).isNumber();
    else if (e.text == "string")
      result = defined(value, e.line).string() != nullptr;
    else if (e.text == "mapping")
      result = defined(value, e.line).map() != nullptr;
    else if (e.text == "even" || e.text == "odd") {
      if (!std::holds_alternative<std::int64_t>(defined(value, e.line).v))
        fail(e.line, "'" + e.text + "' needs an integer");
      result = (std::get<std::int64_t>(value.v) % 2 == 0) == (e.text == "even");
    } else
      fail(e.line, "unknown test '" + e.text + "'");
    return {result != e.negate};
  }

  std::string stringArgument(const TemplateExpr& e, std::size_t i, const std::string& fallback) {
    if (i >= e.operands.size())
      return fallback;
    return displayText(defined(evaluate(*e.operands[i]), e.line));
  }

  TemplateValue filter(const TemplateExpr& e) {
    const std::string& name = e.text;
    TemplateValue value = evaluate(*e.operands[0]);
    if (name == "default" || name == "d") {
      bool falsy = e.operands.size() > 2 && isTruthy(evaluate(*e.operands[2]));
      if (value.isUndefined() || (falsy && !isTruthy(value)))
        return e.operands.size() > 1 ? evaluate(*e.operands[1]) : TemplateValue::of(std::string());
      return value;
    }
    defined(value, e.line);
    if (name == "upper" || name == "lower" || name == "capitalize" || name == "title" ||
        name == "trim") {
      std::string s = displayText(value);
      if (name == "upper")
        std::transform(s.begin(), s.end(), s.begin(),
                       [](unsigned char c) { return std::toupper(c); });
      else if (name == "lower")
        std::transform(s.begin(), s.end(), s.begin(),
                       [](unsigned char c) { return std::tolower(c); });
      else if (name == "capitalize")
        for (std::size_t i = 0; i < s.size(); i++)
          s[i] = static_cast<char>(i == 0 ? std::toupper(static_cast<unsigned char>(s[i]))
                                          : std::tolower(static_cast<unsigned char>(s[i])));
      else if (name == "title") {
        bool start = true;
        for (char& c : s) {
          auto u = static_cast<unsigned char>(c);
          c = static_cast<char>(start ? std::toupper(u) : std::tolower(u));
          start = !std::isalnum(u);
        }
      } else {
        std::size_t first = s.find_first_not_of(" \t\n\r\v\f");
        std::size_t last = s.find_last_not_of(" \t\n\r\v\f");
        s = first == std::string::npos ? "" : s.substr(first, last - first + 1);
      }
      return TemplateValue::of(s);
    }
    if (name == "replace") {
      std::string s = displayText(value);
      std::string from = stringArgument(e, 1, "");
      std::string to = stringArgument(e, 2, "");
      std::string result;
      if (from.empty())
        return TemplateValue::of(s);
      std::size_t pos = 0;
      for (std::size_t found; (found = s.find(from, pos)) != std::string::npos;
           pos = found + from.size())
        result += s.substr(pos, found - pos) + to;
      return TemplateValue::of(result + s.substr(pos));
    }
    if (name == "length" || name == "count") {
      if (const std::string* s = value.string())
        return {static_cast<std::int64_t>(utf8Length(*s))};
      if (const TemplateList* list = value.list())
        return {static_cast<std::int64_t>(list->size())};
      if (const TemplateMap* map = value.map())
        return {static_cast<std::int64_t>(map->size())};
      fail(e.line,
           std::string("'length' needs a string, list or mapping, got a ") + typeName(value));
    }
    if (name == "join" || name == "first" || name == "last" || name == "sort" ||
        name == "reverse") {
      TemplateList items = iterationItems(value, e.line);
      if (name == "join") {
        std::string separator = stringArgument(e, 1, "");
        std::string result;
        for (std::size_t i = 0; i < items.size(); i++)
          result += (i ? separator : "") + displayText(items[i]);
        return TemplateValue::of(result);
      }
      if (name == "first" || name == "last") {
        if (items.empty())
          return TemplateValue::undefined("first item of an empty sequence");
        return name == "first" ? items.front() : items.back();
      }
      if (name == "reverse") {
        if (const std::string* s = value.string())
          return TemplateValue::of(std::string(s->rbegin(), s->rend()));
        std::reverse(items.begin(), items.end());
        return TemplateValue::of(std::move(items));
      }
      std::stable_sort(
          items.begin(), items.end(),
          [&](const TemplateValue& a, const TemplateValue& b) { return lessThan(a, b, e.line); });
      return TemplateValue::of(std::move(items));
    }
    if (name == "string")
      return TemplateValue::of(displayText(value));
    if (name == "int") {
      if (const std::string* s = value.string())
        return {static_cast<std::int64_t>(std::strtod(s->c_str(), nullptr))};
      if (value.isNumber() || std::holds_alternative<bool>(value.v))
        return {static_cast<std::int64_t>(
            std::holds_alternative<bool>(value.v) ? std::get<bool>(value.v) : value.number())};
      return {std::int64_t{0}};
    }
    if (name == "float") {
      if (const std::string* s = value.string())
        return {std::strtod(s->c_str(), nullptr)};
      return {value.number()};
    }
    if (name == "abs") {
      if (auto* i = std::get_if<std::int64_t>(&value.v))
        return {*i < 0 ? -*i : *i};
      return {std::fabs(value.number())};
    }
    fail(e.line, "unknown filter '" + name + "'");
  }

  bool lessThan(const TemplateValue& a, const TemplateValue& b, int line) {
    if (a.isNumber() && b.isNumber())
      return a.number() < b.number();
    if (a.string() && b.string())
      return *a.string() < *b.string();
    fail(line, std::string("cannot compare a ") + typeName(a) + " with a " + typeName(b));
  }

  TemplateValue arithmetic(const std::string& op, const TemplateValue& a, const TemplateValue& b,
                           int line) {
    auto* ai = std::get_if<std::int64_t>(&a.v);
    auto* bi = std::get_if<std::int64_t>(&b.v);
    if (op == "+" && a.string() && b.string())
      return TemplateValue::of(*a.string() + *b.string());
    if (op == "+" && a.list() && b.list()) {
      TemplateList joined = *a.list();
      joined.insert(joined.end(), b.list()->begin(), b.list()->end());
      return TemplateValue::of(std::move(joined));
    }
    if (op == "*" && a.string() && bi) {
      // string.rep's: built by doubling, and refused past 2 GiB (a loop of `n` appends ran for
      // minutes on 'a' * 100000000000).
      try {
        return TemplateValue::of(text::stringRep(*a.string(), *bi));
      } catch (const text::LibError& e) {
        fail(line, std::string("'*' of a string: ") + e.what());
      }
    }
    if (!a.isNumber() || !b.isNumber())
      fail(line, "cannot apply '" + op + "' to a " + typeName(a) + " and a " + typeName(b));
    if (op == "/") {
      if (b.number() == 0)
        fail(line, "division by zero");
      return {a.number() / b.number()};
    }
    if (ai && bi) {
      if ((op == "//" || op == "%") && *bi == 0)
        fail(line, "division by zero");
      if (op == "+")
        return {*ai + *bi};
      if (op == "-")
        return {*ai - *bi};
      if (op == "*")
        return {*ai * *bi};
      std::int64_t q = *ai / *bi;
      if ((*ai % *bi != 0) && ((*ai < 0) != (*bi < 0)))
        q--; // Python floors
      return op == "//" ? TemplateValue{q} : TemplateValue{*ai - q * *bi};
    }
    double x = a.number(), y = b.number();
    if (op == "+")
      return {x + y};
    if (op == "-")
      return {x - y};
    if (op == "*")
      return {x * y};
    if (y == 0)
      fail(line, "division by zero");
    double q = std::floor(x / y);
    return op == "//" ? TemplateValue{q} : TemplateValue{x - q * y};
  }

  TemplateValue binary(const TemplateExpr& e) {
    const std::string& op = e.text;
    if (op == "and" || op == "or") {
      TemplateValue left = defined(evaluate(*e.operands[0]), e.line);
      if (isTruthy(left) == (op == "or"))
        return left;
      return defined(evaluate(*e.operands[1]), e.line);
    }
    TemplateValue a = defined(evaluate(*e.operands[0]), e.line);
    TemplateValue b = defined(evaluate(*e.operands[1]), e.line);
    if (op == "~")
      return TemplateValue::of(displayText(a) + displayText(b));
    if (op == "==")
      return {valuesEqual(a, b)};
    if (op == "!=")
      return {!valuesEqual(a, b)};
    if (op == "<")
      return {lessThan(a, b, e.line)};
    if (op == ">")
      return {lessThan(b, a, e.line)};
    if (op == "<=")
      return {!lessThan(b, a, e.line)};
    if (op == ">=")
      return {!lessThan(a, b, e.line)};
    if (op == "in") {
      if (const std::string* s = b.string())
        return {s->find(displayText(a)) != std::string::npos};
      if (const TemplateList* list = b.list())
        return {std::any_of(list->begin(), list->end(),
                            [&](const TemplateValue& item) { return valuesEqual(a, item); })};
      if (const TemplateMap* map = b.map())
        return {map->count(displayText(a)) > 0};
      fail(e.line, std::string("'in' needs a string, list or mapping, got a ") + typeName(b));
    }
    return arithmetic(op, a, b, e.line);
  }

  TemplateValue evaluate(const TemplateExpr& e) {
    switch (e.kind) {
    case TemplateExpr::Kind::Literal:
      return literal(e);
    case TemplateExpr::Kind::Name:
      return lookup(e.text);
    case TemplateExpr::Kind::Attribute:
      return attribute(e);
    case TemplateExpr::Kind::Index:
      return index(e);
    case TemplateExpr::Kind::Call:
      return call(e);
    case TemplateExpr::Kind::Filter:
      return filter(e);
    case TemplateExpr::Kind::Test:
      return test(e);
    case TemplateExpr::Kind::Not:
      return {!isTruthy(defined(evaluate(*e.operands[0]), e.line))};
    case TemplateExpr::Kind::Negate: {
      TemplateValue value = defined(evaluate(*e.operands[0]), e.line);
      if (auto* i = std::get_if<std::int64_t>(&value.v))
        return {-*i};
      if (!value.isNumber())
        fail(e.line, std::string("cannot negate a ") + typeName(value));
      return {-value.number()};
    }
    case TemplateExpr::Kind::Binary:
      return binary(e);
    case TemplateExpr::Kind::List: {
      TemplateList items;
      for (const auto& operand : e.operands)
        items.push_back(defined(evaluate(*operand), e.line));
      return TemplateValue::of(std::move(items));
    }
    case TemplateExpr::Kind::Conditional:
      if (isTruthy(defined(evaluate(*e.operands[0]), e.line)))
        return evaluate(*e.operands[1]);
      return evaluate(*e.operands[2]);
    }
    return {};
  }

  std::vector<TemplateMap> scopes;
};

} // namespace

std::string renderTemplate(std::string_view source, const TemplateMap& variables) {
  TemplateBody body = parseTemplate(source);
  std::string out;
  Renderer(variables).render(body, out);
  return out;
}

} // namespace sloth::stdlib::modules
