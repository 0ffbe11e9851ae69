// Inline suppressions in comments:
//
//   local x = f() -- sloth: ignore unused-local            this line
//   -- sloth: ignore unused-local, shadowed-global         alone on its line: the next line of code
//   -- sloth: ignore-file deprecated                        anywhere: the whole file
//
// Codes are separated by commas; text after the last code is a free-form reason. A diagnostic is
// suppressed when its code is listed and it starts on the target line (or anywhere, for
// ignore-file). A suppression that suppressed nothing is itself reported (`unused-suppression`,
// a warning), and a malformed `sloth:` comment is `invalid-suppression`.
#pragma once

#include "sloth/frontend/Ast.h"
#include "sloth/frontend/Diagnostic.h"
#include "sloth/frontend/SourceManager.h"

#include <memory>
#include <string>
#include <vector>

namespace sloth::report {

struct Suppression {
  bool wholeFile = false;
  std::string code;
  uint32_t line = 0; // the line it applies to (not for wholeFile)
  SourceRange range; // the code in the comment
  bool used = false;
};

struct SuppressionScan {
  std::vector<Suppression> suppressions;
  std::vector<Diagnostic> problems; // invalid-suppression warnings
};

// Reads the `sloth:` comments of `file`.
SuppressionScan scanSuppressions(const std::vector<std::unique_ptr<ast::Comment>>& comments,
                                 const SourceManager& sources, FileId file);

// Removes the suppressed diagnostics, marking the suppressions that were used.
void applySuppressions(std::vector<Diagnostic>& diagnostics, std::vector<Suppression>& suppressions,
                       const SourceManager& sources);

// An `unused-suppression` warning for each suppression that suppressed nothing.
std::vector<Diagnostic> unusedSuppressions(const std::vector<Suppression>& suppressions,
                                           FileId file);

} // namespace sloth::report
