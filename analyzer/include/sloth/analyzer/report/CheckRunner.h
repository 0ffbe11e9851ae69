// `slothc check` over many files: expands directories (recursively, `*.lua` and `*.sloth`,
// skipping hidden directories and the `exclude` patterns of sloth.toml), checks the files in
// parallel (one SourceManager and DiagnosticEngine per file, the module signatures shared), applies
// each file's sloth.toml and inline suppressions, and returns the results sorted by path.
//
// Per file: parse and resolve (syntax and Lua's compile-time errors), then, unless syntaxOnly,
// the type checker and lints (check::checkChunk) and the task DSL checks.
#pragma once

#include "sloth/frontend/Diagnostic.h"
#include "sloth/frontend/Frontend.h"
#include "sloth/frontend/SourceManager.h"

#include <memory>
#include <string>
#include <vector>

namespace sloth::report {

struct CheckRunOptions {
  std::vector<std::string> inputs; // files, directories, or "-" for standard input
  bool syntaxOnly = false;
  unsigned jobs = 0; // worker threads; 0 = one per core
};

// The outcome for one file (a checked script, or a sloth.toml with problems).
struct FileResult {
  std::string path; // as named on the command line, or found below a named directory
  std::unique_ptr<SourceManager> sources;
  FileId file = 0;
  std::vector<Diagnostic> diagnostics; // in source order
  bool isConfig = false;
  size_t lines = 0;
};

struct CheckReport {
  std::vector<FileResult> files;   // sorted by path
  std::vector<std::string> errors; // "cannot read 'x': reason" for unreadable inputs
  size_t checkedFiles = 0;
  size_t checkedLines = 0;
  unsigned errorCount = 0;
  unsigned warningCount = 0;
  bool badConfig = false; // a sloth.toml had problems (they are in `files`)
  ParseStats stats;
};

CheckReport runChecks(const CheckRunOptions& options);

} // namespace sloth::report
