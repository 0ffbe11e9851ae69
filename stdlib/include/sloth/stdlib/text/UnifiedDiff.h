#pragma once
// A unified diff (`diff -u` format) between two texts, for the dry run's "would change" reports.

#include <string>
#include <string_view>

namespace sloth::stdlib::text {

/// The diff from `before` to `after` with 3 lines of context, headed `--- fromLabel` /
/// `+++ toLabel`; empty when the texts are equal. Text holding NUL bytes is summarised as
/// "binary content differs" instead of diffed.
std::string unifiedDiff(std::string_view before, std::string_view after,
                        const std::string& fromLabel, const std::string& toLabel);

} // namespace sloth::stdlib::text
