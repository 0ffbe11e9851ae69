// `sloth list FILE [--format json]`: the workflows a script defines, with their tasks,
// descriptions, dependencies and params. The script's main chunk runs to define them (as `sloth
// run` does before it starts a workflow); no workflow runs. A bundle's come from its metadata.
#include "Commands.h"
#include "ScriptBundle.h"
#include "ScriptSession.h"
#include "StdoutReserved.h"

#include "sloth/stdlib/runtime/Logger.h"
#include "sloth/stdlib/runtime/Scheduler.h" // toJson
#include "sloth/stdlib/runtime/Workflow.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <set>
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

using Json = nlohmann::ordered_json;

// A task's params as listed: null when the task has none; from a bundle, the values the build
// could not read from the source are null with their paths ("params.db.password") in `computed`.
struct ListedParams {
  Json value;
  std::set<std::string> computed;
};

// Per workflow, per task.
using ParamsTable = std::vector<std::vector<ListedParams>>;

// Values under keys named like secrets (`db_password`, `api_token`: the words the log module
// redacts) are listed as "(sensitive)", as `slothc plan` shows them (design §7: secrets are never
// shown), whole when the value is a table.
Json withoutSecrets(Json v) {
  return rt::withoutSecrets(std::move(v), "(sensitive)");
}

const ListedParams& paramsOf(const ParamsTable& table, std::size_t workflow, std::size_t task) {
  static const ListedParams none;
  if (workflow < table.size() && task < table[workflow].size())
    return table[workflow][task];
  return none;
}

Json toJson(const rt::WorkflowDefinition& w, const ParamsTable& params, std::size_t index) {
  Json doc;
  doc["name"] = w.name;
  doc["description"] = w.description;
  doc["version"] = w.version;
  doc["defined_at"] = w.definedAt;
  doc["config"] = {
      {"max_parallel_tasks", w.maxParallelTasks > 0 ? Json(w.maxParallelTasks) : Json()},
      {"timeout", w.timeout > 0 ? Json(w.timeout) : Json()},
      {"fail_fast", w.failFast}};
  Json tasks = Json::array();
  for (std::size_t i = 0; i < w.tasks.size(); ++i) {
    const rt::TaskDefinition& t = w.tasks[i];
    Json task;
    task["name"] = t.name;
    task["description"] = t.description;
    task["depends_on"] = t.dependsOn;
    task["command"] = describeAction(t.command);
    task["timeout"] = t.timeout > 0 ? Json(t.timeout) : Json();
    task["retries"] = t.retries;
    task["workdir"] = t.workdir.empty() ? Json() : Json(t.workdir);
    task["user"] = t.user.empty() ? Json() : Json(t.user);
    task["delegate_to"] = t.delegateTo.empty() ? Json() : Json(t.delegateTo);
    const ListedParams& p = paramsOf(params, index, i);
    task["params"] = p.value;
    task["params_computed"] = Json(std::vector<std::string>(p.computed.begin(), p.computed.end()));
    tasks.push_back(std::move(task));
  }
  doc["tasks"] = std::move(tasks);
  return doc;
}

// `env="prod", hosts=["a", "b"], db={port=5432}`, a computed value as `(computed)`.
std::string paramsText(const Json& v, const std::string& path, const ListedParams& p, bool top) {
  if (p.computed.contains(path) && !v.is_structured())
    return "(computed)";
  std::string out;
  auto item = [&](const std::string& text) { out += (out.empty() ? "" : ", ") + text; };
  if (v.is_object()) {
    for (const auto& [key, value] : v.items())
      item(key + "=" + paramsText(value, path + "." + key, p, false));
  } else if (v.is_array()) {
    std::size_t position = 0;
    for (const Json& value : v)
      item(paramsText(value, fmt::format("{}[{}]", path, ++position), p, false));
  } else {
    return v.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
  if (p.computed.contains(path))
    item("(computed)"); // a table that may hold more than the entries written
  if (top && !out.empty())
    return out;
  return v.is_array() ? "[" + out + "]" : "{" + out + "}";
}

void printText(const std::vector<rt::WorkflowDefinition>& workflows, const ParamsTable& params) {
  for (std::size_t wi = 0; wi < workflows.size(); ++wi) {
    const rt::WorkflowDefinition& w = workflows[wi];
    fmt::print("{}{}{}\n", w.name, w.version.empty() ? "" : " " + w.version,
               w.description.empty() ? "" : ": " + w.description);
    std::size_t width = 0;
    for (const rt::TaskDefinition& t : w.tasks)
      width = std::max(width, t.name.size());
    for (std::size_t ti = 0; ti < w.tasks.size(); ++ti) {
      const rt::TaskDefinition& t = w.tasks[ti];
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
      const ListedParams& p = paramsOf(params, wi, ti);
      if (!p.value.is_null() || p.computed.contains("params"))
        fmt::print("  {:<{}}  params: {}\n", "", width, paramsText(p.value, "params", p, true));
    }
  }
}

// A bundle's workflows come from its metadata: listing one runs nothing.
std::optional<std::vector<rt::WorkflowDefinition>> bundleWorkflows(const std::string& path,
                                                                   const vm::Bundle& bundle) {
  std::string error;
  auto workflows = workflowsFromMetadata(bundle.metadata, error);
  if (!workflows)
    fmt::print(stderr, "sloth: {}: {}\n", path, error);
  return workflows;
}

// The params of each task in a bundle's metadata (docs/bundle-format.md), in the order
// workflowsFromMetadata lists the tasks.
ParamsTable bundleParams(const vm::Bundle& bundle) {
  ParamsTable table;
  Json root = parseBundleMetadata<Json>(bundle.metadata);
  for (const Json& w : root.value("workflows", Json::array())) {
    if (!w.is_object())
      continue;
    std::vector<ListedParams>& tasks = table.emplace_back();
    for (const Json& t : w.value("tasks", Json::array())) {
      if (!t.is_object())
        continue;
      ListedParams& p = tasks.emplace_back();
      // Keys sorted, as a script's params (a Lua table has no order) are listed.
      p.value = withoutSecrets(Json(nlohmann::json(t.value("params", Json()))));
      for (const Json& key : t.value("unknown", Json::array()))
        if (key.is_string() && key.get<std::string>().starts_with("params"))
          p.computed.insert(key.get<std::string>());
    }
  }
  return table;
}

// The params tables the script's tasks hold after its main chunk ran.
ParamsTable scriptParams(vm::Thread& L, const std::vector<rt::WorkflowDefinition>& workflows) {
  ParamsTable table;
  for (const rt::WorkflowDefinition& w : workflows) {
    std::vector<ListedParams>& tasks = table.emplace_back();
    for (std::size_t i = 0; i < w.tasks.size(); ++i) {
      rt::pushDefinitionField(L, w, static_cast<int>(i), "params");
      tasks.push_back({L.isNil(-1) ? Json() : withoutSecrets(Json(rt::toJson(L, -1))), {}});
      L.pop();
    }
  }
  return table;
}

int list(const std::string& path, const std::string& format) {
  std::vector<rt::WorkflowDefinition> workflows;
  ParamsTable params;
  std::unique_ptr<ScriptSession> session; // holds the script's values while they are listed
  if (isBundleFile(path)) {
    std::string error;
    std::optional<vm::Bundle> bundle = readScriptBundle(path, error);
    if (!bundle) {
      fmt::print(stderr, "sloth: {}\n", error);
      return 2;
    }
    auto fromMetadata = bundleWorkflows(path, *bundle);
    if (!fromMetadata)
      return 2;
    workflows = std::move(*fromMetadata);
    try {
      params = bundleParams(*bundle);
    } catch (const nlohmann::json::exception&) { // a crafted file: the params are not listed
      params.clear();
    }
  } else {
    session = std::make_unique<ScriptSession>();
    if (auto rc = session->compile(path))
      return *rc;
    // The listing is the command's output: what the top level prints goes to stderr.
    StdoutReserved listingOnly;
    if (auto rc = session->runMainChunk(path, {}))
      return *rc;
    workflows = rt::definedWorkflows(session->main());
    params = scriptParams(session->main(), workflows);
  }
  if (format == "json") {
    Json doc = Json::array();
    for (std::size_t i = 0; i < workflows.size(); ++i)
      doc.push_back(toJson(workflows[i], params, i));
    fmt::print("{}\n",
               Json{{"workflows", doc}}.dump(2, ' ', false, Json::error_handler_t::replace));
    return 0;
  }
  if (workflows.empty())
    fmt::print("{} defines no workflow\n", path);
  printText(workflows, params);
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
