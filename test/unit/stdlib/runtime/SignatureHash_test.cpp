// The module-signature hash is computed at build time (cmake/EmbedFiles.cmake); it must be the
// hash the runtime function computes, which is the documented FNV-1a.
#include "sloth/EmbeddedFilesHash.h"
#include "sloth/defs/Defs.h"
#include "sloth/vm/Bundle.h"

#include <gtest/gtest.h>

namespace {

TEST(SignatureHash, BuildTimeHashIsTheRuntimeHashOfTheEmbeddedDefs) {
  EXPECT_EQ(sloth::defs::signatureHash(), sloth::vm::signatureSetHash(sloth::defs::files()));
}

TEST(SignatureHash, IsFnv1aOfNamesAndContentsEachEndedByZero) {
  constexpr sloth::EmbeddedFile files[] = {{"a.lua", "x"}};
  static_assert(sloth::embeddedFilesHash(files) == 0x1396e03c82c923c8ull);
  EXPECT_EQ(sloth::vm::signatureSetHash(files), 0x1396e03c82c923c8ull);
  EXPECT_EQ(sloth::vm::signatureSetHash({}), 0xcbf29ce484222325ull); // the offset basis
}

} // namespace
