// Runs the generated ANTLR parser over the lexer's tokens (SLL first, full LL with error
// recovery only when SLL fails), reports syntax errors in luac's words, and hands a clean parse
// tree to the AST builder. The only frontend file that drives ANTLR.
#pragma once

#include "sloth/frontend/Ast.h"
#include "sloth/frontend/DiagnosticEngine.h"
#include "sloth/frontend/Frontend.h"
#include "sloth/frontend/Lexer.h"

#include <string_view>

namespace sloth {

// Syntax errors reported per file before the parser gives up on it.
inline constexpr unsigned kMaxSyntaxErrors = 20;

// Returns true when the source parsed without error and `chunk` is complete.
bool parseTokens(std::string_view source, LexedSource& lexed, FileId file, ast::AstContext& context,
                 ast::Chunk& chunk, DiagnosticEngine& diags, ParseStats* stats);

} // namespace sloth
