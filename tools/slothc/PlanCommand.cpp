#include "Commands.h"

#include "sloth/analyzer/SourceCompiler.h"
#include "sloth/analyzer/plan/PlanInputs.h"
#include "sloth/analyzer/plan/PlanOutput.h"
#include "sloth/analyzer/plan/Planner.h"
#include "sloth/analyzer/types/SignatureLoader.h"

#include <fmt/core.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

namespace sloth::slothc {

namespace {

struct PlanArgs {
  std::string file;
  std::string workflow;
  std::vector<std::string> tasks;
  std::string values;
  std::vector<std::string> sets;
  std::string format = "text";
  bool detailedExitcode = false;
};

int runPlan(const PlanArgs& args) {
  // Unreadable input, a compile error, an unknown workflow: 2 (design §1), but 1 with
  // --detailed-exitcode, whose 2 means "actions present" (as terraform plan's).
  const int failed = args.detailedExitcode ? 1 : 2;
  std::string error;
  auto params = plan::loadInputs(args.values, args.sets, error);
  if (!params) {
    fmt::print(stderr, "slothc plan: {}\n", error);
    return failed;
  }
  auto compiled = compiler::compileFile(args.file);
  if (!compiled->file) {
    fmt::print(stderr, "slothc plan: cannot read '{}': {}\n", args.file, compiled->readError);
    return failed;
  }
  if (!compiled->main) {
    compiler::printDiagnostics(*compiled, stderr);
    return failed;
  }
  plan::PlanOptions options;
  options.workflow = args.workflow;
  options.tasks = args.tasks;
  options.params = std::move(*params);
  plan::Plan result = plan::makePlan(*compiled->main, options, types::builtinSignatures());
  if (!result.errors.empty()) {
    if (args.format == "json")
      fmt::print("{}", plan::renderPlanJson(result));
    for (const std::string& e : result.errors)
      fmt::print(stderr, "slothc plan: {}\n", e);
    return failed;
  }
  if (args.format == "json") {
    fmt::print("{}", plan::renderPlanJson(result));
  } else {
    // no-color.org: a non-empty NO_COLOR turns colors off.
    const char* noColor = std::getenv("NO_COLOR");
    bool color = isatty(fileno(stdout)) && !(noColor && *noColor);
    fmt::print("{}", plan::renderPlanText(result, color));
  }
  if (args.detailedExitcode && result.actionCount() > 0)
    return 2;
  return 0;
}

} // namespace

Action addPlanCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "plan", "Show what a script would change, derived from its bytecode without running it or "
              "contacting any host (like terraform plan)");
  auto args = std::make_shared<PlanArgs>();
  cmd->add_option("file", args->file, "Script to plan ('-' reads standard input)")->required();
  cmd->add_option("workflow", args->workflow, "Workflow to plan (default: the only one)");
  cmd->add_option("--task", args->tasks, "Plan only this task and what it depends on (repeatable)");
  cmd->add_option("--values", args->values, "YAML file of params for the tasks");
  cmd->add_option("--set", args->sets, "Set one param, key=value (dotted keys nest; repeatable)");
  cmd->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_flag("--detailed-exitcode", args->detailedExitcode,
                "Exit 0 when nothing would change, 1 on an error, 2 when there are actions");
  return [cmd, args]() -> int {
    if (!*cmd)
      return -1;
    return runPlan(*args);
  };
}

} // namespace sloth::slothc
