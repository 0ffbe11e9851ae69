// The module signature files of stdlib/defs/, embedded at build time.
#pragma once

#include "sloth/EmbeddedFile.h"

#include <span>
#include <string_view>

namespace sloth::defs {

// Every embedded signature file, in file-name order.
std::span<const EmbeddedFile> files();

// The file called `name` (e.g. "pkg.lua"), or nullptr.
const EmbeddedFile* find(std::string_view name);

} // namespace sloth::defs
