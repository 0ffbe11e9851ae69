// Names that say their value is a secret (`PGPASSWORD`, `api_token`, `Authorization`): the `log`
// module redacts such fields and `slothc plan` shows them as (sensitive). Header-only so that the
// runtime (stdlib) and the planner (analyzer), which cannot link each other, use one list.
#pragma once

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>

namespace sloth {

inline bool isSecretName(std::string_view name) {
  static constexpr std::array<std::string_view, 9> kWords = {"password",    "passwd",  "secret",
                                                             "token",       "auth",    "credential",
                                                             "private_key", "api_key", "apikey"};
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::any_of(kWords.begin(), kWords.end(),
                     [&](std::string_view w) { return lower.find(w) != std::string::npos; });
}

} // namespace sloth
