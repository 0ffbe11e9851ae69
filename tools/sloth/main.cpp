// sloth: the runtime driver. Thin: argument parsing and wiring only (design §2).
#include "Commands.h"

#include "sloth/Version.h"

#include <fmt/core.h>

#include <algorithm>
#include <iterator>
#include <string_view>
#include <utility>
#include <vector>

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
    int rc = app.exit(e); // prints help/version (0) or the usage error
    return rc == 0 ? 0 : 2;
  }
  for (auto& action : actions)
    if (int rc = action(); rc >= 0)
      return rc;
  fmt::print(stderr, "{}", app.help());
  return 2;
}
