// Collects diagnostics for a run over one or more files, in report order, and counts them.
#pragma once

#include "sloth/frontend/Diagnostic.h"

#include <vector>

namespace sloth {

class DiagnosticEngine {
public:
  // Returns the stored diagnostic so a caller can attach notes or a fix-it right away.
  Diagnostic& report(Severity severity, std::string code, FileId file, SourceRange range,
                     std::string message);
  Diagnostic& error(std::string code, FileId file, SourceRange range, std::string message) {
    return report(Severity::Error, std::move(code), file, range, std::move(message));
  }

  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  unsigned errorCount() const { return errors_; }
  unsigned warningCount() const { return warnings_; }
  // Errors reported for one file (the parser stops reporting after a cap per file).
  unsigned errorCount(FileId file) const;

private:
  std::vector<Diagnostic> diagnostics_;
  unsigned errors_ = 0;
  unsigned warnings_ = 0;
};

} // namespace sloth
