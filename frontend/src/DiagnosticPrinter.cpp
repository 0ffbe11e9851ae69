#include "sloth/frontend/DiagnosticPrinter.h"

#include <algorithm>

namespace sloth {

namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kRed = "\033[1;31m";
constexpr const char* kMagenta = "\033[1;35m";
constexpr const char* kCyan = "\033[1;36m";
constexpr const char* kGreen = "\033[1;32m";
constexpr const char* kReset = "\033[0m";

const char* severityColor(Severity s) {
  switch (s) {
  case Severity::Error:
    return kRed;
  case Severity::Warning:
    return kMagenta;
  case Severity::Info:
    return kCyan;
  }
  return kRed;
}

std::string header(const SourceManager& sources, FileId file, uint32_t offset, const char* label,
                   const char* labelColor, const std::string& message, bool color) {
  std::string out;
  if (color)
    out += kBold;
  out += sources.describe(file, offset) + ": ";
  if (color)
    out += std::string(labelColor) + label + ":" + kReset + kBold + " ";
  else
    out += std::string(label) + ": ";
  out += message;
  if (color)
    out += kReset;
  return out;
}

// The source line holding `range.begin` and a caret/tilde underline for the part of `range` on
// that line. Tabs are kept in the underline so it stays aligned.
std::string excerpt(const SourceManager& sources, FileId file, SourceRange range, bool color) {
  uint32_t line = sources.lineOf(file, range.begin);
  std::string_view text = sources.lineText(file, line);
  uint32_t column = sources.columnOf(file, range.begin) - 1;
  std::string out = " " + std::string(text) + "\n ";
  for (uint32_t i = 0; i < column && i < text.size(); ++i)
    out += text[i] == '\t' ? '\t' : ' ';
  if (column > text.size())
    out.append(column - text.size(), ' ');
  uint32_t length = range.end > range.begin ? range.end - range.begin : 1;
  length = std::min<uint32_t>(
      length,
      std::max<uint32_t>(1, static_cast<uint32_t>(text.size()) -
                                std::min<uint32_t>(column, static_cast<uint32_t>(text.size()))));
  if (color)
    out += kGreen;
  out += "^" + std::string(length - 1, '~');
  if (color)
    out += kReset;
  return out + "\n";
}

} // namespace

std::string renderText(const Diagnostic& d, const SourceManager& sources, bool color) {
  std::string out = header(sources, d.file, d.range.begin, spelling(d.severity),
                           severityColor(d.severity), d.message + " [" + d.code + "]", color) +
                    "\n";
  out += excerpt(sources, d.file, d.range, color);
  if (d.fixIt) {
    std::string_view text = sources.text(d.file);
    const FixIt& f = *d.fixIt;
    std::string_view old = text.substr(f.range.begin, f.range.end - f.range.begin);
    std::string what = old.empty()
                           ? "insert '" + f.replacement + "'"
                           : "replace '" + std::string(old) + "' with '" + f.replacement + "'";
    out += header(sources, d.file, f.range.begin, "fix-it", kGreen, what, color) + "\n";
  }
  for (const DiagnosticNote& n : d.notes) {
    out += header(sources, n.file, n.range.begin, "note", kCyan, n.message, color) + "\n";
    out += excerpt(sources, n.file, n.range, color);
  }
  return out;
}

std::string renderGcc(const Diagnostic& d, const SourceManager& sources) {
  std::string out = sources.describe(d.file, d.range.begin) + ": " + spelling(d.severity) + ": " +
                    d.message + " [" + d.code + "]\n";
  for (const DiagnosticNote& n : d.notes)
    out += sources.describe(n.file, n.range.begin) + ": note: " + n.message + "\n";
  return out;
}

} // namespace sloth
