#pragma once
// The `data` module (stdlib/defs/data.lua, docs/modules/data.md): JSON, YAML and TOML to and from
// Lua values. Pure functions: no effect on the host, the same in check mode.

#include "sloth/YamlScalar.h"
#include "sloth/vm/State.h"

namespace sloth::stdlib {

/// Sets the global `data` (and package.loaded.data).
void openData(vm::Thread& L);

/// Pushes what a YAML scalar reads as (sloth/YamlScalar.h): null as nil, or as `data.null` when
/// `nullAsDataNull` (data.yaml_parse keeps nulls visible in tables that way).
void pushYamlScalar(vm::Thread& L, const yaml::ScalarValue& value, bool nullAsDataNull);

} // namespace sloth::stdlib
