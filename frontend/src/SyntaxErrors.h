// Syntax errors in luac's words, for the full-LL pass of the parser: what was expected (in
// words), where the unclosed construct was opened, hints for habits from other languages, a
// filter for recovery cascades, and a cap per file.
#pragma once

#include "sloth/frontend/DiagnosticEngine.h"
#include "sloth/frontend/Lexer.h"

#include "antlr4-runtime.h"

#include <string_view>
#include <vector>

namespace sloth {

// Syntax errors reported per file before the parser gives up on it.
inline constexpr unsigned kMaxSyntaxErrors = 20;

class SyntaxErrorReporter;

// The error side of one full-LL parse: an ANTLR error strategy that reports through a reporter
// owned here, and the number of errors the parser hit (reported or filtered out).
class SyntaxErrors {
public:
  SyntaxErrors(std::string_view source, const LexedSource& lexed, FileId file,
               DiagnosticEngine& diags);
  ~SyntaxErrors();

  std::shared_ptr<antlr4::ANTLRErrorStrategy> strategy();
  unsigned seen() const;

private:
  std::unique_ptr<SyntaxErrorReporter> reporter_;
};

} // namespace sloth
