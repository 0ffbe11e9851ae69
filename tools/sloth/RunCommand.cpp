// `sloth run FILE [WORKFLOW] [options] [-- ARGS...]`: compiles the script and runs its main chunk
// on the VM as `lua FILE ARGS...` would (the standard library and the sloth modules open, `arg`
// holding the arguments). A script that defined workflows then runs one of them: the one named
// by the first argument, or the only one. With --dry-run the modules run in check mode
// (docs/dry-run.md); every run is recorded in the run history (`sloth history`).
#include "Commands.h"
#include "DryRunView.h"
#include "JsonReport.h"
#include "ProgressView.h"
#include "RunValues.h"
#include "ScriptSession.h"
#include "StdoutReserved.h"

#include "sloth/stdlib/modules/DryRunGuard.h"
#include "sloth/stdlib/modules/MetricsExport.h"
#include "sloth/stdlib/runtime/DryRun.h"
#include "sloth/stdlib/runtime/History.h"
#include "sloth/stdlib/runtime/Logger.h"
#include "sloth/stdlib/runtime/Scheduler.h"
#include "sloth/stdlib/runtime/Workflow.h"

#include <fmt/core.h>

#include <chrono>
#include <csignal>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

namespace sloth::cli {

namespace {

namespace rt = stdlib::runtime;

struct RunSettings {
  std::string path;
  std::vector<std::string> args;
  std::vector<std::string> tasks;
  std::string valuesFile;
  std::vector<std::string> sets;
  std::string output = "text";
  std::string logLevel = "info";
  std::string logFormat = "text";
  std::string metricsFile;
  std::string pushgateway;
  bool dryRun = false;
};

// How a run ended, for its --output json document when no workflow printed one.
struct RunEnd {
  bool reported = false; // a workflow's document was printed
  std::string problem;   // why the run ended before that, in one line (stderr has it all)

  // A problem sloth itself reports: "sloth: <problem>" on stderr, and kept for the document.
  void fail(std::string message) {
    problem = std::move(message);
    fmt::print(stderr, "sloth: {}\n", problem);
  }
};

bool colorOutput() {
  return ::isatty(STDOUT_FILENO) != 0 && !std::getenv("NO_COLOR");
}

std::string names(const std::vector<rt::WorkflowDefinition>& workflows) {
  std::string list;
  for (const auto& w : workflows)
    list += (list.empty() ? "" : ", ") + w.name;
  return list;
}

int runWorkflowOf(ScriptSession& session, const RunSettings& s,
                  const std::vector<rt::WorkflowDefinition>& workflows, rt::DryRunJournal* journal,
                  rt::HistoryRecorder& history, StdoutReserved* jsonStdout, RunEnd& end) {
  const rt::WorkflowDefinition* chosen = nullptr;
  if (!s.args.empty()) {
    for (const auto& w : workflows)
      if (w.name == s.args.front())
        chosen = &w;
    if (!chosen) {
      end.fail(fmt::format("{} has no workflow named '{}' (it defines: {})", s.path, s.args.front(),
                           names(workflows)));
      return 2;
    }
  } else if (workflows.size() == 1) {
    chosen = &workflows.front();
  } else {
    end.fail(fmt::format("{} defines several workflows ({}); name one: sloth run {} WORKFLOW",
                         s.path, names(workflows), s.path));
    return 2;
  }
  if (auto problem = rt::checkWorkflow(*chosen)) {
    end.problem = fmt::format("{}: {}", problem->at, problem->message);
    fmt::print(stderr, "{}: error: {}\n", problem->at, problem->message);
    return 2;
  }

  vm::Thread& L = session.main();
  rt::RunOptions options;
  options.onlyTasks = s.tasks;
  bool tty = ::isatty(STDOUT_FILENO) != 0;
  history.setWorkflow(chosen->name);
  auto exitCode = [](const rt::RunReport& r) { return r.interrupted ? 130 : r.success ? 0 : 1; };
  auto wouldChange = [journal](const std::string& task) {
    return journal ? journal->count(task, rt::Prediction::Kind::WouldChange) : 0;
  };
  try {
    if (s.output == "json") {
      JsonReport report;
      report.setDryRun(journal);
      history.setNext(&report);
      rt::RunReport result = rt::runWorkflow(L, session.runtime(), *chosen, options, history);
      if (jsonStdout)
        jsonStdout->release();
      report.print(*chosen, result);
      end.reported = true;
      history.finish(exitCode(result), {}, &result, wouldChange);
      return exitCode(result);
    }
    ProgressView view(session.runtime().io(), tty, colorOutput());
    if (journal) {
      view.setDryRun(journal);
      journal->onPrediction = [&view](const rt::Prediction& p) { view.showPrediction(p); };
    }
    history.setNext(&view);
    rt::RunReport result = rt::runWorkflow(L, session.runtime(), *chosen, options, history);
    if (journal)
      journal->onPrediction = nullptr; // the view goes out of scope
    view.finish(chosen->name, result);
    history.finish(exitCode(result), {}, &result, wouldChange);
    return exitCode(result);
  } catch (const std::invalid_argument& e) {
    end.fail(e.what());
    history.finish(2, e.what(), nullptr);
    return 2;
  }
}

// The history's message for a run ended by Ctrl-C (SIGINT) or SIGTERM.
const char* interruptedMessage(int signal) {
  return signal == SIGTERM ? "interrupted (SIGTERM)" : "interrupted (SIGINT)";
}

int runScript(ScriptSession& session, const RunSettings& s, rt::DryRunJournal& journal,
              rt::HistoryRecorder& history, RunEnd& end) {
  auto& logger = session.runtime().logger();
  logger.setLevel(*rt::Logger::parseLevel(s.logLevel));
  logger.setFormat(*rt::Logger::parseFormat(s.logFormat));
  if (auto rc = session.compile(s.path)) {
    end.problem = session.problem();
    return *rc;
  }
  // Bad values are reported before the script's top level runs.
  if (auto error = pushRunValues(session.main(), s.valuesFile, s.sets)) {
    end.fail(*error);
    return 2;
  }
  rt::setRunParams(session.main());
  if (s.dryRun) {
    rt::attachDryRun(session.state(), &journal);
    stdlib::modules::guardModulesForDryRun(session.state());
    // Predictions of the script's top level (before any workflow runs) print as they come.
    if (s.output == "text")
      journal.onPrediction = [color = colorOutput()](const rt::Prediction& p) {
        fmt::print("{}", formatPrediction(p, color));
      };
  }
  history.begin();
  // os.exit ends the process from inside the script: the run is recorded as ended first.
  session.runtime().setExitHook([&history](int status) {
    history.finish(status, fmt::format("os.exit({}) ended the run", status), nullptr);
  });
  std::optional<StdoutReserved> jsonStdout;
  if (s.output == "json")
    jsonStdout.emplace();
  // Ctrl-C stops the top level: busy Lua code with the error "interrupted" (reported below);
  // a script waiting for a command, a delay or a child ends at once, recorded as interrupted.
  session.runtime().handleInterrupts([&history, &session] {
    int signal = session.runtime().interruptSignal();
    std::fflush(stdout);
    fmt::print(stderr, "sloth: interrupted\n");
    history.finish(130, interruptedMessage(signal), nullptr);
    std::_Exit(130); // the children are dead; nothing the script waited for will come
  });
  if (auto rc = session.runMainChunk(s.path, s.args)) {
    if (int signal = session.runtime().interruptSignal(); signal != 0) {
      end.problem = interruptedMessage(signal);
      history.finish(130, end.problem, nullptr);
      return 130;
    }
    end.problem = session.problem();
    history.finish(*rc, "the script raised an error", nullptr);
    return *rc;
  }
  std::vector<rt::WorkflowDefinition> workflows = rt::definedWorkflows(session.main());
  if (workflows.empty()) {
    if (!s.tasks.empty()) {
      end.fail(fmt::format("--task: {} defines no workflow", s.path));
      history.finish(2, "--task given, but the script defines no workflow", nullptr);
      return 2;
    }
    if (s.dryRun && s.output == "text")
      fmt::print("{}\n", dryRunTotals(journal));
    history.finish(0, {}, nullptr);
    return 0; // a plain script: it ran
  }
  int rc = runWorkflowOf(session, s, workflows, s.dryRun ? &journal : nullptr, history,
                         jsonStdout ? &*jsonStdout : nullptr, end);
  history.finish(rc, "the workflow could not start", nullptr); // when not recorded yet
  return rc;
}

// Runs the script, then exports the metrics it recorded (docs/modules/metrics.md) however it
// ended, except after a usage or compile error (nothing ran). A failed export is an error. With
// --output json a run in which no workflow printed its document prints one without tasks.
int run(const RunSettings& s) {
  namespace metrics = stdlib::metrics;
  metrics::ExportSettings exportSettings =
      metrics::exportSettingsForRun(s.metricsFile, s.pushgateway, s.path);
  if (exportSettings.push)
    if (std::optional<std::string> problem = metrics::pushTargetProblem(*exportSettings.push)) {
      fmt::print(stderr, "sloth: --pushgateway: {}\n", *problem);
      return 2; // a usage error, before anything runs
    }
  auto started = std::chrono::steady_clock::now();
  // Opened by runScript once the script compiled; declared before the session, whose os.exit
  // hook refers to it, so that it outlives the session.
  rt::HistoryRecorder history(s.path, s.dryRun);
  rt::DryRunJournal journal; // outlives the session, which points to it in a dry run
  ScriptSession session;
  RunEnd end;
  int rc = runScript(session, s, journal, history, end);
  if (rc != 2) {
    std::vector<std::string> problems = metrics::exportRunMetrics(session.main(), exportSettings);
    for (const std::string& problem : problems)
      fmt::print(stderr, "sloth: metrics: {}\n", problem);
    if (!problems.empty() && rc == 0) {
      rc = 1;
      end.problem = "metrics: " + problems.front();
    }
  }
  // --output json: one document on stdout, also when no workflow ran (docs/dsl.md).
  if (s.output == "json" && !end.reported) {
    JsonReport report;
    report.setDryRun(s.dryRun ? &journal : nullptr);
    std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    report.printWithoutWorkflow(rc, end.problem, took.count());
  }
  return rc;
}

// CLI11 check: the value is one of the names.
CLI::Validator oneOf(std::vector<std::string> choices) {
  return CLI::IsMember(std::move(choices));
}

} // namespace

Action addRunCommand(CLI::App& app, const std::vector<std::string>& trailing) {
  auto* cmd = app.add_subcommand(
      "run", "Run a script; a script that defines workflows runs one: sloth run FILE [WORKFLOW]");
  auto s = std::make_shared<RunSettings>();
  cmd->add_option("file", s->path, "Script to run")->required();
  cmd->add_option("args", s->args,
                  "The workflow to run (when the file defines several), or the arguments of a "
                  "plain script (its `arg` table and `...`)");
  // --task and --set take one value each time they are given (CLI11 lets a list option take
  // every word that follows: `--set a=1 deploy` swallowed the workflow's name).
  cmd->add_option("--task", s->tasks, "Run only this task and the tasks it depends on (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--values", s->valuesFile, "YAML file of params for the tasks");
  cmd->add_option("--set", s->sets, "Set one param: key=value (dotted keys nest; repeatable)")
      ->allow_extra_args(false);
  cmd->add_flag("--dry-run", s->dryRun,
                "Check mode: probes run, state-changing calls report `would change` (with a diff) "
                "and commands `would run`, but nothing is changed (docs/dry-run.md)");
  cmd->add_option("--metrics-file", s->metricsFile,
                  "Write the metrics the run recorded to this file (Prometheus text format)");
  cmd->add_option("--pushgateway", s->pushgateway,
                  "Push the metrics to this Prometheus Pushgateway URL at the end of the run "
                  "(default: $SLOTH_PUSHGATEWAY)");
  cmd->add_option("--output", s->output, "How to report the run: text (default) or json")
      ->check(oneOf({"text", "json"}));
  cmd->add_option("--log-level", s->logLevel, "Lowest level of log messages shown (default info)")
      ->check(oneOf({"debug", "info", "warn", "error"}));
  cmd->add_option("--log-format", s->logFormat, "Log line format: text (default) or json")
      ->check(oneOf({"text", "json"}));
  cmd->footer(
      "Exit status: 0 every task succeeded (or was skipped by run_if), 1 a task or the "
      "script failed, 2 usage or compile error, 130 interrupted.\nFILE may be a script, a YAML "
      "task file or a bundle (slothc build).\nNot available yet: delegate_to (a task with "
      "it fails without running).");
  return [cmd, s, &trailing]() -> int {
    if (!*cmd)
      return -1;
    s->args.insert(s->args.end(), trailing.begin(), trailing.end());
    return run(*s);
  };
}

int runWithDefaultOptions(std::string path, std::vector<std::string> args) {
  RunSettings s;
  s.path = std::move(path);
  s.args = std::move(args);
  return run(s);
}

} // namespace sloth::cli
