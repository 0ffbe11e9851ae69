// YAML data read the same way wherever sloth takes it: `--values` files and `--set` for
// `sloth run` and `slothc plan`, and `params:` in YAML task files (docs/yaml-tasks.md#params).
// One walk with the guards data needs (aliases can make a node contain itself, `a: &x [*x]`, or
// repeat one node until the expansion exhausts memory), one set of structural rules (scalar,
// unique keys; no merge keys; core-schema tags) and one scalar reading (sloth/YamlScalar.h).
#pragma once

#include "sloth/YamlScalar.h"

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sloth::yaml {

// Well-formed YAML that is not what was expected: where, and why.
struct Invalid {
  YAML::Mark mark;
  std::string message;
};

// Past this many values (aliases repeating a node count each time) a walk stops.
inline constexpr std::size_t kMaxDataValues = 100000;
// Past this many nested maps and lists a walk stops.
inline constexpr std::size_t kMaxDataDepth = 100;

// Receives the values of a walk in document order, depth first.
class DataVisitor {
public:
  virtual ~DataVisitor() = default;
  virtual void scalar(const ScalarValue& value) = 0; // null: std::monostate
  virtual void beginMap() = 0;
  virtual void key(const std::string& key) = 0; // then the entry's value
  virtual void endEntry() = 0;
  virtual void endMap() = 0;
  virtual void beginList() = 0;
  virtual void endItem(std::size_t index) = 0; // 1-based, after the item's value
  virtual void endList() = 0;
};

// Names a value by its key path (`params.db.hosts[2]`) in an error message.
using DescribePath = std::function<std::string(const std::string& path)>;

// Walks `node` (whose path is `rootPath`). Throws Invalid at the offending node, its message
// starting with `describe(path)`, for: a key that is a list or mapping, a key given twice, a merge
// key (`<<`), a tag other than !!str, !!int, !!float, !!bool, !!null (and !!map, !!seq), a tagged
// scalar that does not read as its tag says (`!!int seven`), an alias that contains itself, more
// than kMaxDataValues values, or nesting deeper than kMaxDataDepth.
void walkData(const YAML::Node& node, const std::string& rootPath, DataVisitor& visitor,
              const DescribePath& describe);

// A `--values` file: its top-level map (an empty file is an empty map), or nullopt with `error`
// naming the file (and line and column when it is not valid YAML).
std::optional<YAML::Node> loadValuesFile(const std::string& path, std::string& error);

// One `--set key=value`: the key's parts (`db.port` sets port in db) and the value, a YAML scalar
// (`3` a number, `true` a boolean; quoted, `"1.10"` or `'x'`, a string).
struct SetValue {
  std::vector<std::string> path;
  ScalarValue value;
};

// nullopt with `error` when it is not `key=value`, a part of the key is empty (`a..b`) or a
// quoted value is not one quoted string.
std::optional<SetValue> parseSet(const std::string& text, std::string& error);

// A part of a --set key written as a positive integer ("1", "12"; not "01" or "-1") indexes a
// list, 1-based as in Lua: `--set hosts.1=web9` replaces the first host (it used to add a key
// "1" beside the list). nullopt for any other part (a field name).
std::optional<std::int64_t> listIndex(const std::string& part);

} // namespace sloth::yaml
