// Human-readable renderings of diagnostics:
//   text: `file:line:col: error: message [code]`, the source line and a caret underline under
//         the range, then notes and the fix-it; ANSI colors when `color` is set.
//   gcc:  one `file:line:col: severity: message [code]` line each (notes too), for editors.
#pragma once

#include "sloth/frontend/Diagnostic.h"
#include "sloth/frontend/SourceManager.h"

#include <string>

namespace sloth {

std::string renderText(const Diagnostic& diagnostic, const SourceManager& sources, bool color);
std::string renderGcc(const Diagnostic& diagnostic, const SourceManager& sources);

} // namespace sloth
