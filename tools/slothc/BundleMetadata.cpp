#include "BundleMetadata.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace sloth::slothc {

namespace {

using Json = nlohmann::ordered_json;

// Known settings become their literal, absent ones null; a setting only known at run time is null
// too and its key goes into the object's "unknown" list (readers must not take it as absent).
struct ObjectWriter {
  Json doc = Json::object();
  Json unknown = Json::array();

  void setting(const char* key, const dsl::Setting& s) {
    if (s.unknown())
      unknown.push_back(key);
    if (!s.known()) {
      doc[key] = nullptr;
      return;
    }
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::monostate>)
            doc[key] = nullptr;
          else
            doc[key] = v;
        },
        s.value);
  }
  void action(const char* key, const dsl::Action& a) {
    switch (a.kind) {
    case dsl::Action::Kind::Absent:
      doc[key] = nullptr;
      break;
    case dsl::Action::Kind::Function:
      doc[key] = {{"kind", "function"}};
      break;
    case dsl::Action::Kind::Shell:
      if (const std::string* shell = a.shell.string()) {
        doc[key] = {{"kind", "shell"}, {"shell", *shell}};
        break;
      }
      [[fallthrough]];
    case dsl::Action::Kind::Unknown:
      doc[key] = nullptr;
      unknown.push_back(key);
      break;
    }
  }
  Json finish(bool opaque) {
    doc["opaque"] = opaque;
    doc["unknown"] = std::move(unknown);
    return std::move(doc);
  }
};

// A task's params as far as the source tells: literals as they are, a computed value null with
// its path ("params.db.password", "params.hosts[2]") in `unknown`, and a table that may hold
// more than the entries written (`[k] = v`, a last call) has its own path there.
Json paramsJson(const dsl::ParamValue& v, const std::string& path, Json& unknown) {
  switch (v.kind) {
  case dsl::ParamValue::Kind::Computed:
    unknown.push_back(path);
    return nullptr;
  case dsl::ParamValue::Kind::Literal: {
    ObjectWriter literal;
    literal.setting("value", v.literal);
    return literal.doc["value"];
  }
  case dsl::ParamValue::Kind::Table:
    break;
  }
  if (!v.complete)
    unknown.push_back(path);
  bool list = std::none_of(v.entries.begin(), v.entries.end(),
                           [](const dsl::ParamValue& e) { return e.key.has_value(); });
  Json out = list && !v.entries.empty() ? Json::array() : Json::object();
  std::size_t position = 0;
  for (const dsl::ParamValue& e : v.entries) {
    if (list) {
      out.push_back(paramsJson(e, fmt::format("{}[{}]", path, ++position), unknown));
      continue;
    }
    // Positional entries of a mixed table are keys 1, 2, ... (as at run time).
    std::string key = e.key ? *e.key : std::to_string(++position);
    out[key] = paramsJson(e, path + "." + key, unknown);
  }
  return out;
}

Json taskJson(const dsl::Task& t, const SourceManager& sources, FileId file) {
  ObjectWriter w;
  w.setting("name", t.name);
  w.doc["line"] = sources.lineOf(file, t.range.begin);
  w.setting("description", t.description);
  Json deps = Json::array();
  for (const dsl::Dependency& d : t.dependsOn.names)
    deps.push_back(d.name);
  w.doc["depends_on"] = std::move(deps);
  if (!t.dependsOn.complete)
    w.unknown.push_back("depends_on");
  w.action("command", t.command);
  w.action("run_if", t.runIf);
  w.action("abort_if", t.abortIf);
  w.setting("timeout", t.timeout);
  w.setting("retries", t.retries);
  w.setting("workdir", t.workdir);
  w.setting("user", t.user);
  w.setting("delegate_to", t.delegateTo);
  w.doc["on_success"] = t.hasOnSuccess;
  w.doc["on_failure"] = t.hasOnFailure;
  w.doc["params"] = t.params ? paramsJson(*t.params, "params", w.unknown) : Json();
  return w.finish(t.opaque);
}

} // namespace

std::string bundleMetadata(const dsl::TaskGraph& graph, const SourceManager& sources, FileId file) {
  bool complete = true;
  Json workflows = Json::array();
  for (const dsl::Workflow& wf : graph.workflows) {
    ObjectWriter w;
    w.setting("name", wf.name);
    w.doc["defined_at"] =
        fmt::format("{}:{}", sources.name(file), sources.lineOf(file, wf.range.begin));
    w.doc["top_level"] = wf.topLevel;
    w.setting("description", wf.description);
    w.setting("version", wf.version);
    ObjectWriter config;
    config.setting("max_parallel_tasks", wf.maxParallelTasks);
    config.setting("timeout", wf.configTimeout);
    config.setting("fail_fast", wf.failFast);
    if (!wf.configComplete)
      config.unknown.push_back("config");
    w.doc["config"] = config.finish(false);
    Json tasks = Json::array();
    for (const dsl::Task* t : graph.tasksOf(wf)) {
      tasks.push_back(taskJson(*t, sources, file));
      complete = complete && !t->opaque && tasks.back()["unknown"].empty();
    }
    w.doc["tasks"] = std::move(tasks);
    if (!wf.tasksComplete)
      w.unknown.push_back("tasks");
    w.doc["on_start"] = wf.hasOnStart;
    w.doc["on_complete"] = wf.hasOnComplete;
    Json done = w.finish(wf.opaque);
    complete = complete && !wf.opaque && wf.topLevel && done["unknown"].empty() &&
               done["config"]["unknown"].empty();
    workflows.push_back(std::move(done));
  }
  Json root = {{"version", 1}, {"complete", complete}, {"workflows", std::move(workflows)}};
  return root.dump(-1, ' ', false, Json::error_handler_t::replace);
}

} // namespace sloth::slothc
