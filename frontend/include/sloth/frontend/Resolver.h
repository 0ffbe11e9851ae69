// Name resolution and Lua's own compile-time checks, run once over a freshly built chunk.
//
// Fills NameExpr::local, Local::{captured, assigned, useCount}, FunctionBody::{captures,
// locals} and GotoStat::target, and reports what luac rejects after parsing: `break` outside a
// loop, `goto` without a visible label or into the scope of a local, duplicate labels,
// assignment to a <const>/<close> variable, several <close> variables in one list, and `...`
// outside a vararg function.
#pragma once

#include "sloth/frontend/Ast.h"
#include "sloth/frontend/DiagnosticEngine.h"
#include "sloth/frontend/SourceManager.h"

namespace sloth {

void resolve(ast::Chunk& chunk, const SourceManager& sources, DiagnosticEngine& diags);

} // namespace sloth
