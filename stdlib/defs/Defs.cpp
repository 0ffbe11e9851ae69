#include "sloth/defs/Defs.h"

#include <cstddef>

namespace sloth {
extern const EmbeddedFile kEmbeddedDefs[];
extern const std::size_t kEmbeddedDefsCount;
extern const std::uint64_t kEmbeddedDefsHash;
} // namespace sloth

namespace sloth::defs {

std::span<const EmbeddedFile> files() {
  return {kEmbeddedDefs, kEmbeddedDefsCount};
}

std::uint64_t signatureHash() {
  return kEmbeddedDefsHash;
}

const EmbeddedFile* find(std::string_view name) {
  for (const EmbeddedFile& f : files())
    if (name == f.name)
      return &f;
  return nullptr;
}

} // namespace sloth::defs
