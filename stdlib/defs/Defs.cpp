#include "sloth/defs/Defs.h"

#include <cstddef>

namespace sloth {
extern const EmbeddedFile kEmbeddedDefs[];
extern const std::size_t kEmbeddedDefsCount;
} // namespace sloth

namespace sloth::defs {

std::span<const EmbeddedFile> files() { return {kEmbeddedDefs, kEmbeddedDefsCount}; }

const EmbeddedFile* find(std::string_view name) {
  for (const EmbeddedFile& f : files())
    if (name == f.name)
      return &f;
  return nullptr;
}

} // namespace sloth::defs
