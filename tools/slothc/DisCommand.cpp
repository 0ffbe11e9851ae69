#include "Commands.h"

#include "sloth/analyzer/SourceCompiler.h"
#include "sloth/vm/Bundle.h"
#include "sloth/vm/Disassembler.h"

#include <fmt/core.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

namespace sloth::slothc {

namespace {

// A bundle's bytecode, verified first (its signature hash is not checked: listing code built
// against other module signatures is harmless).
int disBundle(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes(std::istreambuf_iterator<char>(in), {});
  vm::Bundle bundle;
  std::string error;
  if (!in.good() && !in.eof()) {
    fmt::print(stderr, "slothc dis: cannot read '{}'\n", path);
    return 2;
  }
  if (!vm::readBundle(bytes, 0, bundle, error)) {
    fmt::print(stderr, "slothc dis: {}: {}\n", path, error);
    return 2;
  }
  fmt::print("{}", vm::disassemble(*bundle.main));
  return 0;
}

bool startsWithBundleMagic(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[8] = {};
  in.read(magic, sizeof magic);
  return vm::looksLikeBundle(std::string_view(magic, static_cast<std::size_t>(in.gcount())));
}

// Reads, parses and compiles through the same path as `sloth run`, so both report alike.
int runDis(const std::string& path) {
  if (path != "-" && startsWithBundleMagic(path))
    return disBundle(path);
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
  cmd->add_option("file", *path,
                  "Script to compile ('-' reads standard input), or a bundle (.slothb) or "
                  "string.dump chunk to list")
      ->required();
  return [cmd, path]() -> int {
    if (!*cmd)
      return -1;
    return runDis(*path);
  };
}

} // namespace sloth::slothc
