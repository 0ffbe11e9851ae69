// sloth: the runtime driver. Thin: argument parsing and wiring only (design §2).
#include "Commands.h"

#include "sloth/Version.h"

#include <fmt/core.h>

#include <algorithm>
#include <iterator>
#include <string_view>
#include <utility>
#include <vector>

#include <unistd.h>

namespace {

// The first argument that looks like an option and that `command` does not know (before `--`).
std::string_view unknownOption(const CLI::App& command, int argc, char** argv) {
  for (int i = 2; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--")
      break;
    if (arg.size() < 2 || arg[0] != '-')
      continue;
    std::string name(arg.substr(0, arg.find('=')));
    if (name.size() > 2 && name[1] != '-')
      name.resize(2); // -x.lua: a cluster of short options starting with -x
    if (command.get_option_no_throw(name) == nullptr)
      return arg;
  }
  return {};
}

// "sloth run: ..." naming the offending argument, and where to look, exit 2 (design §1).
void reportUsageError(const CLI::App& app, const CLI::ParseError& e, int argc, char** argv) {
  const CLI::App* command = nullptr;
  try {
    if (argc > 1 && argv[1][0] != '-')
      command = app.get_subcommand(argv[1]);
  } catch (const CLI::OptionNotFound&) { // not a subcommand: `sloth bogus`
  }
  std::string prefix = command ? fmt::format("sloth {}", command->get_name()) : "sloth";
  if (command) {
    if (std::string_view option = unknownOption(*command, argc, argv); !option.empty()) {
      if (::access(std::string(option).c_str(), F_OK) == 0) // a file whose name starts with '-'
        fmt::print(stderr,
                   "{}: unknown option '{}': to name a file whose name starts with '-', write "
                   "./{} (or put it after --)\n",
                   prefix, option, option);
      else
        fmt::print(stderr, "{}: unknown option '{}' (see {} --help)\n", prefix, option, prefix);
      return;
    }
  }
  fmt::print(stderr, "{}: {}\nRun '{} --help' for the options.\n", prefix, e.what(), prefix);
}

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"sloth: run sloth automation scripts", "sloth"};
  app.set_version_flag("--version", fmt::format("sloth {} (bundle format {})", sloth::kVersion,
                                                sloth::kBundleFormatVersion));
  app.require_subcommand(0, 1);

  // When the first argument names a subcommand, only that one is registered: CLI11 builds every
  // option with a dozen allocations, and `sloth run` is often started for little work
  // (docs/startup.md). Anything else (`sloth --help`, a typo) sees them all.
  const std::pair<std::string_view, sloth::cli::Action (*)(CLI::App&)> subcommands[] = {
      {"run", sloth::cli::addRunCommand},
      {"list", sloth::cli::addListCommand},
      {"history", sloth::cli::addHistoryCommand},
  };
  std::string_view first = argc > 1 ? argv[1] : "";
  bool named = std::any_of(std::begin(subcommands), std::end(subcommands),
                           [&](const auto& sub) { return sub.first == first; });
  std::vector<sloth::cli::Action> actions;
  for (const auto& [name, add] : subcommands)
    if (!named || name == first)
      actions.push_back(add(app));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0)
      return app.exit(e); // --help, --version
    reportUsageError(app, e, argc, argv);
    return 2;
  }
  for (auto& action : actions)
    if (int rc = action(); rc >= 0)
      return rc;
  fmt::print(stderr, "{}", app.help());
  return 2;
}
