#include "Commands.h"

#include "sloth/analyzer/Compiler.h"
#include "sloth/frontend/DiagnosticPrinter.h"
#include "sloth/frontend/Frontend.h"
#include "sloth/vm/Disassembler.h"

#include <fmt/core.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <unistd.h>

namespace sloth::slothc {

namespace {

int runDis(const std::string& path) {
  SourceManager sources;
  DiagnosticEngine diags;
  std::optional<FileId> file;
  if (path == "-") {
    std::string text(std::istreambuf_iterator<char>(std::cin), {});
    file = sources.addBuffer("stdin", std::move(text));
  } else {
    std::string error;
    file = sources.addFile(path, error);
    if (!file) {
      fmt::print(stderr, "slothc dis: cannot read '{}': {}\n", path, error);
      return 2;
    }
  }
  auto parsed = parseFile(sources, *file, diags);
  if (parsed) {
    compiler::CompileResult result = compiler::compile(parsed->chunk, sources);
    if (result.ok()) {
      fmt::print("{}", vm::disassemble(*result.main));
      return 0;
    }
    for (const compiler::CompileError& e : result.errors)
      diags.error("compile-limit", *file, e.range, e.message);
  }
  bool color = isatty(fileno(stderr)) && !std::getenv("NO_COLOR");
  std::string out;
  for (const Diagnostic& d : diags.diagnostics())
    out += renderText(d, sources, color);
  std::fputs(out.c_str(), stderr);
  return 2; // a compile error (design §1)
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
