#include "sloth/analyzer/report/Suppressions.h"

#include "sloth/analyzer/report/Codes.h"
#include "sloth/analyzer/types/Suggest.h"

#include <fmt/core.h>

#include <array>
#include <cctype>

namespace sloth::report {

namespace {

bool isCodeChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

bool isBlank(char c) {
  return c == ' ' || c == '\t';
}

// Whether nothing but blanks precedes `offset` on its line.
bool aloneOnLine(const SourceManager& sources, FileId file, uint32_t offset) {
  std::string_view text = sources.text(file);
  while (offset > 0 && text[offset - 1] != '\n') {
    if (!isBlank(text[offset - 1]) && text[offset - 1] != '\r')
      return false;
    --offset;
  }
  return true;
}

// The first line after `line` holding code (not blank, not only a comment); 0 when none.
uint32_t nextCodeLine(const SourceManager& sources, FileId file, uint32_t line) {
  for (uint32_t l = line + 1, n = sources.lineCount(file); l <= n; ++l) {
    std::string_view text = sources.lineText(file, l);
    size_t first = text.find_first_not_of(" \t\r\f\v");
    if (first != std::string_view::npos && text.substr(first, 2) != "--")
      return l;
  }
  return 0;
}

Diagnostic warning(std::string code, FileId file, SourceRange range, std::string message) {
  Diagnostic d;
  d.severity = Severity::Warning;
  d.code = std::move(code);
  d.file = file;
  d.range = range;
  d.message = std::move(message);
  return d;
}

} // namespace

SuppressionScan scanSuppressions(const std::vector<std::unique_ptr<ast::Comment>>& comments,
                                 const SourceManager& sources, FileId file) {
  static const std::vector<std::string> kDirectives = {"ignore", "ignore-file"};
  SuppressionScan scan;
  for (const auto& comment : comments) {
    if (comment->isLong)
      continue;
    std::string_view text = comment->text;
    uint32_t base = comment->range.begin + 2; // the text starts after "--"
    size_t pos = 0;
    auto skipBlanks = [&] {
      while (pos < text.size() && isBlank(text[pos]))
        ++pos;
    };
    skipBlanks();
    if (text.substr(pos, 6) != "sloth:")
      continue;
    pos += 6;
    skipBlanks();
    size_t wordStart = pos;
    while (pos < text.size() && isCodeChar(text[pos]))
      ++pos;
    std::string directive(text.substr(wordStart, pos - wordStart));
    SourceRange directiveRange{base + static_cast<uint32_t>(wordStart),
                               base + static_cast<uint32_t>(pos)};
    if (directive != "ignore" && directive != "ignore-file") {
      std::string message = fmt::format("unknown sloth: directive '{}'", directive);
      if (auto fixed = types::closestName(directive, kDirectives))
        message += fmt::format("; did you mean '{}'?", *fixed);
      else
        message += " (expected 'ignore CODE' or 'ignore-file CODE')";
      scan.problems.push_back(warning("invalid-suppression", file, directiveRange, message));
      continue;
    }
    bool wholeFile = directive == "ignore-file";
    uint32_t line = sources.lineOf(file, comment->range.begin);
    if (!wholeFile && aloneOnLine(sources, file, comment->range.begin))
      line = nextCodeLine(sources, file, line);
    // code (',' code)*
    bool any = false;
    while (true) {
      skipBlanks();
      size_t start = pos;
      while (pos < text.size() && isCodeChar(text[pos]))
        ++pos;
      if (pos == start)
        break;
      any = true;
      Suppression s;
      s.wholeFile = wholeFile;
      s.code = std::string(text.substr(start, pos - start));
      s.line = line;
      s.range = {base + static_cast<uint32_t>(start), base + static_cast<uint32_t>(pos)};
      scan.suppressions.push_back(std::move(s));
      skipBlanks();
      if (pos < text.size() && text[pos] == ',')
        ++pos;
      else
        break;
    }
    if (!any)
      scan.problems.push_back(warning("invalid-suppression", file, directiveRange,
                                      fmt::format("'sloth: {}' needs the code(s) to ignore, "
                                                  "e.g. 'sloth: {} unused-local'",
                                                  directive, directive)));
  }
  return scan;
}

void applySuppressions(std::vector<Diagnostic>& diagnostics, std::vector<Suppression>& suppressions,
                       const SourceManager& sources) {
  if (suppressions.empty())
    return;
  std::vector<Diagnostic> kept;
  kept.reserve(diagnostics.size());
  for (Diagnostic& d : diagnostics) {
    uint32_t line = sources.lineOf(d.file, d.range.begin);
    bool suppressed = false;
    for (Suppression& s : suppressions)
      if ((s.code.empty() || s.code == d.code) &&
          (s.wholeFile || s.line == line || (s.line <= line && line <= s.lastLine))) {
        s.used = true;
        suppressed = true;
      }
    if (!suppressed)
      kept.push_back(std::move(d));
  }
  diagnostics = std::move(kept);
}

std::vector<Diagnostic> unusedSuppressions(const std::vector<Suppression>& suppressions,
                                           FileId file) {
  std::vector<Diagnostic> out;
  for (const Suppression& s : suppressions) {
    if (s.used || !s.reportUnused)
      continue;
    if (!isKnownCode(s.code)) { // a misspelt code suppresses nothing, ever
      std::string message = fmt::format("unknown code '{}' in a suppression", s.code);
      if (auto fixed = types::closestName(s.code, knownCodes()))
        message += fmt::format("; did you mean '{}'?", *fixed);
      out.push_back(warning("invalid-suppression", file, s.range, std::move(message)));
      continue;
    }
    std::string where = s.wholeFile ? "in this file"
                        : s.line    ? fmt::format("on line {}", s.line)
                                    : "here (no code follows the comment)";
    out.push_back(warning("unused-suppression", file, s.range,
                          fmt::format("unused suppression: no '{}' diagnostic {}", s.code, where)));
  }
  return out;
}

} // namespace sloth::report
