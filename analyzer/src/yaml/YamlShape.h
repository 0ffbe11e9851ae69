// Shape checks shared by the parts of a YAML task file (YamlTasks.cpp, YamlParams.cpp): a file
// that is well-formed YAML but not a valid task file throws Invalid — where, and why — and is
// reported as a `yaml-task` error at that line and column.
#pragma once

#include "sloth/analyzer/yaml/YamlData.h" // Invalid

#include <yaml-cpp/yaml.h>

#include <string>

namespace sloth::yaml {

// Throws unless `node` is untagged or carries a core schema tag (`!!str`, `!!int`, `!!float`,
// `!!bool`, `!!null`, `!!map`, `!!seq`): `!!binary`, `!!timestamp`, `!custom` have no Lua value.
// `what` names the value ("params.db.port of task 'build'").
void requireCoreTag(const YAML::Node& node, const std::string& what);

// The key of a mapping entry: a scalar. Throws for a mapping or list used as a key (`? [a, b]`).
std::string keyOf(const YAML::Node& key, const std::string& where);

// Throws at the second occurrence of a key in `map` (YAML forbids it; yaml-cpp keeps both and
// only the first would count). `where` names the mapping ("task 'build'").
void requireUniqueKeys(const YAML::Node& map, const std::string& where);

} // namespace sloth::yaml
