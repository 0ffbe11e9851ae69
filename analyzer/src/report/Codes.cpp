#include "sloth/analyzer/report/Codes.h"

#include <algorithm>
#include <vector>

namespace sloth::report {

std::span<const std::string> knownCodes() {
  static const std::vector<std::string> kCodes = {
      // the checks (docs/checks.md)
      "undefined-global", "unknown-module-function", "module-not-built", "wrong-arg-count",
      "arg-type-mismatch", "unknown-option", "option-value", "missing-required-option",
      "unknown-field", "call-non-function", "possibly-nil", "impossible-comparison", "unused-local",
      "unused-argument", "unused-loop-variable", "unused-label", "shadowed-module",
      "unreachable-code", "duplicate-key", "ignored-exec-result", "deprecated", "octal-mode",
      "bad-annotation", "unused-suppression", "invalid-suppression", "bad-config",
      // the task DSL (docs/cli.md) and YAML task files
      "unknown-dependency", "dependency-cycle", "invalid-duration", "duplicate-task",
      "invalid-task-name", "duplicate-workflow", "missing-build", "command-result", "yaml-syntax",
      "yaml-task",
      // the parser and Lua's compile-time errors
      "syntax-error", "unexpected-symbol", "unexpected-character", "unfinished-string",
      "unfinished-long-string", "unfinished-long-comment", "invalid-escape",
      "invalid-long-string-delimiter", "malformed-number", "break-outside-loop", "undefined-label",
      "duplicate-label", "goto-into-local-scope", "assign-to-const", "unknown-attribute",
      "multiple-close-variables", "vararg-outside-vararg-function", "expression-too-complex",
      "too-many-levels", "too-many-locals", "too-many-upvalues", "too-many-errors",
      "compile-limit"};
  return kCodes;
}

bool isKnownCode(std::string_view code) {
  std::span<const std::string> codes = knownCodes();
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

} // namespace sloth::report
