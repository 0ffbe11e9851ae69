#include "sloth/analyzer/plan/PlanInputs.h"

#include "sloth/analyzer/yaml/YamlData.h"

#include <fmt/core.h>

namespace sloth::plan {

namespace {

Data fromScalar(const yaml::ScalarValue& value) {
  Data d;
  std::visit(
      [&d](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, bool>) {
          d.kind = Data::Kind::Boolean;
          d.boolean = v;
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          d.kind = Data::Kind::Integer;
          d.integer = v;
        } else if constexpr (std::is_same_v<T, double>) {
          d.kind = Data::Kind::Number;
          d.number = v;
        } else if constexpr (std::is_same_v<T, std::string>) {
          d = Data::string(v);
        }
      },
      value);
  return d;
}

// Builds the walked values as a Data tree. A null value leaves its key out, as `sloth run`'s
// table does.
class DataBuilder : public yaml::DataVisitor {
public:
  Data root;

  void scalar(const yaml::ScalarValue& value) override { place(fromScalar(value)); }
  void beginMap() override { open(Data::Kind::Map); }
  void key(const std::string& key) override { keys_.push_back(key); }
  void endEntry() override {}
  void endMap() override { close(); }
  void beginList() override { open(Data::Kind::List); }
  void endItem(std::size_t) override {}
  void endList() override { close(); }

private:
  std::vector<Data> open_; // the maps and lists being filled, innermost last
  std::vector<std::string> keys_;

  void open(Data::Kind kind) {
    Data d;
    d.kind = kind;
    open_.push_back(std::move(d));
  }
  void close() {
    Data done = std::move(open_.back());
    open_.pop_back();
    place(std::move(done));
  }
  void place(Data d) {
    if (open_.empty()) {
      root = std::move(d);
      return;
    }
    Data& parent = open_.back();
    if (parent.kind == Data::Kind::List) {
      parent.items.push_back(std::move(d));
      return;
    }
    std::string key = std::move(keys_.back());
    keys_.pop_back();
    if (d.kind != Data::Kind::Null)
      parent.fields.emplace_back(std::move(key), std::move(d));
  }
};

// The value at `name` in `at`, created (null) when missing. A number indexes a list, 1-based as
// in the runner (yaml::listIndex): an item, or the next one; a list given a field name, or an
// index past its end, becomes a map keyed by the items' numbers, as a Lua table holds both.
Data* part(Data& at, const std::string& name) {
  std::optional<std::int64_t> index = yaml::listIndex(name);
  if (at.kind == Data::Kind::List) {
    if (index && *index <= static_cast<std::int64_t>(at.items.size()) + 1) {
      if (*index > static_cast<std::int64_t>(at.items.size()))
        at.items.emplace_back();
      return &at.items[static_cast<std::size_t>(*index - 1)];
    }
    at.kind = Data::Kind::Map;
    for (std::size_t i = 0; i < at.items.size(); ++i)
      at.fields.emplace_back(std::to_string(i + 1), std::move(at.items[i]));
    at.items.clear();
  }
  if (Data* existing = at.field(name))
    return existing;
  at.fields.emplace_back(name, Data{});
  return &at.fields.back().second;
}

} // namespace

std::optional<Data> loadInputs(const std::string& valuesFile, const std::vector<std::string>& sets,
                               std::string& error) {
  Data params;
  params.kind = Data::Kind::Map;
  if (!valuesFile.empty()) {
    std::optional<YAML::Node> root = yaml::loadValuesFile(valuesFile, error);
    if (!root)
      return std::nullopt;
    DataBuilder builder;
    try {
      yaml::walkData(*root, "", builder, [](const std::string& path) {
        return path.empty() ? std::string("the values file") : path;
      });
    } catch (const yaml::Invalid& e) {
      error =
          fmt::format("{}:{}:{}: {}", valuesFile, e.mark.line + 1, e.mark.column + 1, e.message);
      return std::nullopt;
    }
    params = std::move(builder.root);
  }
  for (const std::string& text : sets) {
    std::optional<yaml::SetValue> set = yaml::parseSet(text, error);
    if (!set)
      return std::nullopt;
    Data* at = &params;
    for (std::size_t i = 0; i + 1 < set->path.size(); ++i) {
      Data* next = part(*at, set->path[i]);
      if (next->kind != Data::Kind::Map && next->kind != Data::Kind::List) {
        *next = Data{};
        next->kind = Data::Kind::Map;
      }
      at = next;
    }
    *part(*at, set->path.back()) = fromScalar(set->value);
  }
  return params;
}

} // namespace sloth::plan
