#include "JsonReport.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

namespace sloth::cli {

using stdlib::runtime::Prediction;
using stdlib::runtime::TaskStatus;

namespace {
void printToStderr(const std::string& line) {
  fmt::print(stderr, "{}\n", line);
}
} // namespace

void JsonReport::taskOutput(const stdlib::runtime::TaskDefinition& task, int stream,
                            std::string_view chunk) {
  outputLines_.add(task.name, stream, chunk, printToStderr);
}

void JsonReport::taskFinished(const stdlib::runtime::TaskDefinition& task,
                              const stdlib::runtime::TaskOutcome&) {
  outputLines_.flush(task.name, printToStderr);
}

namespace {

// The fields every document has, in their order (docs/dsl.md).
nlohmann::ordered_json documentHead(nlohmann::ordered_json workflow, bool success, bool interrupted,
                                    double duration, bool dryRun, const std::string& error) {
  nlohmann::ordered_json doc;
  doc["workflow"] = std::move(workflow);
  doc["success"] = success;
  doc["interrupted"] = interrupted;
  doc["duration"] = duration;
  doc["dry_run"] = dryRun;
  doc["error"] = error.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(error);
  return doc;
}

} // namespace

void JsonReport::print(const stdlib::runtime::WorkflowDefinition& workflow,
                       const stdlib::runtime::RunReport& report) const {
  nlohmann::ordered_json doc = documentHead(workflow.name, report.success, report.interrupted,
                                            report.duration, journal_ != nullptr, report.error);
  nlohmann::ordered_json tasks = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < report.tasks.size(); ++i) {
    const auto& o = report.outcomes[i];
    nlohmann::ordered_json t;
    t["name"] = report.tasks[i]->name;
    t["status"] = std::string(stdlib::runtime::statusName(o.status));
    t["changed"] = o.changed;
    t["duration"] = o.duration;
    t["attempts"] = o.attempts;
    t["message"] = o.message.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(o.message);
    t["outputs"] = o.outputs;
    t["error"] = o.status == TaskStatus::Failed ? nlohmann::ordered_json(o.message)
                                                : nlohmann::ordered_json();
    if (journal_) {
      const std::string& name = report.tasks[i]->name;
      t["would_change"] = journal_->count(name, Prediction::Kind::WouldChange);
      t["would_run"] = journal_->count(name, Prediction::Kind::WouldRun);
      t["unknown"] = journal_->count(name, Prediction::Kind::Unknown);
      t["cannot_dry_run"] = journal_->count(name, Prediction::Kind::CannotDryRun);
    }
    tasks.push_back(std::move(t));
  }
  doc["tasks"] = std::move(tasks);
  finish(doc);
}

void JsonReport::printWithoutWorkflow(int exitCode, const std::string& error,
                                      double duration) const {
  nlohmann::ordered_json doc =
      documentHead(nullptr, exitCode == 0, exitCode == 130, duration, journal_ != nullptr, error);
  doc["tasks"] = nlohmann::ordered_json::array();
  finish(doc);
}

void JsonReport::finish(nlohmann::ordered_json& doc) const {
  if (journal_) {
    nlohmann::ordered_json predictions = nlohmann::ordered_json::array();
    for (const Prediction& p : journal_->predictions())
      predictions.push_back(
          {{"task", p.task.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(p.task)},
           {"verdict", std::string(stdlib::runtime::predictionKindName(p.kind))},
           {"function", p.function},
           {"target", p.target},
           {"detail",
            p.detail.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(p.detail)}});
    doc["predictions"] = std::move(predictions);
  }
  fmt::print("{}\n", doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
}

} // namespace sloth::cli
