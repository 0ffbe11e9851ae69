// sloth: the runtime driver. Thin: argument parsing and wiring only (design §2).
#include "sloth/Version.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

int main(int argc, char** argv) {
  CLI::App app{"sloth: run sloth automation scripts and bundles", "sloth"};
  app.set_version_flag("--version", fmt::format("sloth {} (bundle format {})", sloth::kVersion,
                                                sloth::kBundleFormatVersion));
  app.footer("`sloth run` and `sloth list` are not available yet: the VM is still being built.");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  fmt::print("{}", app.help());
  return 0;
}
