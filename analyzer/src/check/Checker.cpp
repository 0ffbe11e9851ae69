#include "sloth/analyzer/check/Checker.h"

namespace sloth::check {

void checkChunk(const ast::Chunk& chunk, FileId file, const SourceManager& sources,
                const types::SignatureRegistry& signatures, const CheckSettings& settings,
                DiagnosticEngine& diags) {
  // Interface first so the driver can build against it; the checks follow.
}

} // namespace sloth::check
