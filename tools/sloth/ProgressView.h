// The human view of a workflow run. On a terminal: one live line per running task (spinner and
// elapsed time), finished tasks as ✓ success / ● success, unchanged / ✗ failed / ⊘ skipped with
// their duration. Elsewhere (a pipe, a CI log): the same finished lines, and shell commands'
// output prefixed with the task's name. Ends with a summary table. In a dry run it also shows each
// prediction as it is made and counts them per task.
#pragma once

#include "PrefixedLines.h"
#include "sloth/stdlib/runtime/DryRun.h"
#include "sloth/stdlib/runtime/Scheduler.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <map>
#include <string>

namespace sloth::cli {

class ProgressView : public stdlib::runtime::RunObserver {
public:
  ProgressView(boost::asio::io_context& io, bool live, bool color);
  void taskStarted(const stdlib::runtime::TaskDefinition& task) override;
  void taskRetrying(const stdlib::runtime::TaskDefinition& task, int nextAttempt, double delay,
                    const std::string& error) override;
  void taskFinished(const stdlib::runtime::TaskDefinition& task,
                    const stdlib::runtime::TaskOutcome& outcome) override;
  void taskOutput(const stdlib::runtime::TaskDefinition& task, int stream,
                  std::string_view chunk) override;
  /// A dry run: predictions are counted per task from `journal` (which outlives the view).
  void setDryRun(const stdlib::runtime::DryRunJournal* journal) { journal_ = journal; }
  /// Prints a prediction above the live lines.
  void showPrediction(const stdlib::runtime::Prediction& prediction);
  /// Stops the live lines and prints the summary table.
  void finish(const std::string& workflow, const stdlib::runtime::RunReport& report);

private:
  void printLine(const std::string& line); // above the live lines
  void redraw();
  void tick();
  std::string paint(const char* code, const std::string& text) const;

  boost::asio::steady_timer ticker_;
  bool live_;
  bool color_;
  bool ticking_ = false;
  int spinnerFrame_ = 0;
  int drawnLines_ = 0;
  std::map<std::string, std::chrono::steady_clock::time_point> running_;
  PrefixedLines outputLines_;
  const stdlib::runtime::DryRunJournal* journal_ = nullptr;
};

} // namespace sloth::cli
