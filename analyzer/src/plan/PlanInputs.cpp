#include "sloth/analyzer/plan/PlanInputs.h"

#include <fmt/core.h>
#include <yaml-cpp/yaml.h>

#include <charconv>

namespace sloth::plan {

namespace {

// A plain YAML scalar as YAML 1.2's core schema reads it (as `sloth run` does).
Data scalar(const std::string& text, bool plain) {
  Data d;
  if (plain) {
    if (text == "true" || text == "True" || text == "TRUE" || text == "false" || text == "False" ||
        text == "FALSE") {
      d.kind = Data::Kind::Boolean;
      d.boolean = text[0] == 't' || text[0] == 'T';
      return d;
    }
    if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL")
      return d;
    std::int64_t integer = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), integer);
    if (ec == std::errc() && end == text.data() + text.size()) {
      d.kind = Data::Kind::Integer;
      d.integer = integer;
      return d;
    }
    try {
      std::size_t used = 0;
      double number = std::stod(text, &used);
      if (used == text.size()) {
        d.kind = Data::Kind::Number;
        d.number = number;
        return d;
      }
    } catch (const std::exception&) {
    }
  }
  return Data::string(text);
}

Data fromNode(const YAML::Node& node) {
  Data d;
  switch (node.Type()) {
  case YAML::NodeType::Map:
    d.kind = Data::Kind::Map;
    for (const auto& entry : node)
      d.fields.emplace_back(entry.first.Scalar(), fromNode(entry.second));
    return d;
  case YAML::NodeType::Sequence:
    d.kind = Data::Kind::List;
    for (const auto& item : node)
      d.items.push_back(fromNode(item));
    return d;
  case YAML::NodeType::Scalar:
    return scalar(node.Scalar(), node.Tag() != "!");
  default:
    return d;
  }
}

} // namespace

std::optional<Data> loadInputs(const std::string& valuesFile, const std::vector<std::string>& sets,
                               std::string& error) {
  Data params;
  params.kind = Data::Kind::Map;
  if (!valuesFile.empty()) {
    YAML::Node root;
    try {
      root = YAML::LoadFile(valuesFile);
    } catch (const YAML::BadFile&) {
      error = fmt::format("cannot read values file '{}'", valuesFile);
      return std::nullopt;
    } catch (const YAML::Exception& e) {
      error = fmt::format("{}:{}:{}: invalid YAML: {}", valuesFile, e.mark.line + 1,
                          e.mark.column + 1, e.msg);
      return std::nullopt;
    }
    if (root.IsMap()) {
      params = fromNode(root);
    } else if (!root.IsNull()) {
      error = fmt::format("{}: the values file must hold a map of names to values", valuesFile);
      return std::nullopt;
    }
  }
  for (const std::string& set : sets) {
    auto eq = set.find('=');
    if (eq == std::string::npos || eq == 0) {
      error = fmt::format("--set '{}': expected key=value", set);
      return std::nullopt;
    }
    std::string key = set.substr(0, eq);
    Data* at = &params;
    std::size_t start = 0;
    for (std::size_t dot; (dot = key.find('.', start)) != std::string::npos; start = dot + 1) {
      std::string part = key.substr(start, dot - start);
      Data* next = at->field(part);
      if (!next || next->kind != Data::Kind::Map) {
        Data map;
        map.kind = Data::Kind::Map;
        if (next)
          *next = std::move(map);
        else
          at->fields.emplace_back(part, std::move(map));
        next = at->field(part);
      }
      at = next;
    }
    std::string last = key.substr(start);
    Data value = scalar(set.substr(eq + 1), true);
    if (Data* existing = at->field(last))
      *existing = std::move(value);
    else
      at->fields.emplace_back(last, std::move(value));
  }
  return params;
}

} // namespace sloth::plan
