// `sloth run FILE [ARGS...]`: compile a Lua script and run it on the VM, as `lua FILE ARGS...`
// does: the standard library is open, `arg` holds the arguments (arg[0] is the script), the main
// chunk receives them as `...`, and an uncaught error prints its message and a traceback.
#include "Commands.h"

#include "sloth/analyzer/SourceCompiler.h"
#include "sloth/stdlib/ChunkLoader.h"
#include "sloth/stdlib/Modules.h"
#include "sloth/stdlib/Stdlib.h"
#include "sloth/stdlib/runtime/Runtime.h"
#include "sloth/vm/State.h"

#include <fmt/core.h>

#include <memory>
#include <string>
#include <vector>

namespace sloth::cli {

namespace {

// The message handler of the main chunk: the error message plus a traceback (lua.c's msghandler).
int addTraceback(vm::Thread& L) {
  std::string message;
  std::string_view text;
  if (L.type(1) == vm::Type::String && L.toStringView(1, text)) {
    message = std::string(text);
  } else if (L.getMetafield(1, "__tostring") != vm::Type::Nil) {
    L.pop();
    message = std::string(L.toDisplayString(1));
  } else {
    message = fmt::format("(error object is a {} value)", L.typeNameAt(1));
  }
  L.traceback(message, 1);
  return 1;
}

// load/require/dofile compile source text through the same path as the script itself.
stdlib::LoadedChunk compileChunk(std::string_view chunk, std::string_view sourceName) {
  if (!chunk.empty() && chunk.front() == '\x1b')
    return {nullptr, fmt::format("{}: binary chunks are not supported yet", sourceName)};
  auto compiled = compiler::compileText(std::string(sourceName), std::string(chunk));
  if (!compiled->main)
    return {nullptr, compiler::firstErrorMessage(*compiled)};
  return {std::move(compiled->main), {}};
}

int runScript(const std::string& path, const std::vector<std::string>& args) {
  auto compiled = compiler::compileFile(path);
  if (!compiled->file) {
    fmt::print(stderr, "sloth: cannot read '{}': {}\n", path, compiled->readError);
    return 2;
  }
  if (!compiled->main) {
    compiler::printDiagnostics(*compiled, stderr);
    return 2; // a compile error (design §1)
  }

  vm::State state;
  stdlib::runtime::Runtime runtime(state);
  stdlib::openStandardLibraries(state);
  stdlib::openSlothModules(state);
  stdlib::setChunkLoader(state, compileChunk);
  vm::Thread& L = state.main();

  // arg = { [0] = script, ... }
  L.newTable(static_cast<int>(args.size()), 1);
  L.pushString(path);
  L.rawSetI(-2, 0);
  for (std::size_t i = 0; i < args.size(); ++i) {
    L.pushString(args[i]);
    L.rawSetI(-2, static_cast<std::int64_t>(i + 1));
  }
  L.setGlobal("arg");

  L.pushNative(addTraceback, 0, "msghandler");
  int handler = L.top();
  L.load(std::shared_ptr<const vm::Proto>(std::move(compiled->main)));
  for (const std::string& a : args)
    L.pushString(a);
  if (L.pcall(static_cast<int>(args.size()), 0, handler) != vm::Status::Ok) {
    std::string_view message;
    if (!L.toStringView(-1, message))
      message = "(error object is not a string)";
    fmt::print(stderr, "sloth: {}\n", message);
    return 1;
  }
  return 0;
}

} // namespace

Action addRunCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("run", "Run a Lua script: sloth run FILE [-- ARGS...]");
  auto path = std::make_shared<std::string>();
  auto args = std::make_shared<std::vector<std::string>>();
  cmd->add_option("file", *path, "Script to run ('-' reads standard input)")->required();
  cmd->add_option("args", *args, "Arguments for the script (its `arg` table and `...`)");
  return [cmd, path, args]() -> int {
    if (!*cmd)
      return -1;
    return runScript(*path, *args);
  };
}

} // namespace sloth::cli
