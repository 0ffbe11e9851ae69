#include "YamlParams.h"

#include "YamlShape.h"
#include "plan/AbstractValue.h" // quoteLua
#include "sloth/analyzer/yaml/YamlData.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>

namespace sloth::yaml {

namespace {

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

// Writes the walked values as a Lua table constructor.
class LuaTableWriter : public DataVisitor {
public:
  std::string text;

  void scalar(const ScalarValue& value) override {
    text += std::visit(
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
        value);
  }
  void beginMap() override { text += "{ "; }
  void key(const std::string& key) override { text += "[" + plan::quoteLua(key) + "] = "; }
  void endEntry() override { text += ", "; }
  void endMap() override { text += "}"; }
  void beginList() override { text += "{ "; }
  void endItem(std::size_t) override { text += ", "; }
  void endList() override { text += "}"; }
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
  LuaTableWriter writer;
  walkData(params, "params", writer,
           [&](const std::string& path) { return fmt::format("{} of {}", path, task); });
  return writer.text;
}

} // namespace sloth::yaml
