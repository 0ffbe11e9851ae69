// sloth's subcommands: each registers its options on the CLI11 app and returns an action that
// yields the exit code it wants (design §1), or -1 when its subcommand was not the one given.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

namespace sloth::cli {

using Action = std::function<int()>;

// `sloth run FILE [WORKFLOW|ARGS...]`: runs a script, and the workflow it defines. `trailing`
// holds the script's arguments that main found after `--` (filled before the action runs).
Action addRunCommand(CLI::App& app, const std::vector<std::string>& trailing);

// `sloth run FILE ARGS...` with every option at its default, as addRunCommand's action would run
// it: main's way for a command line with no option (no word after `run` starts with '-').
int runWithDefaultOptions(std::string path, std::vector<std::string> args);

// `sloth list FILE`: the workflows and tasks a script defines.
Action addListCommand(CLI::App& app);

// `sloth history`: the most recent runs and their tasks, from the run history.
Action addHistoryCommand(CLI::App& app);

} // namespace sloth::cli
