// "Did you mean": the closest known name to a misspelt one (`pkg.instal` -> `pkg.install`,
// `update_cahce` -> `update_cache`).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace sloth::types {

// Optimal string alignment distance (Damerau-Levenshtein without repeated edits of a substring):
// insertions, deletions, substitutions and swaps of adjacent characters each cost 1.
size_t editDistance(std::string_view a, std::string_view b);

// The candidate closest to `name`, if it is close enough to be a plausible typo: at most 1 edit
// for names of up to 4 characters, 2 up to 8, 3 beyond. A candidate that differs only in case
// wins. Ties go to the earlier candidate. Never returns `name` itself.
std::optional<std::string> closestName(std::string_view name,
                                       std::span<const std::string> candidates);

} // namespace sloth::types
