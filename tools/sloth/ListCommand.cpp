// `sloth list FILE [--format json]`: the workflows a script defines, with their tasks,
// descriptions and dependencies. The script's main chunk runs to define them (as `sloth run`
// does before it starts a workflow); no workflow runs.
#include "Commands.h"
#include "ScriptBundle.h"
#include "ScriptSession.h"

#include "sloth/stdlib/runtime/Workflow.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace sloth::cli {

namespace {

namespace rt = stdlib::runtime;

std::string describeAction(const rt::Action& action) {
  switch (action.kind) {
  case rt::Action::Kind::Function:
    return "function";
  case rt::Action::Kind::Shell:
    return action.shell;
  case rt::Action::Kind::None:
    break;
  }
  return {};
}

nlohmann::ordered_json toJson(const rt::WorkflowDefinition& w) {
  nlohmann::ordered_json doc;
  doc["name"] = w.name;
  doc["description"] = w.description;
  doc["version"] = w.version;
  doc["defined_at"] = w.definedAt;
  doc["config"] = {
      {"max_parallel_tasks", w.maxParallelTasks > 0 ? nlohmann::ordered_json(w.maxParallelTasks)
                                                    : nlohmann::ordered_json()},
      {"timeout", w.timeout > 0 ? nlohmann::ordered_json(w.timeout) : nlohmann::ordered_json()},
      {"fail_fast", w.failFast}};
  nlohmann::ordered_json tasks = nlohmann::ordered_json::array();
  for (const rt::TaskDefinition& t : w.tasks) {
    nlohmann::ordered_json task;
    task["name"] = t.name;
    task["description"] = t.description;
    task["depends_on"] = t.dependsOn;
    task["command"] = describeAction(t.command);
    task["timeout"] = t.timeout > 0 ? nlohmann::ordered_json(t.timeout) : nlohmann::ordered_json();
    task["retries"] = t.retries;
    task["workdir"] =
        t.workdir.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(t.workdir);
    task["user"] = t.user.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(t.user);
    task["delegate_to"] =
        t.delegateTo.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(t.delegateTo);
    tasks.push_back(std::move(task));
  }
  doc["tasks"] = std::move(tasks);
  return doc;
}

void printText(const std::vector<rt::WorkflowDefinition>& workflows) {
  for (const rt::WorkflowDefinition& w : workflows) {
    fmt::print("{}{}{}\n", w.name, w.version.empty() ? "" : " " + w.version,
               w.description.empty() ? "" : ": " + w.description);
    std::size_t width = 0;
    for (const rt::TaskDefinition& t : w.tasks)
      width = std::max(width, t.name.size());
    for (const rt::TaskDefinition& t : w.tasks) {
      std::string line = fmt::format("  {:<{}}", t.name, width);
      if (!t.description.empty())
        line += "  " + t.description;
      if (!t.dependsOn.empty()) {
        std::string deps;
        for (const std::string& d : t.dependsOn)
          deps += (deps.empty() ? "" : ", ") + d;
        line += fmt::format("  (after: {})", deps);
      }
      if (!t.delegateTo.empty())
        line += fmt::format("  [delegate_to: {}]", t.delegateTo);
      while (!line.empty() && line.back() == ' ')
        line.pop_back();
      fmt::print("{}\n", line);
    }
  }
}

// A bundle's workflows come from its metadata: listing one runs nothing.
std::optional<std::vector<rt::WorkflowDefinition>> bundleWorkflows(const std::string& path) {
  std::string error;
  std::optional<vm::Bundle> bundle = readScriptBundle(path, error);
  std::optional<std::vector<rt::WorkflowDefinition>> workflows;
  if (bundle)
    workflows = workflowsFromMetadata(bundle->metadata, error);
  if (!workflows)
    fmt::print(stderr, "sloth: {}\n", error);
  return workflows;
}

int list(const std::string& path, const std::string& format) {
  std::vector<rt::WorkflowDefinition> workflows;
  if (isBundleFile(path)) {
    auto fromMetadata = bundleWorkflows(path);
    if (!fromMetadata)
      return 2;
    workflows = std::move(*fromMetadata);
  } else {
    ScriptSession session;
    if (auto rc = session.compile(path))
      return *rc;
    if (auto rc = session.runMainChunk(path, {}))
      return *rc;
    workflows = rt::definedWorkflows(session.main());
  }
  if (format == "json") {
    nlohmann::ordered_json doc = nlohmann::ordered_json::array();
    for (const auto& w : workflows)
      doc.push_back(toJson(w));
    fmt::print("{}\n", nlohmann::ordered_json{{"workflows", doc}}.dump(2));
    return 0;
  }
  if (workflows.empty())
    fmt::print("{} defines no workflow\n", path);
  printText(workflows);
  return 0;
}

} // namespace

Action addListCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("list", "List a script's workflows and their tasks");
  auto path = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  cmd->add_option("file", *path, "Script whose workflows to list")->required();
  cmd->add_option("--format", *format, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  return [cmd, path, format]() -> int {
    if (!*cmd)
      return -1;
    return list(*path, *format);
  };
}

} // namespace sloth::cli
