// sloth: the runtime driver. Thin: argument parsing and wiring only (design §2).
#include "Commands.h"
#include "StandardStreamsOnDemand.h"

#include "sloth/Version.h"

#include <fmt/core.h>

#include <algorithm>
#include <functional>
#include <iterator>
#include <string>
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

// `sloth run FILE a -- --verbose`: once the script's argument list holds a value, CLI11 (2.1)
// hands what follows `--` back to the top level. Those words are the script's: true when
// `extras` are exactly the arguments after the first `--`.
bool scriptArgumentsAfterDashes(const std::vector<std::string>& extras, int argc, char** argv) {
  for (int i = 2; i < argc; ++i)
    if (std::string_view(argv[i]) == "--")
      return std::equal(extras.begin(), extras.end(), argv + i + 1, argv + argc);
  return false;
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

// `sloth run FILE [ARGS...]` where no word after `run` starts with '-': with only the run command
// registered, CLI11 would do nothing but assign the positionals, every option keeping its default.
// That is the common way sloth is started (cron, CI steps), so it runs without building the
// command line: CLI11's options cost a few hundred allocations, and its first std::locale the C++
// locale's set-up (docs/startup.md). Any option, `--` or `-` goes through CLI11.
bool runWithoutOptions(int argc, char** argv) {
  return argc >= 3 && std::string_view(argv[1]) == "run" &&
         std::none_of(argv + 2, argv + argc, [](const char* arg) { return arg[0] == '-'; });
}

} // namespace

int main(int argc, char** argv) {
  sloth::cli::enableStandardStreams();
  if (runWithoutOptions(argc, argv))
    return sloth::cli::runWithDefaultOptions(argv[2], {argv + 3, argv + argc});
  sloth::cli::startStandardStreams(); // CLI11 prints help and errors with std::cout, std::cerr

  CLI::App app{"sloth: run sloth automation scripts", "sloth"};
  app.set_version_flag("--version", fmt::format("sloth {} (bundle format {})", sloth::kVersion,
                                                sloth::kBundleFormatVersion));
  app.require_subcommand(0, 1);

  // When the first argument names a subcommand, only that one is registered: CLI11 builds every
  // option with a dozen allocations, and `sloth run` is often started for little work
  // (docs/startup.md). Anything else (`sloth --help`, a typo) sees them all.
  std::vector<std::string>
      trailing; // the script's arguments after `--` (scriptArgumentsAfterDashes)
  const std::pair<std::string_view, std::function<sloth::cli::Action(CLI::App&)>> subcommands[] = {
      {"run", [&](CLI::App& a) { return sloth::cli::addRunCommand(a, trailing); }},
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

  // Unknown arguments reach the top level, which keeps them (allow_extras, not inherited by the
  // subcommands registered above): the script's after `--`, refused otherwise.
  app.allow_extras();
  try {
    app.parse(argc, argv);
    if (std::vector<std::string> extras = app.remaining(); !extras.empty()) {
      if (first != "run" || !scriptArgumentsAfterDashes(extras, argc, argv))
        throw CLI::ExtrasError(extras);
      trailing = std::move(extras);
    }
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
