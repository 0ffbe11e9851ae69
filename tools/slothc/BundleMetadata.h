// The task/workflow metadata a bundle carries (docs/bundle-format.md, "Metadata"): what
// `sloth list BUNDLE` shows without running the script, read from the script's AST at build time.
#pragma once

#include "sloth/analyzer/dsl/TaskGraph.h"
#include "sloth/frontend/SourceManager.h"

#include <string>

namespace sloth::slothc {

// The metadata document (JSON) for the task graph of `file`.
std::string bundleMetadata(const dsl::TaskGraph& graph, const SourceManager& sources, FileId file);

} // namespace sloth::slothc
