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
// that line. Long lines (minified code, binary files) show a window around the caret; control
// bytes print as '?' so a hostile file cannot drive the terminal; the underline skips UTF-8
// continuation bytes and keeps tabs, so it lines up under multi-byte text.
std::string excerpt(const SourceManager& sources, FileId file, SourceRange range, bool color) {
  constexpr size_t kMaxShown = 160;
  uint32_t line = sources.lineOf(file, range.begin);
  std::string_view text = sources.lineText(file, line);
  size_t column = std::min<size_t>(sources.columnOf(file, range.begin) - 1, text.size());
  size_t from = text.size() > kMaxShown && column > kMaxShown / 2 ? column - kMaxShown / 2 : 0;
  size_t to = std::min(text.size(), from + kMaxShown);

  std::string out = from > 0 ? " ..." : " ";
  for (size_t i = from; i < to; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    out += (c < 0x20 && c != '\t') || c == 0x7f ? '?' : static_cast<char>(c);
  }
  out += to < text.size() ? "...\n " : "\n ";
  if (from > 0)
    out += "   ";
  for (size_t i = from; i < column; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80)
      continue;
    out += c == '\t' ? '\t' : ' ';
  }
  size_t length = range.end > range.begin ? range.end - range.begin : 1;
  length = std::max<size_t>(1, std::min(length, to > column ? to - column : 1));
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
