// The module signature files of stdlib/defs/, embedded at build time.
#pragma once

#include "sloth/EmbeddedFile.h"

#include <cstdint>
#include <span>
#include <string_view>

namespace sloth::defs {

// Every embedded signature file, in file-name order.
std::span<const EmbeddedFile> files();

// vm::signatureSetHash(files()), computed at build time: what a bundle must have been built with.
std::uint64_t signatureHash();

// The file called `name` (e.g. "pkg.lua"), or nullptr.
const EmbeddedFile* find(std::string_view name);

} // namespace sloth::defs
