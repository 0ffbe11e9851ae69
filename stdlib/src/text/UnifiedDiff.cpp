#include "sloth/stdlib/text/UnifiedDiff.h"

#include <fmt/core.h>

#include <algorithm>
#include <vector>

namespace sloth::stdlib::text {

namespace {

constexpr std::size_t kContext = 3;
// Above this many cells the line matching gives up and shows the middle as replaced wholesale.
constexpr std::size_t kMaxTableCells = 4'000'000;

std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(0, end));
    text.remove_prefix(end);
  }
  return lines;
}

struct Edit {
  char op; // ' ', '-', '+'
  std::string_view line;
};

// The edit script from a to b: common prefix and suffix, and a longest common subsequence of
// the lines between them.
std::vector<Edit> editScript(const std::vector<std::string_view>& a,
                             const std::vector<std::string_view>& b) {
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
    ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;
  std::size_t n = a.size() - prefix - suffix, m = b.size() - prefix - suffix;

  std::vector<Edit> edits;
  for (std::size_t i = 0; i < prefix; ++i)
    edits.push_back({' ', a[i]});
  if ((n + 1) * (m + 1) > kMaxTableCells) {
    for (std::size_t i = 0; i < n; ++i)
      edits.push_back({'-', a[prefix + i]});
    for (std::size_t j = 0; j < m; ++j)
      edits.push_back({'+', b[prefix + j]});
  } else {
    // lcs[i][j]: the LCS length of a[prefix+i..] and b[prefix+j..].
    std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        at(i, j) = a[prefix + i] == b[prefix + j] ? at(i + 1, j + 1) + 1
                                                  : std::max(at(i + 1, j), at(i, j + 1));
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
        edits.push_back({' ', a[prefix + i]});
        ++i, ++j;
      } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
        edits.push_back({'-', a[prefix + i++]}); // removals first, as diff -u shows them
      } else {
        edits.push_back({'+', b[prefix + j++]});
      }
    }
  }
  for (std::size_t i = a.size() - suffix; i < a.size(); ++i)
    edits.push_back({' ', a[i]});
  return edits;
}

// "@@ -l,s +l,s @@" ranges: a count of 0 gives the line before (diff -u's convention).
std::string range(std::size_t first, std::size_t count) {
  if (count == 0)
    return fmt::format("{},0", first);
  if (count == 1)
    return fmt::format("{}", first + 1);
  return fmt::format("{},{}", first + 1, count);
}

} // namespace

std::string unifiedDiff(std::string_view before, std::string_view after,
                        const std::string& fromLabel, const std::string& toLabel) {
  if (before == after)
    return {};
  std::string out = fmt::format("--- {}\n+++ {}\n", fromLabel, toLabel);
  if (before.find('\0') != std::string_view::npos || after.find('\0') != std::string_view::npos)
    return out + fmt::format("binary content differs ({} bytes -> {} bytes)\n", before.size(),
                             after.size());
  std::vector<Edit> edits = editScript(splitLines(before), splitLines(after));

  // Group the changes into hunks with up to kContext unchanged lines around them.
  std::size_t k = 0;
  std::size_t oldLine = 0, newLine = 0; // 0-based positions at edits[k]
  while (k < edits.size()) {
    std::size_t firstChange = k;
    while (firstChange < edits.size() && edits[firstChange].op == ' ')
      ++firstChange;
    if (firstChange == edits.size())
      break;
    std::size_t start = firstChange - std::min(kContext, firstChange - k);
    for (std::size_t s = k; s < start; ++s)
      ++oldLine, ++newLine;
    // The hunk ends after kContext unchanged lines that no further change follows closely.
    std::size_t end = firstChange;
    for (std::size_t unchanged = 0; end < edits.size(); ++end) {
      if (edits[end].op == ' ') {
        if (++unchanged > 2 * kContext)
          break;
      } else {
        unchanged = 0;
      }
    }
    std::size_t trailing = 0;
    while (trailing < end - firstChange && edits[end - 1 - trailing].op == ' ')
      ++trailing;
    end -= trailing - std::min(trailing, kContext);

    std::size_t oldCount = 0, newCount = 0;
    std::string body;
    for (std::size_t e = start; e < end; ++e) {
      oldCount += edits[e].op != '+';
      newCount += edits[e].op != '-';
      body += edits[e].op;
      body += edits[e].line;
      if (edits[e].line.empty() || edits[e].line.back() != '\n')
        body += "\n\\ No newline at end of file\n";
    }
    out += fmt::format("@@ -{} +{} @@\n", range(oldLine, oldCount), range(newLine, newCount));
    out += body;
    oldLine += oldCount;
    newLine += newCount;
    k = end;
  }
  return out;
}

} // namespace sloth::stdlib::text
