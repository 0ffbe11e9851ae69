#include "Commands.h"

#include "sloth/analyzer/report/CheckRunner.h"
#include "sloth/analyzer/report/OutputFormat.h"

#include <fmt/core.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

namespace sloth::slothc {

namespace {

struct CheckOptions {
  report::CheckRunOptions run;
  std::string format = "text";
  bool stats = false;
};

int runCheck(const CheckOptions& options) {
  report::OutputFormat format = *report::parseOutputFormat(options.format);
  report::CheckReport result = report::runChecks(options.run);
  for (const std::string& error : result.errors)
    fmt::print(stderr, "slothc check: {}\n", error);

  // no-color.org: a non-empty NO_COLOR turns colors off.
  const char* noColor = std::getenv("NO_COLOR");
  bool color =
      format == report::OutputFormat::Text && isatty(fileno(stderr)) && !(noColor && *noColor);
  std::string out = report::render(result, format, color);
  std::fputs(out.c_str(), report::isMachineFormat(format) ? stdout : stderr);
  if (options.stats)
    fmt::print(stderr, "checked {} files, {} lines; {} needed the full-LL parser fallback\n",
               result.checkedFiles, result.checkedLines, result.stats.sllFallbacks);
  if (!result.errors.empty() || result.badConfig)
    return 2;
  return result.errorCount ? 1 : 0;
}

} // namespace

Action addCheckCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "check", "Check scripts without running them: syntax, types against the module "
               "signatures, lints and the task DSL");
  cmd->footer(
      "Directories are searched recursively for *.lua and *.sloth files; YAML task files are\n"
      "checked when named. Settings come from the nearest sloth.toml above each file ([check]\n"
      "globals, exclude, [check.severity]); inline '-- sloth: ignore CODE' silences a diagnostic\n"
      "on its line (or the next, when alone on its line), '-- sloth: ignore-file CODE' in the\n"
      "whole file; lua-language-server's '---@diagnostic disable-next-line: NAME' lines work too.\n"
      "Exit status: 0 no errors (warnings allowed), 1 errors, 2 usage error, unreadable file or a\n"
      "bad sloth.toml.");
  auto options = std::make_shared<CheckOptions>();
  cmd->add_option("files", options->run.inputs,
                  "Files and directories to check ('-' reads standard input)")
      ->required();
  cmd->add_option("--format", options->format,
                  "Output format: text (default), gcc, json, sarif (SARIF 2.1.0) or github "
                  "(GitHub Actions annotations); json, sarif and github go to stdout")
      ->check(CLI::IsMember({"text", "gcc", "json", "sarif", "github"}));
  cmd->add_flag("--syntax-only", options->run.syntaxOnly,
                "Stop after parsing and Lua's own compile-time checks (like luac -p)");
  cmd->add_option("-j,--jobs", options->run.jobs,
                  "Files checked at once (default: one per CPU core)");
  cmd->add_flag("--stats", options->stats, "Print counts of files, lines and parser fallbacks")
      ->group("");
  return [cmd, options]() -> int {
    if (!*cmd)
      return -1;
    return runCheck(*options);
  };
}

} // namespace sloth::slothc
