#include "YamlParams.h"

#include "YamlShape.h"
#include "plan/AbstractValue.h" // quoteLua
#include "sloth/analyzer/yaml/YamlScalar.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <vector>

namespace sloth::yaml {

namespace {

// Aliases may repeat a node any number of times ("billion laughs"): past this many values the
// params are refused rather than expanded.
constexpr std::size_t kMaxValues = 100000;

std::string numberLiteral(double d) {
  if (std::isnan(d))
    return "(0/0)";
  if (std::isinf(d))
    return d > 0 ? "(1/0)" : "(-1/0)";
  std::string text = fmt::format("{}", d);
  // `1000` would be an integer in Lua: keep the float a float.
  if (text.find_first_of(".eE") == std::string::npos)
    text += ".0";
  return text;
}

std::string integerLiteral(std::int64_t i) {
  if (i == std::numeric_limits<std::int64_t>::min())
    return "0x8000000000000000"; // `-9223372036854775808` would read as a float
  return std::to_string(i);
}

class ParamsWriter {
public:
  explicit ParamsWriter(std::string task) : task_(std::move(task)) {}

  std::string value(const YAML::Node& node, const std::string& path) {
    std::string what = fmt::format("{} of {}", path, task_);
    if (++values_ > kMaxValues)
      throw Invalid{node.Mark(), fmt::format("{}: more than {} values (aliases repeating a node?)",
                                             what, kMaxValues)};
    for (const YAML::Node& ancestor : ancestors_)
      if (node.is(ancestor))
        throw Invalid{node.Mark(),
                      fmt::format("{}: an alias refers to a node that contains it", what)};
    requireCoreTag(node, what);
    switch (node.Type()) {
    case YAML::NodeType::Map:
      return nested(node, [&] { return map(node, path, what); });
    case YAML::NodeType::Sequence:
      return nested(node, [&] { return list(node, path); });
    case YAML::NodeType::Scalar:
      return scalar(node, what);
    default:
      return "nil";
    }
  }

private:
  std::string task_;
  std::size_t values_ = 0;
  std::vector<YAML::Node> ancestors_;

  template <typename F> std::string nested(const YAML::Node& node, F&& body) {
    ancestors_.push_back(node);
    std::string out = body();
    ancestors_.pop_back();
    return out;
  }

  std::string map(const YAML::Node& node, const std::string& path, const std::string& what) {
    requireUniqueKeys(node, what);
    std::string out = "{ ";
    for (const auto& entry : node) {
      std::string key = keyOf(entry.first, what);
      if (key == "<<" && entry.first.Tag() == "?")
        throw Invalid{
            entry.first.Mark(),
            fmt::format("{}: merge keys ('<<') are not supported: write the keys out", what)};
      out += "[" + plan::quoteLua(key) + "] = " + value(entry.second, path + "." + key) + ", ";
    }
    return out + "}";
  }

  std::string list(const YAML::Node& node, const std::string& path) {
    std::string out = "{ ";
    std::size_t index = 0;
    for (const YAML::Node& item : node)
      out += value(item, fmt::format("{}[{}]", path, ++index)) + ", ";
    return out + "}";
  }

  std::string scalar(const YAML::Node& node, const std::string& what) {
    const std::string& tag = node.Tag();
    bool quoted = tag == "!" || tag == "tag:yaml.org,2002:str";
    ScalarValue v = resolveScalar(node.Scalar(), !quoted);
    // `!!int 7` must read as one; `!!int seven` is a mistake, not a string.
    auto expect = [&](bool ok, const char* kind) {
      if (!ok)
        throw Invalid{node.Mark(), fmt::format("{}: '{}' is not {}", what, node.Scalar(), kind)};
    };
    if (tag == "tag:yaml.org,2002:int")
      expect(std::holds_alternative<std::int64_t>(v), "an integer");
    else if (tag == "tag:yaml.org,2002:float")
      expect(std::holds_alternative<double>(v) || std::holds_alternative<std::int64_t>(v),
             "a number");
    else if (tag == "tag:yaml.org,2002:bool")
      expect(std::holds_alternative<bool>(v), "true or false");
    else if (tag == "tag:yaml.org,2002:null")
      expect(std::holds_alternative<std::monostate>(v), "null");
    if (tag == "tag:yaml.org,2002:float")
      if (auto* i = std::get_if<std::int64_t>(&v))
        v = static_cast<double>(*i);
    return std::visit(
        [](const auto& x) -> std::string {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, std::monostate>)
            return "nil";
          else if constexpr (std::is_same_v<T, bool>)
            return x ? "true" : "false";
          else if constexpr (std::is_same_v<T, std::int64_t>)
            return integerLiteral(x);
          else if constexpr (std::is_same_v<T, double>)
            return numberLiteral(x);
          else
            return plan::quoteLua(x);
        },
        v);
  }
};

} // namespace

std::string paramsTable(const YAML::Node& params, const YAML::Mark& keyMark,
                        const std::string& task) {
  if (!params.IsMap()) {
    const char* got = params.IsSequence() ? "a list" : params.IsNull() ? "nothing" : "a value";
    // An empty value's mark is where the next token starts: point at the key instead.
    throw Invalid{
        params.IsNull() ? keyMark : params.Mark(),
        fmt::format("params of {} must be a mapping of names to values, got {}", task, got)};
  }
  return ParamsWriter(task).value(params, "params");
}

} // namespace sloth::yaml
