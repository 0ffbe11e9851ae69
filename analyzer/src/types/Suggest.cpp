#include "sloth/analyzer/types/Suggest.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace sloth::types {

size_t editDistance(std::string_view a, std::string_view b) {
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

namespace {

bool equalIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

size_t allowedEdits(size_t length) {
  return length <= 4 ? 1 : length <= 8 ? 2 : 3;
}

} // namespace

std::optional<std::string> closestName(std::string_view name,
                                       std::span<const std::string> candidates) {
  std::optional<std::string> best;
  size_t bestDistance = allowedEdits(name.size()) + 1;
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

} // namespace sloth::types
