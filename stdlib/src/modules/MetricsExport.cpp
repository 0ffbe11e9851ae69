// The end of a run's metrics: the exposition written atomically to --metrics-file and pushed to
// the configured Pushgateway (not in check mode: a dry run must not replace a real run's group).
#include "sloth/stdlib/modules/MetricsExport.h"

#include "FileContent.h"
#include "FileError.h"
#include "sloth/stdlib/modules/CheckMode.h"
#include "sloth/stdlib/modules/MetricsModule.h"

#include <cstdlib>
#include <filesystem>
#include <fmt/core.h>
#include <sys/utsname.h>
#include <unistd.h>

namespace sloth::stdlib::metrics {

namespace {

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

std::string hostName() {
  struct utsname names {};
  return ::uname(&names) == 0 ? names.nodename : "";
}

} // namespace

ExportSettings exportSettingsForRun(std::string file, std::string pushgateway,
                                    std::string_view scriptPath) {
  ExportSettings settings;
  settings.file = std::move(file);
  if (pushgateway.empty())
    pushgateway = environment("SLOTH_PUSHGATEWAY");
  if (pushgateway.empty())
    return settings;
  PushTarget target;
  target.url = std::move(pushgateway);
  target.job = environment("SLOTH_PUSHGATEWAY_JOB");
  if (target.job.empty())
    target.job = std::filesystem::path(scriptPath).stem().string();
  target.instance = environment("SLOTH_PUSHGATEWAY_INSTANCE");
  if (target.instance.empty())
    target.instance = hostName();
  settings.push = std::move(target);
  return settings;
}

std::vector<std::string> exportRunMetrics(vm::Thread& L, const ExportSettings& settings) {
  std::vector<std::string> problems;
  if (settings.file.empty() && !settings.push)
    return problems;
  const MetricsRegistry* recorded = recordedMetrics(L);
  std::string text = recorded ? recorded->exposition() : "";
  if (!settings.file.empty()) {
    try {
      modules::replaceFileAtomically(settings.file, text,
                                     {modules::defaultFileMode(), ::getuid(), ::getgid()});
    } catch (const modules::FileError& e) {
      problems.push_back(fmt::format("--metrics-file: {}", e.what()));
    }
  }
  if (settings.push) {
    if (modules::checkMode(L)) {
      fmt::print(stderr, "sloth: dry run: metrics not pushed to the Pushgateway at {}\n",
                 redactedUrl(settings.push->url));
    } else {
      try {
        pushToGateway(*settings.push, text);
      } catch (const MetricsError& e) {
        problems.push_back(e.what());
      }
    }
  }
  return problems;
}

} // namespace sloth::stdlib::metrics
