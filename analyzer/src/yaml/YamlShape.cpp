#include "YamlShape.h"

#include <fmt/format.h>

#include <set>
#include <string_view>

namespace sloth::yaml {

namespace {

constexpr std::string_view kCorePrefix = "tag:yaml.org,2002:";

// `!!binary` for the long form yaml-cpp reports.
std::string shortTag(const std::string& tag) {
  if (tag.starts_with(kCorePrefix))
    return "!!" + tag.substr(kCorePrefix.size());
  return tag;
}

} // namespace

void requireCoreTag(const YAML::Node& node, const std::string& what) {
  const std::string& tag = node.Tag();
  // "?": untagged plain, "!": quoted (non-specific), "": null or an empty value.
  if (tag.empty() || tag == "?" || tag == "!")
    return;
  if (tag.starts_with(kCorePrefix)) {
    std::string_view name = std::string_view(tag).substr(kCorePrefix.size());
    if (name == "str" || name == "int" || name == "float" || name == "bool" || name == "null" ||
        name == "map" || name == "seq")
      return;
  }
  throw Invalid{node.Mark(),
                fmt::format("{}: unsupported YAML tag '{}' (only plain values, mappings and "
                            "lists, and the tags !!str, !!int, !!float, !!bool, !!null)",
                            what, shortTag(tag))};
}

std::string keyOf(const YAML::Node& key, const std::string& where) {
  if (!key.IsScalar())
    throw Invalid{key.Mark(), fmt::format("a key in {} must be a name, not a {}", where,
                                          key.IsSequence() ? "list" : "mapping")};
  return key.Scalar();
}

void requireUniqueKeys(const YAML::Node& map, const std::string& where) {
  std::set<std::string> seen;
  for (const auto& entry : map) {
    std::string key = keyOf(entry.first, where);
    if (!seen.insert(key).second)
      throw Invalid{entry.first.Mark(), fmt::format("duplicate key '{}' in {}", key, where)};
  }
}

} // namespace sloth::yaml
