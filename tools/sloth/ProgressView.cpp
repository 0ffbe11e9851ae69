#include "ProgressView.h"

#include "DryRunView.h"

#include <fmt/core.h>

#include <algorithm>
#include <cstdio>
#include <sys/ioctl.h>
#include <unistd.h>
#include <vector>

namespace sloth::cli {

using stdlib::runtime::RunReport;
using stdlib::runtime::TaskDefinition;
using stdlib::runtime::TaskOutcome;
using stdlib::runtime::TaskStatus;

namespace {

constexpr const char* kSpinner[] = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};

std::string formatDuration(double seconds) {
  if (seconds < 60)
    return fmt::format("{:.2f}s", seconds);
  int total = static_cast<int>(seconds);
  return fmt::format("{}m{:02}s", total / 60, total % 60);
}

// The terminal's width in columns (80 when it cannot be told).
int terminalColumns() {
  winsize size{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    return size.ws_col;
  return 80;
}

// `name` cut to at most `columns` columns, with "…" when cut. A character of three or four UTF-8
// bytes counts two columns (CJK is wide; counting more than needed only cuts sooner).
std::string fitted(const std::string& name, int columns) {
  std::size_t at = 0;
  int used = 0;
  while (at < name.size()) {
    auto lead = static_cast<unsigned char>(name[at]);
    std::size_t bytes = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    int width = bytes >= 3 ? 2 : 1;
    if (used + width > columns - 1 && at + bytes < name.size())
      return name.substr(0, at) + "…";
    used += width;
    at += bytes;
  }
  return name;
}

} // namespace

ProgressView::ProgressView(boost::asio::io_context& io, bool live, bool color)
    : ticker_(io), live_(live), color_(color) {}

std::string ProgressView::paint(const char* code, const std::string& text) const {
  return color_ ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : text;
}

void ProgressView::printLine(const std::string& line) {
  if (live_ && drawnLines_ > 0) {
    fmt::print("\x1b[{}F\x1b[J", drawnLines_);
    drawnLines_ = 0;
  }
  fmt::print("{}\n", line);
  redraw();
}

void ProgressView::redraw() {
  if (!live_)
    return;
  if (drawnLines_ > 0)
    fmt::print("\x1b[{}F\x1b[J", drawnLines_);
  drawnLines_ = 0;
  auto now = std::chrono::steady_clock::now();
  // Each line must fit the terminal: a wrapped one would take two rows and the next redraw,
  // which moves up one row a line, would leave a piece of it behind.
  int nameColumns = std::max(terminalColumns() - 12, 8); // spinner, spaces, "123m05s"
  for (auto& [name, started] : running_) {
    double elapsed = std::chrono::duration<double>(now - started).count();
    fmt::print("{} {} {}\n", paint("36", kSpinner[spinnerFrame_ % 10]), fitted(name, nameColumns),
               paint("2", formatDuration(elapsed)));
    ++drawnLines_;
  }
  std::fflush(stdout);
}

void ProgressView::tick() {
  if (!live_ || running_.empty()) {
    ticking_ = false;
    return;
  }
  ticking_ = true;
  ticker_.expires_after(std::chrono::milliseconds(100));
  ticker_.async_wait([this](const boost::system::error_code& ec) {
    if (ec)
      return;
    ++spinnerFrame_;
    redraw();
    tick();
  });
}

void ProgressView::taskStarted(const TaskDefinition& task) {
  running_[task.name] = std::chrono::steady_clock::now();
  if (live_) {
    redraw();
    if (!ticking_)
      tick();
  } else {
    fmt::print("▶ {}\n", task.name);
    std::fflush(stdout);
  }
}

void ProgressView::taskRetrying(const TaskDefinition& task, int nextAttempt, double delay,
                                const std::string& error) {
  printLine(paint("33", fmt::format("↻ {}: attempt {} failed ({}); retrying in {}", task.name,
                                    nextAttempt - 1, error, formatDuration(delay))));
}

void ProgressView::taskFinished(const TaskDefinition& task, const TaskOutcome& outcome) {
  running_.erase(task.name);
  outputLines_.flush(task.name, [this](const std::string& line) { printLine(line); });
  std::string mark;
  switch (outcome.status) {
  case TaskStatus::Success:
    mark = outcome.changed ? paint("32", "✓") : paint("34", "●");
    break;
  case TaskStatus::Failed:
    mark = paint("31", "✗");
    break;
  default:
    mark = paint("33", "⊘");
  }
  std::string line = fmt::format("{} {}", mark, task.name);
  if (outcome.status == TaskStatus::Success || outcome.status == TaskStatus::Failed)
    line += " " + paint("2", fmt::format("({})", formatDuration(outcome.duration)));
  // A multi-line message (a shell script, an error with its output) keeps its first line here
  // and its other lines below, indented, so the status marks stay at the starts of lines.
  std::string message = outcome.message;
  while (!message.empty() && message.back() == '\n')
    message.pop_back();
  std::size_t nl = message.find('\n');
  if (!message.empty())
    line += ": " + message.substr(0, nl);
  std::string rest;
  for (std::size_t at = nl; at != std::string::npos;) {
    std::size_t next = message.find('\n', at + 1);
    rest += "\n    " + message.substr(at + 1, next == std::string::npos ? next : next - at - 1);
    at = next;
  }
  if (journal_)
    if (std::string predicted = taskPredictionSummary(*journal_, task.name); !predicted.empty())
      line += fmt::format(" [{}]", predicted);
  printLine(line + rest);
  if (running_.empty())
    ticker_.cancel();
}

void ProgressView::taskOutput(const TaskDefinition& task, int stream, std::string_view chunk) {
  outputLines_.add(task.name, stream, chunk, [this](const std::string& line) { printLine(line); });
}

void ProgressView::showPrediction(const stdlib::runtime::Prediction& prediction) {
  std::string text = formatPrediction(prediction, color_);
  text.pop_back(); // printLine ends the line
  printLine(text);
}

void ProgressView::finish(const std::string& workflow, const RunReport& report) {
  running_.clear();
  ticker_.cancel();
  redraw();
  std::size_t width = 4;
  for (const TaskDefinition* task : report.tasks)
    width = std::max(width, task->name.size());
  // A dry run adds what each task would do (its predictions) before the message.
  std::vector<std::string> predicted(report.tasks.size());
  std::size_t predictedWidth = 0;
  if (journal_) {
    predictedWidth = 9;
    for (std::size_t i = 0; i < report.tasks.size(); ++i) {
      predicted[i] = taskPredictionSummary(*journal_, report.tasks[i]->name);
      if (predicted[i].empty())
        predicted[i] = "-";
      predictedWidth = std::max(predictedWidth, predicted[i].size());
    }
  }
  auto column = [&](const std::string& text) {
    return journal_ ? fmt::format("{:<{}}  ", text, predictedWidth) : std::string();
  };
  fmt::print("\n{:<{}}  {:<8}  {:>9}  {}{}\n", "TASK", width, "STATUS", "DURATION",
             column("PREDICTED"), "MESSAGE");
  int succeeded = 0, failed = 0, skipped = 0;
  for (std::size_t i = 0; i < report.tasks.size(); ++i) {
    const TaskOutcome& o = report.outcomes[i];
    std::string status(stdlib::runtime::statusName(o.status));
    if (o.status == TaskStatus::Success && !o.changed)
      status = "ok";
    std::string line =
        fmt::format("{:<{}}  {:<8}  {:>9}  {}{}", report.tasks[i]->name, width, status,
                    o.status == TaskStatus::Skipped ? "-" : formatDuration(o.duration),
                    column(predicted[i]), firstLineOf(o.message));
    while (!line.empty() && line.back() == ' ')
      line.pop_back();
    fmt::print("{}\n", line);
    succeeded += o.status == TaskStatus::Success;
    failed += o.status == TaskStatus::Failed;
    skipped += o.status == TaskStatus::Skipped;
  }
  if (!report.error.empty())
    fmt::print("error: {}\n", report.error);
  fmt::print("\nworkflow '{}' {}: {} succeeded, {} failed, {} skipped in {}\n", workflow,
             report.interrupted ? "interrupted"
             : report.success   ? "succeeded"
                                : "failed",
             succeeded, failed, skipped, formatDuration(report.duration));
  if (journal_)
    fmt::print("{}\n", dryRunTotals(*journal_));
  std::fflush(stdout);
}

} // namespace sloth::cli
