#include "RunValues.h"

#include "sloth/analyzer/yaml/YamlData.h"
#include "sloth/stdlib/modules/DataModule.h"

#include <fmt/core.h>

#include <cstdint>
#include <optional>
#include <string>

namespace sloth::cli {

namespace {

// t[part] of the table on top, `part` a part of a --set key (yaml::listIndex: a list index).
vm::Type getPart(vm::Thread& L, const std::string& part) {
  if (std::optional<std::int64_t> index = yaml::listIndex(part))
    return L.rawGetI(-1, *index);
  return L.getField(-1, part);
}

// t[part] = the value on top (popped), t at `table`.
void setPart(vm::Thread& L, int table, const std::string& part) {
  if (std::optional<std::int64_t> index = yaml::listIndex(part))
    L.rawSetI(table, *index);
  else
    L.setField(table, part);
}

// Pushes the walked values as Lua tables (the walk bounds the depth, so the stack too).
class LuaPusher : public yaml::DataVisitor {
public:
  explicit LuaPusher(vm::Thread& L) : L_(L) {}

  void scalar(const yaml::ScalarValue& value) override {
    L_.checkStack(1);
    stdlib::pushYamlScalar(L_, value, false);
  }
  void beginMap() override { newTable(); }
  void key(const std::string& key) override {
    L_.checkStack(2);
    L_.pushString(key);
  }
  void endEntry() override { L_.rawSet(-3); }
  void endMap() override {}
  void beginList() override { newTable(); }
  void endItem(std::size_t index) override { L_.rawSetI(-2, static_cast<std::int64_t>(index)); }
  void endList() override {}

private:
  vm::Thread& L_;
  void newTable() {
    L_.checkStack(1);
    L_.newTable();
  }
};

} // namespace

std::optional<std::string> pushRunValues(vm::Thread& L, const std::string& valuesFile,
                                         const std::vector<std::string>& sets) {
  int top = L.top();
  std::string error;
  if (valuesFile.empty()) {
    L.newTable();
  } else {
    std::optional<YAML::Node> root = yaml::loadValuesFile(valuesFile, error);
    if (!root)
      return error;
    try {
      LuaPusher pusher(L);
      yaml::walkData(*root, "", pusher, [](const std::string& path) {
        return path.empty() ? std::string("the values file") : path;
      });
    } catch (const yaml::Invalid& e) {
      L.setTop(top);
      return fmt::format("{}:{}:{}: {}", valuesFile, e.mark.line + 1, e.mark.column + 1, e.message);
    }
  }
  int params = L.top();
  for (const std::string& text : sets) {
    std::optional<yaml::SetValue> set = yaml::parseSet(text, error);
    if (!set) {
      L.setTop(top);
      return error;
    }
    // Walk (and create) the tables of a dotted key; a number in it indexes a list.
    L.pushValue(params);
    for (std::size_t i = 0; i + 1 < set->path.size(); ++i) {
      if (getPart(L, set->path[i]) != vm::Type::Table) {
        L.pop();
        L.newTable();
        L.pushValue(-1);
        setPart(L, -3, set->path[i]);
      }
      L.remove(-2);
    }
    stdlib::pushYamlScalar(L, set->value, false);
    setPart(L, -2, set->path.back());
    L.pop();
  }
  return std::nullopt;
}

} // namespace sloth::cli
