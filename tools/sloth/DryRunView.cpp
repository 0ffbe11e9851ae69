#include "DryRunView.h"

#include <fmt/core.h>

#include <sstream>

namespace sloth::cli {

using stdlib::runtime::DryRunJournal;
using stdlib::runtime::Prediction;

namespace {

std::string paint(bool color, const char* code, const std::string& text) {
  return color ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : text;
}

const char* symbol(Prediction::Kind kind) {
  switch (kind) {
  case Prediction::Kind::WouldChange:
    return "~";
  case Prediction::Kind::WouldRun:
    return "!";
  case Prediction::Kind::Unknown:
    return "?";
  case Prediction::Kind::CannotDryRun:
    return "✗";
  }
  return "~";
}

const char* colorOf(Prediction::Kind kind) {
  return kind == Prediction::Kind::CannotDryRun ? "31"
         : kind == Prediction::Kind::Unknown    ? "35"
                                                : "33";
}

std::string plural(int n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

int countKind(const DryRunJournal& journal, Prediction::Kind kind) {
  int n = 0;
  for (const Prediction& p : journal.predictions())
    n += p.kind == kind;
  return n;
}

} // namespace

std::string firstLineOf(const std::string& text) {
  std::size_t end = text.find_last_not_of('\n');
  if (end == std::string::npos)
    return "";
  std::size_t nl = text.find('\n');
  return nl > end ? text.substr(0, end + 1) : text.substr(0, nl) + " …";
}

std::string formatPrediction(const Prediction& p, bool color) {
  std::string head = p.task.empty() ? "" : p.task + ": ";
  head += p.function;
  // A multi-line target (a shell script) is named by its first line; its lines follow indented.
  std::string target = firstLineOf(p.target);
  if (!target.empty())
    head += " " + target;
  std::string detail = p.detail;
  bool multiLine = p.target.find('\n') < p.target.find_last_not_of('\n');
  if (multiLine && detail.empty())
    detail = p.target;
  std::string text = fmt::format(
      "  {} {}: {}", paint(color, colorOf(p.kind), symbol(p.kind)), head,
      paint(color, colorOf(p.kind), std::string(stdlib::runtime::predictionKindName(p.kind))));
  // A one-line detail without a diff reads best on the same line.
  bool oneLine = detail.find('\n') == std::string::npos || detail.find('\n') == detail.size() - 1;
  if (!detail.empty() && oneLine && detail.rfind("---", 0) != 0) {
    if (detail.back() == '\n')
      detail.pop_back();
    return text + fmt::format(" ({})\n", detail);
  }
  text += "\n";
  std::istringstream lines(detail);
  for (std::string line; std::getline(lines, line);) {
    const char* code = line.rfind("+++", 0) == 0 || line.rfind("---", 0) == 0 ? "1"
                       : line.rfind('+', 0) == 0                              ? "32"
                       : line.rfind('-', 0) == 0                              ? "31"
                       : line.rfind("@@", 0) == 0                             ? "36"
                                                                              : nullptr;
    text += "      " + (code ? paint(color, code, line) : line) + "\n";
  }
  return text;
}

std::string taskPredictionSummary(const DryRunJournal& journal, const std::string& task) {
  std::string summary;
  auto add = [&](Prediction::Kind kind, const char* words) {
    if (int n = journal.count(task, kind))
      summary += fmt::format("{}{} {}", summary.empty() ? "" : ", ", n, words);
  };
  add(Prediction::Kind::WouldChange, "would change");
  add(Prediction::Kind::WouldRun, "would run");
  add(Prediction::Kind::Unknown, "unknown");
  add(Prediction::Kind::CannotDryRun, "cannot dry-run");
  return summary;
}

std::string dryRunTotals(const DryRunJournal& journal) {
  std::string text = fmt::format("dry run: {}, {}",
                                 plural(countKind(journal, Prediction::Kind::WouldChange),
                                        "change would be made", "changes would be made"),
                                 plural(countKind(journal, Prediction::Kind::WouldRun),
                                        "command would run", "commands would run"));
  if (int unknown = countKind(journal, Prediction::Kind::Unknown))
    text += ", " + plural(unknown, "condition unknown", "conditions unknown");
  if (int refused = countKind(journal, Prediction::Kind::CannotDryRun))
    text += ", " + plural(refused, "call cannot dry-run", "calls cannot dry-run");
  return text + "; nothing was changed";
}

} // namespace sloth::cli
