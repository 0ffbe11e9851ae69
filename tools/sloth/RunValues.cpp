#include "RunValues.h"

#include "sloth/analyzer/yaml/YamlScalar.h"

#include <fmt/core.h>
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <filesystem>
#include <ios>
#include <type_traits>
#include <variant>
#include <vector>

namespace sloth::cli {

namespace {

// Values files are data: a bounded depth and size keep a hostile or broken file (an alias that
// contains itself, `a: &x [*x]`, or aliases that multiply) from exhausting the stack or memory.
constexpr int kMaxDepth = 100;
constexpr std::size_t kMaxValues = 100000;

void pushScalar(vm::Thread& L, const std::string& text, bool plain) {
  std::visit(
      [&L](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>)
          L.pushNil();
        else if constexpr (std::is_same_v<T, bool>)
          L.pushBoolean(v);
        else if constexpr (std::is_same_v<T, std::int64_t>)
          L.pushInteger(v);
        else if constexpr (std::is_same_v<T, double>)
          L.pushNumber(v);
        else
          L.pushString(v);
      },
      yaml::resolveScalar(text, plain));
}

// Pushes a YAML node as Lua values; on an error leaves the stack as it found it.
class ValuesReader {
public:
  ValuesReader(vm::Thread& L, std::string file) : L_(L), file_(std::move(file)) {}

  std::optional<std::string> push(const YAML::Node& node) {
    int top = L_.top();
    std::optional<std::string> error = pushNode(node);
    if (error)
      L_.setTop(top);
    return error;
  }

private:
  std::optional<std::string> pushNode(const YAML::Node& node) {
    if (++count_ > kMaxValues)
      return where(node) + fmt::format("more than {} values (aliases expand)", kMaxValues);
    if (node.IsMap() || node.IsSequence()) {
      if (ancestors_.size() >= static_cast<std::size_t>(kMaxDepth))
        return where(node) + fmt::format("nested more than {} levels", kMaxDepth);
      for (const YAML::Node& ancestor : ancestors_)
        if (node.is(ancestor))
          return where(node) + "an alias refers to a node that contains it";
    }
    L_.checkStack(3);
    switch (node.Type()) {
    case YAML::NodeType::Map: {
      L_.newTable();
      ancestors_.push_back(node);
      for (const auto& entry : node) {
        L_.pushString(entry.first.Scalar());
        if (auto error = pushNode(entry.second))
          return error;
        L_.rawSet(-3);
      }
      ancestors_.pop_back();
      return std::nullopt;
    }
    case YAML::NodeType::Sequence: {
      L_.newTable();
      ancestors_.push_back(node);
      std::int64_t i = 0;
      for (const auto& item : node) {
        if (auto error = pushNode(item))
          return error;
        L_.rawSetI(-2, ++i);
      }
      ancestors_.pop_back();
      return std::nullopt;
    }
    case YAML::NodeType::Scalar:
      pushScalar(L_, node.Scalar(), node.Tag() != "!");
      return std::nullopt;
    default:
      L_.pushNil();
      return std::nullopt;
    }
  }

  std::string where(const YAML::Node& node) const {
    YAML::Mark mark = node.Mark();
    return fmt::format("{}:{}:{}: ", file_, mark.line + 1, mark.column + 1);
  }

  vm::Thread& L_;
  std::string file_;
  std::vector<YAML::Node> ancestors_;
  std::size_t count_ = 0;
};

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
    } catch (const std::ios_base::failure&) { // opens, then fails to read: a directory
      L.pop();
      return fmt::format("cannot read values file '{}': {}", valuesFile,
                         std::filesystem::is_directory(valuesFile) ? "is a directory"
                                                                   : "read error");
    } catch (const YAML::Exception& e) {
      L.pop();
      return fmt::format("{}:{}:{}: invalid YAML: {}", valuesFile, e.mark.line + 1,
                         e.mark.column + 1, e.msg);
    }
    if (root.IsMap()) {
      L.pop();
      if (auto error = ValuesReader(L, valuesFile).push(root))
        return error;
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
