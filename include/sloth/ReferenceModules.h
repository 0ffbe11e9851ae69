// The modules of the sloth modules reference (one signature file each in stdlib/defs), and which
// of them this build implements. The signature files declare the whole reference, so a script
// written against it checks; a module that is declared but not built is nil when the script runs.
// `slothc check` warns where a script uses one (module-not-built), and the run's error names it
// ("attempt to index a nil value (global 'pkg'): ..."). Header-only: the checker (analyzer) and
// the runtime (stdlib) cannot link each other. Unit tests keep it equal to the signature files
// (test/unit/defs) and to the modules the runtime opens (test/unit/stdlib).
#pragma once

#include <algorithm>
#include <iterator>
#include <string_view>

namespace sloth {

struct ReferenceModule {
  std::string_view name;
  bool built;
};

inline constexpr ReferenceModule kReferenceModules[] = {
    {"aws", false},     {"azure", false},         {"data", true},     {"digitalocean", false},
    {"docker", false},  {"exec", true},           {"facts", true},    {"file", true},
    {"gcp", false},     {"git", false},           {"gitops", false},  {"goroutine", true},
    {"incus", false},   {"infra_test", true},     {"log", true},      {"metrics", true},
    {"net", false},     {"notifications", false}, {"pkg", false},     {"pulumi", false},
    {"python", false},  {"reliability", true},    {"salt", false},    {"ssh", false},
    {"state", true},    {"stow", false},          {"systemd", false}, {"task", true},
    {"template", true}, {"terraform", false},     {"user", false},    {"workflow", true},
};

/// True when `name` is a module of the reference that this build does not implement.
inline bool isUnbuiltReferenceModule(std::string_view name) {
  return std::any_of(std::begin(kReferenceModules), std::end(kReferenceModules),
                     [&](const ReferenceModule& m) { return m.name == name && !m.built; });
}

} // namespace sloth
