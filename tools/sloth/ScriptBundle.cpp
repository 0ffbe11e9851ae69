#include "ScriptBundle.h"

#include "sloth/defs/Defs.h"
#include "sloth/stdlib/runtime/Duration.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace sloth::cli {

namespace {

namespace rt = stdlib::runtime;
using Json = nlohmann::json;

bool isUnknown(const Json& object, const char* key) {
  auto it = object.find("unknown");
  if (it == object.end() || !it->is_array())
    return false;
  for (const Json& k : *it)
    if (k.is_string() && k.get<std::string>() == key)
      return true;
  return false;
}

// A string setting: its literal, "?" when only known at run time, "" when absent.
std::string text(const Json& object, const char* key) {
  if (isUnknown(object, key))
    return "?";
  auto it = object.find(key);
  if (it == object.end() || it->is_null())
    return "";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

// A duration setting in seconds ("5m" or 300); 0 when absent or unknown.
double seconds(const Json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end())
    return 0;
  if (it->is_number())
    return it->get<double>();
  if (it->is_string())
    return rt::parseDuration(it->get<std::string>()).value_or(0);
  return 0;
}

rt::Action action(const Json& object, const char* key) {
  rt::Action a;
  auto it = object.find(key);
  if (it == object.end() || !it->is_object())
    return a;
  if (it->value("kind", "") == "function") {
    a.kind = rt::Action::Kind::Function;
  } else if (it->value("kind", "") == "shell") {
    a.kind = rt::Action::Kind::Shell;
    a.shell = it->value("shell", "");
  }
  return a;
}

rt::TaskDefinition task(const Json& t) {
  rt::TaskDefinition d;
  d.name = text(t, "name");
  d.description = text(t, "description");
  for (const Json& dep : t.value("depends_on", Json::array()))
    if (dep.is_string())
      d.dependsOn.push_back(dep.get<std::string>());
  if (isUnknown(t, "depends_on"))
    d.dependsOn.push_back("?");
  d.command = action(t, "command");
  d.runIf = action(t, "run_if");
  d.abortIf = action(t, "abort_if");
  d.timeout = seconds(t, "timeout");
  d.retries = t.value("retries", Json()).is_number_integer() ? t["retries"].get<int>() : 0;
  d.workdir = text(t, "workdir");
  d.user = text(t, "user");
  d.delegateTo = text(t, "delegate_to");
  d.hasOnSuccess = t.value("on_success", false);
  d.hasOnFailure = t.value("on_failure", false);
  return d;
}

} // namespace

// POSIX reads rather than stdio: no FILE and buffer to allocate for a file read once, which
// `sloth run` does at every start (docs/startup.md).
bool readWholeFile(const std::string& path, std::string& out, std::string& error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      error = std::strerror(errno);
      ::close(fd);
      return false;
    }
    if (n == 0)
      break;
    out.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return true;
}

bool isBundleFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return false;
  char magic[8];
  ssize_t n;
  do
    n = ::read(fd, magic, sizeof magic);
  while (n < 0 && errno == EINTR);
  ::close(fd);
  return n > 0 && vm::looksLikeBundle(std::string_view(magic, static_cast<std::size_t>(n)));
}

std::optional<vm::Bundle> readScriptBundle(const std::string& path, std::string& error) {
  std::string bytes, reason;
  if (!readWholeFile(path, bytes, reason)) {
    error = fmt::format("cannot read '{}': {}", path, reason);
    return std::nullopt;
  }
  return parseScriptBundle(bytes, path, error);
}

std::optional<vm::Bundle> parseScriptBundle(std::string_view bytes, const std::string& name,
                                            std::string& error) {
  vm::Bundle bundle;
  std::string reason;
  if (!vm::readBundle(bytes, defs::signatureHash(), bundle, reason)) {
    error = fmt::format("{}: {}", name, reason);
    return std::nullopt;
  }
  if (bundle.kind != vm::BundleKind::Script) {
    error = fmt::format("{}: a string.dump binary chunk, not a script bundle (load it with load)",
                        name);
    return std::nullopt;
  }
  return bundle;
}

namespace {

// The workflows of a metadata document (whose shape workflowsFromMetadata checked); a value of
// the wrong type throws nlohmann::json::exception.
std::vector<rt::WorkflowDefinition> workflowsFromJson(const Json& root) {
  std::vector<rt::WorkflowDefinition> workflows;
  for (const Json& w : root["workflows"]) {
    if (!w.is_object())
      continue;
    rt::WorkflowDefinition d;
    d.name = text(w, "name");
    d.description = text(w, "description");
    d.version = text(w, "version");
    d.definedAt = w.value("defined_at", "");
    Json config = w.value("config", Json::object());
    if (config.value("max_parallel_tasks", Json()).is_number_integer())
      d.maxParallelTasks = config["max_parallel_tasks"].get<int>();
    d.timeout = seconds(config, "timeout");
    d.failFast = config.value("fail_fast", Json()).is_boolean() && config["fail_fast"].get<bool>();
    for (const Json& t : w.value("tasks", Json::array()))
      if (t.is_object())
        d.tasks.push_back(task(t));
    d.hasOnStart = w.value("on_start", false);
    d.hasOnComplete = w.value("on_complete", false);
    workflows.push_back(std::move(d));
  }
  return workflows;
}

} // namespace

std::optional<std::vector<rt::WorkflowDefinition>>
workflowsFromMetadata(const std::string& metadata, std::string& error) {
  Json root = parseBundleMetadata<Json>(metadata);
  if (root.is_discarded() || !root.is_object() || !root.contains("workflows") ||
      !root["workflows"].is_array()) {
    error = "the bundle's metadata is not the documented JSON document";
    return std::nullopt;
  }
  // A crafted file may hold any JSON value anywhere: a wrong type is refused, never a crash.
  try {
    return workflowsFromJson(root);
  } catch (const nlohmann::json::exception&) {
    error =
        "the bundle's metadata is not the documented JSON document (a value has the wrong type)";
    return std::nullopt;
  }
}

} // namespace sloth::cli
