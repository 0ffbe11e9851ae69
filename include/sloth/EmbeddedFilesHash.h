// The hash of a set of embedded files: FNV-1a 64 over each file's name and contents, each
// followed by a zero byte, in order (docs/bundle-format.md, "Module-signature hash"). constexpr so
// that the build computes it once for the module signatures (cmake/EmbedFiles.cmake) instead of
// every `sloth run` of a bundle hashing the ~100 KB again; vm::signatureSetHash is this function.
#pragma once

#include "sloth/EmbeddedFile.h"

#include <cstdint>
#include <span>
#include <string_view>

namespace sloth {

constexpr std::uint64_t embeddedFilesHash(std::span<const EmbeddedFile> files) {
  std::uint64_t h = 0xcbf29ce484222325ull; // FNV-1a 64
  auto add = [&h](std::string_view s) {
    for (char c : s)
      h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
    h = (h ^ 0) * 0x100000001b3ull; // a terminator, so ("ab","c") and ("a","bc") differ
  };
  for (const EmbeddedFile& f : files) {
    add(f.name);
    add(f.contents);
  }
  return h;
}

} // namespace sloth
