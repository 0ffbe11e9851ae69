// `params:` of a task in a YAML task file (docs/yaml-tasks.md): a YAML mapping becomes the Lua
// table constructor the task's `:params(...)` gets, so the runtime, `sloth list` and bundles
// treat it exactly as the DSL's `:params{...}`.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>

namespace sloth::yaml {

// The Lua table constructor for `params` (a mapping; nested mappings and lists allowed), read as
// every YAML data is (YamlData.h: walkData). Throws Invalid at the offending node, naming its key
// path (`params.db.hosts[2]`) and `task` ("task 'build'"). `keyMark` is where the `params` key is
// (the error's place when it has no value).
std::string paramsTable(const YAML::Node& params, const YAML::Mark& keyMark,
                        const std::string& task);

} // namespace sloth::yaml
