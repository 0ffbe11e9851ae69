// What a YAML scalar means under the YAML 1.2 core schema, shared by `params:` in YAML task files
// and by `--values` / `--set`, so `port: 8080` is the same integer in both: `true`/`false` are
// booleans, `~`/`null`/empty is null, `12`, `0x1F`, `0o17` integers, `1.5`, `1e3`, `.inf`, `.nan`
// floats, anything else (and every quoted scalar) a string.
#pragma once

#include <cstdint>
#include <string>
#include <variant>

namespace sloth::yaml {

// std::monostate is null.
using ScalarValue = std::variant<std::monostate, bool, std::int64_t, double, std::string>;

// `plain`: written without quotes (a quoted scalar is always a string). An integer beyond 64 bits
// is a float, as Lua reads such a literal.
ScalarValue resolveScalar(const std::string& text, bool plain);

} // namespace sloth::yaml
