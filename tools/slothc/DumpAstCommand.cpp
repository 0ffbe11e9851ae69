#include "Commands.h"

#include "sloth/frontend/AstDump.h"
#include "sloth/frontend/DiagnosticPrinter.h"
#include "sloth/frontend/Frontend.h"

#include <fmt/core.h>

#include <cstdio>
#include <memory>
#include <string>

namespace sloth::slothc {

Action addDumpAstCommand(CLI::App& app) {
  // Hidden: a test and debugging aid, not a user-facing command.
  auto* cmd = app.add_subcommand("dump-ast", "Print the resolved AST as S-expressions")->group("");
  auto path = std::make_shared<std::string>();
  cmd->add_option("file", *path, "Lua file")->required();
  return [cmd, path]() -> int {
    if (!*cmd)
      return -1;
    SourceManager sources;
    DiagnosticEngine diags;
    std::string error;
    auto file = sources.addFile(*path, error);
    if (!file) {
      fmt::print(stderr, "slothc dump-ast: cannot read '{}': {}\n", *path, error);
      return 2;
    }
    auto parsed = parseFile(sources, *file, diags);
    for (const Diagnostic& d : diags.diagnostics())
      std::fputs(renderText(d, sources, false).c_str(), stderr);
    if (!parsed)
      return 1;
    fmt::print("{}", dumpAst(parsed->chunk));
    return 0;
  };
}

} // namespace sloth::slothc
