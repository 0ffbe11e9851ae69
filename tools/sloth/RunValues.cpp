#include "RunValues.h"

#include <fmt/core.h>
#include <yaml-cpp/yaml.h>

#include <charconv>
#include <cstdint>

namespace sloth::cli {

namespace {

// A plain YAML scalar as YAML 1.2's core schema reads it: integer, float, boolean, null, string.
void pushScalar(vm::Thread& L, const std::string& text, bool plain) {
  if (plain) {
    if (text == "true" || text == "True" || text == "TRUE")
      return L.pushBoolean(true);
    if (text == "false" || text == "False" || text == "FALSE")
      return L.pushBoolean(false);
    if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL")
      return L.pushNil();
    std::int64_t integer = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), integer);
    if (ec == std::errc() && end == text.data() + text.size())
      return L.pushInteger(integer);
    try {
      std::size_t used = 0;
      double number = std::stod(text, &used);
      if (used == text.size())
        return L.pushNumber(number);
    } catch (const std::exception&) {
    }
  }
  L.pushString(text);
}

void pushNode(vm::Thread& L, const YAML::Node& node) {
  switch (node.Type()) {
  case YAML::NodeType::Map:
    L.newTable();
    for (const auto& entry : node) {
      L.pushString(entry.first.Scalar());
      pushNode(L, entry.second);
      L.rawSet(-3);
    }
    return;
  case YAML::NodeType::Sequence: {
    L.newTable();
    std::int64_t i = 0;
    for (const auto& item : node) {
      pushNode(L, item);
      L.rawSetI(-2, ++i);
    }
    return;
  }
  case YAML::NodeType::Scalar:
    return pushScalar(L, node.Scalar(), node.Tag() != "!");
  default:
    L.pushNil();
  }
}

} // namespace

std::optional<std::string> pushRunValues(vm::Thread& L, const std::string& valuesFile,
                                         const std::vector<std::string>& sets) {
  L.newTable();
  int params = L.top();
  if (!valuesFile.empty()) {
    YAML::Node root;
    try {
      root = YAML::LoadFile(valuesFile);
    } catch (const YAML::BadFile&) {
      L.pop();
      return fmt::format("cannot read values file '{}'", valuesFile);
    } catch (const YAML::Exception& e) {
      L.pop();
      return fmt::format("{}:{}:{}: invalid YAML: {}", valuesFile, e.mark.line + 1,
                         e.mark.column + 1, e.msg);
    }
    if (root.IsMap()) {
      L.pop();
      pushNode(L, root);
    } else if (!root.IsNull()) {
      L.pop();
      return fmt::format("{}: the values file must hold a map of names to values", valuesFile);
    }
  }
  for (const std::string& set : sets) {
    auto eq = set.find('=');
    if (eq == std::string::npos || eq == 0) {
      L.pop();
      return fmt::format("--set '{}': expected key=value", set);
    }
    std::string key = set.substr(0, eq);
    std::string value = set.substr(eq + 1);
    // Walk (and create) the tables of a dotted key.
    L.pushValue(params);
    std::size_t start = 0;
    for (std::size_t dot; (dot = key.find('.', start)) != std::string::npos; start = dot + 1) {
      std::string part = key.substr(start, dot - start);
      if (L.getField(-1, part) != vm::Type::Table) {
        L.pop();
        L.newTable();
        L.pushValue(-1);
        L.setField(-3, part);
      }
      L.remove(-2);
    }
    pushScalar(L, value, true);
    L.setField(-2, key.substr(start));
    L.pop();
  }
  return std::nullopt;
}

} // namespace sloth::cli
