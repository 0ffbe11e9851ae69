// `sloth run --output json`: nothing on stdout while the run goes (shell commands' output goes to
// stderr, prefixed with the task's name), then one JSON document with every task's status,
// duration, message, outputs and error. Its shape is documented in docs/dsl.md. A dry run adds
// each task's prediction counts and the list of predictions (docs/dry-run.md).
#pragma once

#include "PrefixedLines.h"
#include "sloth/stdlib/runtime/DryRun.h"
#include "sloth/stdlib/runtime/Scheduler.h"

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
  void setDryRun(const stdlib::runtime::DryRunJournal* journal) { journal_ = journal; }

private:
  const stdlib::runtime::DryRunJournal* journal_ = nullptr;
  PrefixedLines outputLines_;
};

} // namespace sloth::cli
