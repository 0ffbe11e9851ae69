// `sloth run --output json`: nothing on stdout while the run goes (shell commands' output goes to
// stderr, prefixed with the task's name), then one JSON document with every task's status,
// duration, message, outputs and error; a run in which no workflow ran (a plain script, or one
// that did not compile, raised an error or named no workflow it defines) gets the document too,
// with no tasks. Its shape is documented in docs/dsl.md. A dry run adds each task's prediction
// counts and the list of predictions (docs/dry-run.md).
#pragma once

#include "PrefixedLines.h"
#include "sloth/stdlib/runtime/DryRun.h"
#include "sloth/stdlib/runtime/Scheduler.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace sloth::cli {

class JsonReport : public stdlib::runtime::RunObserver {
public:
  void taskStarted(const stdlib::runtime::TaskDefinition&) override {}
  void taskRetrying(const stdlib::runtime::TaskDefinition&, int, double,
                    const std::string&) override {}
  void taskFinished(const stdlib::runtime::TaskDefinition& task,
                    const stdlib::runtime::TaskOutcome& outcome) override;
  void taskOutput(const stdlib::runtime::TaskDefinition& task, int stream,
                  std::string_view chunk) override;
  void print(const stdlib::runtime::WorkflowDefinition& workflow,
             const stdlib::runtime::RunReport& report) const;
  /// The document of a run in which no workflow ran: `workflow` null, no tasks, `error` the
  /// reason it ended (empty: null).
  void printWithoutWorkflow(int exitCode, const std::string& error, double duration) const;
  void setDryRun(const stdlib::runtime::DryRunJournal* journal) { journal_ = journal; }

private:
  void finish(nlohmann::ordered_json& doc) const; // adds the predictions and prints it

  const stdlib::runtime::DryRunJournal* journal_ = nullptr;
  PrefixedLines outputLines_;
};

} // namespace sloth::cli
