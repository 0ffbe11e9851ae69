// Runs the generated ANTLR parser over the lexer's tokens (SLL first, full LL with error
// recovery only when SLL fails; SyntaxErrors words the errors) and hands a clean parse tree to
// the AST builder.
#pragma once

#include "sloth/frontend/Ast.h"
#include "sloth/frontend/DiagnosticEngine.h"
#include "sloth/frontend/Frontend.h"
#include "sloth/frontend/Lexer.h"

#include <string_view>

namespace sloth {

// Returns true when the source parsed without error and `chunk` is complete.
bool parseTokens(std::string_view source, LexedSource& lexed, FileId file, ast::AstContext& context,
                 ast::Chunk& chunk, DiagnosticEngine& diags, ParseStats* stats);

} // namespace sloth
