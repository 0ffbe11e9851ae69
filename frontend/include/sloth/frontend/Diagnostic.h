// One finding about a source file: what is wrong (message), where (file + byte range), how bad
// (severity), a stable kebab-case code that tools and docs key on, and optional notes and fix-it.
#pragma once

#include "sloth/frontend/SourceRange.h"

#include <optional>
#include <string>
#include <vector>

namespace sloth {

enum class Severity : uint8_t { Error, Warning, Info };

// "error", "warning", "info"
const char* spelling(Severity severity);

// Secondary information pointing elsewhere: "label 'x' first defined here".
struct DiagnosticNote {
  FileId file = 0;
  SourceRange range;
  std::string message;
};

// A suggested edit: replace `range` with `replacement` (empty range = insertion).
struct FixIt {
  SourceRange range;
  std::string replacement;
};

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code; // stable, kebab-case: "syntax-error", "break-outside-loop"
  FileId file = 0;
  SourceRange range; // the primary range; the caret points at range.begin
  std::string message;
  std::vector<DiagnosticNote> notes;
  std::optional<FixIt> fixIt;
};

} // namespace sloth
