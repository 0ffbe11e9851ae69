#include "Commands.h"

#include "sloth/analyzer/SourceCompiler.h"
#include "sloth/vm/Disassembler.h"

#include <fmt/core.h>

#include <cstdio>
#include <memory>
#include <string>

namespace sloth::slothc {

namespace {

// Reads, parses and compiles through the same path as `sloth run`, so both report alike.
int runDis(const std::string& path) {
  auto compiled = compiler::compileFile(path);
  if (!compiled->file) {
    fmt::print(stderr, "slothc dis: cannot read '{}': {}\n", path, compiled->readError);
    return 2;
  }
  if (!compiled->main) {
    compiler::printDiagnostics(*compiled, stderr);
    return 2; // a compile error (design §1)
  }
  fmt::print("{}", vm::disassemble(*compiled->main));
  return 0;
}

} // namespace

Action addDisCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "dis", "Print the compiled bytecode of a script, like luac -l -l (constants, locals, "
             "upvalues, line numbers)");
  auto path = std::make_shared<std::string>();
  cmd->add_option("file", *path, "Script to compile ('-' reads standard input)")->required();
  return [cmd, path]() -> int {
    if (!*cmd)
      return -1;
    return runDis(*path);
  };
}

} // namespace sloth::slothc
