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
  std::string code;      // empty: every code (a `---@diagnostic` line without names)
  uint32_t line = 0;     // the line it applies to (not for wholeFile)
  uint32_t lastLine = 0; // a region's last line (`---@diagnostic disable` ... `enable`); 0: `line`
  SourceRange range;     // the code in the comment
  bool used = false;
  bool reportUnused = true; // false for `---@diagnostic` lines, which name LuaLS's checks too
};

struct SuppressionScan {
  std::vector<Suppression> suppressions;
  std::vector<Diagnostic> problems; // invalid-suppression warnings
};

// Reads the `sloth:` comments of `file`.
SuppressionScan scanSuppressions(const std::vector<std::unique_ptr<ast::Comment>>& comments,
                                 const SourceManager& sources, FileId file);

// Reads lua-language-server's `---@diagnostic disable-next-line|disable-line|disable|enable[:
// names]` lines of `file` (LuaLsDirectives.cpp). They are meant for the checks' findings: apply
// them before the syntax and compile errors join, which no comment silences.
std::vector<Suppression>
scanLuaLsDirectives(const std::vector<std::unique_ptr<ast::Comment>>& comments,
                    const SourceManager& sources, FileId file);

// Removes the suppressed diagnostics, marking the suppressions that were used.
void applySuppressions(std::vector<Diagnostic>& diagnostics, std::vector<Suppression>& suppressions,
                       const SourceManager& sources);

// An `unused-suppression` warning for each suppression that suppressed nothing.
std::vector<Diagnostic> unusedSuppressions(const std::vector<Suppression>& suppressions,
                                           FileId file);

} // namespace sloth::report
