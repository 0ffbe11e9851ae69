#include "Commands.h"

#include "sloth/defs/Defs.h"

#include <fmt/core.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>

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
    std::size_t written = 0;
    for (const EmbeddedFile& f : defs::files()) {
      // lua_*.lua declare Lua's own standard library for our checker; lua-language-server ships
      // its own, and two definitions of `print` would only confuse the editor.
      if (std::string_view(f.name).starts_with("lua_"))
        continue;
      std::filesystem::path path = std::filesystem::path(*out) / f.name;
      std::ofstream os(path, std::ios::binary);
      os << f.contents;
      if (!os.flush()) {
        fmt::print(stderr, "slothc defs: cannot write '{}': {}\n", path.string(),
                   std::strerror(errno));
        return 2;
      }
      ++written;
    }
    fmt::print("wrote {} definition files to {}\n", written, *out);
    return 0;
  };
}

} // namespace sloth::slothc
