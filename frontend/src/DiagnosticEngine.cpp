#include "sloth/frontend/DiagnosticEngine.h"

#include <algorithm>

namespace sloth {

const char* spelling(Severity severity) {
  switch (severity) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  case Severity::Info:
    return "info";
  }
  return "error";
}

Diagnostic& DiagnosticEngine::report(Severity severity, std::string code, FileId file,
                                     SourceRange range, std::string message) {
  if (severity == Severity::Error)
    ++errors_;
  else if (severity == Severity::Warning)
    ++warnings_;
  Diagnostic& d = diagnostics_.emplace_back();
  d.severity = severity;
  d.code = std::move(code);
  d.file = file;
  d.range = range;
  d.message = std::move(message);
  return d;
}

unsigned DiagnosticEngine::errorCount(FileId file) const {
  return static_cast<unsigned>(
      std::count_if(diagnostics_.begin(), diagnostics_.end(), [&](const Diagnostic& d) {
        return d.file == file && d.severity == Severity::Error;
      }));
}

} // namespace sloth
