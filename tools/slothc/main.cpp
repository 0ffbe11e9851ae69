// slothc: the compiler driver. Thin: argument parsing and wiring only (design §2).
#include "Commands.h"

#include "sloth/Version.h"

#include <fmt/core.h>

#include <string_view>
#include <vector>

namespace {

// `slothc check -x.lua`: CLI11 takes the name for an unknown option and then says only that a
// file is required. Name the argument instead, and how to pass such a file.
bool explainDashFile(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--")
      return false;
    bool looksLikeFile = arg.ends_with(".lua") || arg.ends_with(".sloth") ||
                         arg.ends_with(".yaml") || arg.ends_with(".yml") ||
                         arg.ends_with(".slothb");
    if (arg.size() > 1 && arg[0] == '-' && looksLikeFile &&
        arg.find('=') == std::string_view::npos) {
      fmt::print(stderr,
                 "slothc: unknown option '{}': to name a file whose name starts with '-', write "
                 "./{} (or put it after --)\n",
                 arg, arg);
      return true;
    }
  }
  return false;
}

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"slothc: check and compile sloth automation scripts (Lua 5.4)", "slothc"};
  app.set_version_flag("--version", fmt::format("slothc {} (bundle format {})", sloth::kVersion,
                                                sloth::kBundleFormatVersion));
  app.require_subcommand(0, 1);

  std::vector<sloth::slothc::Action> actions;
  actions.push_back(sloth::slothc::addCheckCommand(app));
  actions.push_back(sloth::slothc::addBuildCommand(app));
  actions.push_back(sloth::slothc::addDefsCommand(app));
  actions.push_back(sloth::slothc::addDisCommand(app));
  actions.push_back(sloth::slothc::addPlanCommand(app));
  actions.push_back(sloth::slothc::addDumpAstCommand(app));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (dynamic_cast<const CLI::RequiredError*>(&e) && explainDashFile(argc, argv))
      return 2;
    // CLI11 prints help/version with exit 0; usage errors get design §1's exit code 2.
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  for (auto& action : actions)
    if (int rc = action(); rc >= 0)
      return rc;
  // No subcommand given: that is a usage error.
  fmt::print(stderr, "{}", app.help());
  return 2;
}
