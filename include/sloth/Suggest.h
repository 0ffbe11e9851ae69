// "Did you mean": the closest known name to a misspelt one (`pkg.instal` -> `pkg.install`,
// `update_cahce` -> `update_cache`, `--task biuld` -> `build`). Header-only so that the checker
// (analyzer) and the runtime (stdlib), which cannot link each other, suggest alike.
#pragma once

#include <algorithm>
#include <cctype>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sloth {

// Optimal string alignment distance (Damerau-Levenshtein without repeated edits of a substring):
// insertions, deletions, substitutions and swaps of adjacent characters each cost 1.
inline size_t editDistance(std::string_view a, std::string_view b) {
  const size_t n = a.size(), m = b.size();
  // Three rows suffice: the swap case looks two rows back.
  std::vector<size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (size_t j = 0; j <= m; ++j)
    prev[j] = j;
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= m; ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

// The candidate closest to `name`, if it is close enough to be a plausible typo: at most 1 edit
// for names of up to 4 characters, 2 up to 8, 3 beyond. A candidate that differs only in case
// wins. Ties go to the earlier candidate. Never returns `name` itself.
inline std::optional<std::string> closestName(std::string_view name,
                                              std::span<const std::string> candidates) {
  auto equalIgnoringCase = [](std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
             return std::tolower(static_cast<unsigned char>(x)) ==
                    std::tolower(static_cast<unsigned char>(y));
           });
  };
  size_t allowed = name.size() <= 4 ? 1 : name.size() <= 8 ? 2 : 3;
  std::optional<std::string> best;
  size_t bestDistance = allowed + 1;
  for (const std::string& c : candidates) {
    if (c == name)
      continue;
    if (equalIgnoringCase(c, name))
      return c;
    // Cheap bound first: the length difference alone is a lower bound of the distance.
    size_t diff = c.size() > name.size() ? c.size() - name.size() : name.size() - c.size();
    if (diff >= bestDistance)
      continue;
    size_t d = editDistance(name, c);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best;
}

} // namespace sloth
