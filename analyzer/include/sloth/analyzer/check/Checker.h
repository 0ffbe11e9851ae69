// `slothc check`'s analysis of one parsed and resolved chunk: type inference over the module
// signatures and the user's own annotations, and the lints (design §4). Every finding has a
// stable kebab-case code; docs/checks.md lists them all.
//
// Errors are reported only where the script will certainly fail or misbehave; everything else is
// a warning. Unknown things (results of untyped user functions, `any`) never produce errors.
#pragma once

#include "sloth/analyzer/types/SignatureRegistry.h"
#include "sloth/frontend/Ast.h"
#include "sloth/frontend/DiagnosticEngine.h"
#include "sloth/frontend/SourceManager.h"

#include <string>
#include <vector>

namespace sloth::check {

struct CheckSettings {
  std::vector<std::string> extraGlobals; // from sloth.toml [check] globals
};

// Runs the type checks and lints over a parsed+resolved chunk and reports into `diags` with stable
// kebab-case codes. Safe to call concurrently from several threads that share `signatures` (each
// call has its own chunk and DiagnosticEngine).
void checkChunk(const ast::Chunk& chunk, FileId file, const SourceManager& sources,
                const types::SignatureRegistry& signatures, const CheckSettings& settings,
                DiagnosticEngine& diags);

} // namespace sloth::check
