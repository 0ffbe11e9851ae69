#include "Commands.h"

#include "sloth/frontend/DiagnosticPrinter.h"
#include "sloth/frontend/Frontend.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

namespace sloth::slothc {

namespace {

struct CheckOptions {
  std::vector<std::string> files;
  std::string format = "text";
  bool syntaxOnly = false;
  bool stats = false;
};

// Loads FILE (or standard input for "-"); reports an unreadable file on stderr.
std::optional<FileId> load(SourceManager& sources, const std::string& path) {
  if (path == "-") {
    std::string text(std::istreambuf_iterator<char>(std::cin), {});
    return sources.addBuffer("<stdin>", std::move(text));
  }
  std::string error;
  auto file = sources.addFile(path, error);
  if (!file)
    fmt::print(stderr, "slothc check: cannot read '{}': {}\n", path, error);
  return file;
}

// `{"version":1,"diagnostics":[...],"summary":{...}}`; lines and columns 1-based, the end
// position is the byte just past the range.
std::string renderJson(const DiagnosticEngine& diags, const SourceManager& sources, size_t files) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Diagnostic& d : diags.diagnostics()) {
    SourceLocation begin = sources.location(d.file, d.range.begin);
    SourceLocation end = sources.location(d.file, d.range.end);
    list.push_back({{"file", std::string(begin.file)},
                    {"line", begin.line},
                    {"column", begin.column},
                    {"end_line", end.line},
                    {"end_column", end.column},
                    {"severity", spelling(d.severity)},
                    {"code", d.code},
                    {"message", d.message}});
  }
  nlohmann::ordered_json root = {
      {"version", 1},
      {"diagnostics", list},
      {"summary",
       {{"files", files}, {"errors", diags.errorCount()}, {"warnings", diags.warningCount()}}}};
  // Source text is bytes; replace invalid UTF-8 in messages rather than fail.
  return root.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

int runCheck(const CheckOptions& options) {
  SourceManager sources;
  DiagnosticEngine diags;
  ParseStats stats;
  bool unreadable = false;
  size_t checked = 0;
  for (const std::string& path : options.files) {
    auto file = load(sources, path);
    if (!file) {
      unreadable = true;
      continue;
    }
    ++checked;
    // The analyzer's checks will run here unless --syntax-only; today the frontend's checks
    // (syntax and Lua's compile-time errors) are all there is.
    parseFile(sources, *file, diags, {true, &stats});
  }

  if (options.format == "json") {
    fmt::print("{}", renderJson(diags, sources, checked));
  } else {
    // no-color.org: a non-empty NO_COLOR turns colors off.
    const char* noColor = std::getenv("NO_COLOR");
    bool color = options.format == "text" && isatty(fileno(stderr)) && !(noColor && *noColor);
    std::string out;
    for (const Diagnostic& d : diags.diagnostics())
      out += options.format == "gcc" ? renderGcc(d, sources) : renderText(d, sources, color);
    if (options.format == "text" && (diags.errorCount() || diags.warningCount()))
      out += fmt::format("{} error{}, {} warning{} in {} file{}\n", diags.errorCount(),
                         diags.errorCount() == 1 ? "" : "s", diags.warningCount(),
                         diags.warningCount() == 1 ? "" : "s", checked, checked == 1 ? "" : "s");
    std::fputs(out.c_str(), stderr);
  }
  if (options.stats)
    fmt::print(stderr, "parsed {} files, {} needed the full-LL fallback\n", stats.files,
               stats.sllFallbacks);
  if (unreadable)
    return 2;
  return diags.errorCount() ? 1 : 0;
}

} // namespace

Action addCheckCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "check",
      "Check scripts for syntax errors and Lua's compile-time errors, without running them");
  auto options = std::make_shared<CheckOptions>();
  cmd->add_option("files", options->files, "Files to check ('-' reads standard input)")->required();
  cmd->add_option("--format", options->format, "Output format: text, gcc or json")
      ->check(CLI::IsMember({"text", "gcc", "json"}));
  cmd->add_flag("--syntax-only", options->syntaxOnly,
                "Stop after parsing and Lua's own compile-time checks (like luac -p)");
  cmd->add_flag("--stats", options->stats, "Print parser statistics")->group("");
  return [cmd, options]() -> int {
    if (!*cmd)
      return -1;
    return runCheck(*options);
  };
}

} // namespace sloth::slothc
