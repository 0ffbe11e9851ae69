#include "DataYaml.h"

#include "DataError.h"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <regex>
#include <string>

namespace sloth::stdlib::modules {

namespace {

std::string place(const YAML::Mark& mark) {
  return "line " + std::to_string(mark.line + 1) + ", column " + std::to_string(mark.column + 1);
}

bool isOneOf(const std::string& s, std::initializer_list<const char*> words) {
  for (const char* word : words)
    if (s == word)
      return true;
  return false;
}

// Integers of the core schema; false when the text is not one. Beyond 64 bits, a float.
bool pushInteger(vm::Thread& L, std::string text) {
  static const std::regex decimal("[-+]?[0-9]+");
  static const std::regex octal("0o[0-7]+");
  static const std::regex hex("0x[0-9a-fA-F]+");
  int base = 10;
  std::size_t start = 0;
  if (std::regex_match(text, octal)) {
    base = 8;
    start = 2;
  } else if (std::regex_match(text, hex)) {
    base = 16;
    start = 2;
  } else if (!std::regex_match(text, decimal)) {
    return false;
  }
  bool negative = text[0] == '-';
  if (text[0] == '+' || text[0] == '-')
    start = 1;
  std::uint64_t magnitude = 0;
  const char* first = text.data() + start;
  const char* last = text.data() + text.size();
  auto [end, error] = std::from_chars(first, last, magnitude, base);
  std::uint64_t limit =
      static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + (negative ? 1 : 0);
  if (error == std::errc() && end == last && magnitude <= limit) {
    L.pushInteger(negative ? static_cast<std::int64_t>(0 - magnitude)
                           : static_cast<std::int64_t>(magnitude));
    return true;
  }
  L.pushNumber(std::strtod(text.c_str(), nullptr));
  return true;
}

bool pushFloat(vm::Thread& L, const std::string& text) {
  static const std::regex number("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  static const std::regex infinity("[-+]?\\.(inf|Inf|INF)");
  if (std::regex_match(text, number)) {
    L.pushNumber(std::strtod(text.c_str(), nullptr));
    return true;
  }
  if (std::regex_match(text, infinity)) {
    L.pushNumber(text[0] == '-' ? -HUGE_VAL : HUGE_VAL);
    return true;
  }
  if (isOneOf(text, {".nan", ".NaN", ".NAN"})) {
    L.pushNumber(std::nan(""));
    return true;
  }
  return false;
}

void pushScalar(vm::Thread& L, const YAML::Node& node) {
  const std::string& text = node.Scalar();
  const std::string& tag = node.Tag();
  if (tag == "!" || tag == "tag:yaml.org,2002:str") { // quoted, or explicitly a string
    L.pushString(text);
    return;
  }
  if (isOneOf(text, {"~", "null", "Null", "NULL", ""})) {
    L.pushNil();
    return;
  }
  if (isOneOf(text, {"true", "True", "TRUE"})) {
    L.pushBoolean(true);
    return;
  }
  if (isOneOf(text, {"false", "False", "FALSE"})) {
    L.pushBoolean(false);
    return;
  }
  if (pushInteger(L, text) || pushFloat(L, text))
    return;
  L.pushString(text);
}

void pushNode(vm::Thread& L, const YAML::Node& node) {
  L.checkStack(3);
  switch (node.Type()) {
  case YAML::NodeType::Undefined:
  case YAML::NodeType::Null:
    L.pushNil();
    return;
  case YAML::NodeType::Scalar:
    pushScalar(L, node);
    return;
  case YAML::NodeType::Sequence: {
    L.newTable(static_cast<int>(node.size()), 0);
    std::int64_t i = 1;
    for (const YAML::Node& item : node) {
      pushNode(L, item);
      L.rawSetI(-2, i++);
    }
    return;
  }
  case YAML::NodeType::Map:
    L.newTable(0, static_cast<int>(node.size()));
    for (const auto& entry : node) {
      pushNode(L, entry.first);
      if (L.isNil(-1)) {
        L.pop();
        throw DataError(place(entry.first.Mark()) + ": a mapping key is null");
      }
      if (L.type(-1) == vm::Type::Number && std::isnan(L.toNumber(-1))) {
        L.pop();
        throw DataError(place(entry.first.Mark()) + ": a mapping key is NaN");
      }
      pushNode(L, entry.second);
      L.rawSet(-3);
    }
    return;
  }
}

} // namespace

void pushParsedYaml(vm::Thread& L, std::string_view text) {
  YAML::Node document;
  try {
    document = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    throw DataError(place(e.mark) + ": " + e.msg);
  }
  pushNode(L, document);
}

} // namespace sloth::stdlib::modules
