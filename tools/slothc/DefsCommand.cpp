#include "Commands.h"

#include "sloth/defs/Defs.h"

#include <fmt/core.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

namespace sloth::slothc {

Action addDefsCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "defs", "Write the module signatures as lua-language-server definition files");
  auto out = std::make_shared<std::string>();
  cmd->add_option("--out", *out, "Directory to write NAME.lua files into (created if missing)")
      ->required();
  return [cmd, out]() -> int {
    if (!*cmd)
      return -1;
    std::error_code ec;
    std::filesystem::create_directories(*out, ec);
    if (ec) {
      fmt::print(stderr, "slothc defs: cannot create directory '{}': {}\n", *out, ec.message());
      return 2;
    }
    for (const EmbeddedFile& f : defs::files()) {
      std::filesystem::path path = std::filesystem::path(*out) / f.name;
      std::ofstream os(path, std::ios::binary);
      os << f.contents;
      if (!os.flush()) {
        fmt::print(stderr, "slothc defs: cannot write '{}': {}\n", path.string(),
                   std::strerror(errno));
        return 2;
      }
    }
    fmt::print("wrote {} definition files to {}\n", defs::files().size(), *out);
    return 0;
  };
}

} // namespace sloth::slothc
