// sloth: the runtime driver. Thin: argument parsing and wiring only (design §2).
#include "Commands.h"

#include "sloth/Version.h"

#include <fmt/core.h>

#include <vector>

int main(int argc, char** argv) {
  CLI::App app{"sloth: run sloth automation scripts", "sloth"};
  app.set_version_flag("--version", fmt::format("sloth {} (bundle format {})", sloth::kVersion,
                                                sloth::kBundleFormatVersion));
  app.require_subcommand(0, 1);

  std::vector<sloth::cli::Action> actions;
  actions.push_back(sloth::cli::addRunCommand(app));
  actions.push_back(sloth::cli::addListCommand(app));
  actions.push_back(sloth::cli::addHistoryCommand(app));

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
