// slothc's subcommands: each registers its options on the CLI11 app and returns the exit code
// it wants (design §1: 0 success, 1 findings/failure, 2 usage or unreadable input).
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace sloth::slothc {

using Action = std::function<int()>;

// `slothc defs --out DIR`: writes the embedded module signatures for lua-language-server.
Action addDefsCommand(CLI::App& app);

// `slothc check FILE...`: syntax and compile-time diagnostics as text, gcc or json.
Action addCheckCommand(CLI::App& app);

// `slothc build FILE [-o OUT]`: compiles a script into a bundle (.slothb).
Action addBuildCommand(CLI::App& app);

// `slothc dis FILE`: the compiled bytecode, like `luac -l -l`.
Action addDisCommand(CLI::App& app);

// `slothc plan FILE [WORKFLOW]`: what the script would change, derived without running it.
Action addPlanCommand(CLI::App& app);

// `slothc dump-ast FILE` (hidden): the resolved AST as S-expressions, for tests.
Action addDumpAstCommand(CLI::App& app);

} // namespace sloth::slothc
