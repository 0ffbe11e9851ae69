// Turns the ANTLR parse tree of a chunk into the AST (frontend-internal: the only place besides
// the parser glue that sees ANTLR types). Also enforces the two statement-shape rules the grammar
// leaves open (an expression statement must be a call; assignment targets must be variables).
#pragma once

#include "sloth/frontend/Ast.h"
#include "sloth/frontend/DiagnosticEngine.h"
#include "sloth/frontend/Lexer.h"

#include "LuaParser.h"

namespace sloth {

// Longest chain of left-associative operators or suffixes (`a+b+c...`, `a.b.c...`) one
// expression may have; deeper trees would overflow the recursive passes downstream.
inline constexpr unsigned kMaxExpressionChain = 1000;

// Returns false if it reported an error (the chunk is then incomplete and must not be used).
bool buildChunk(grammar::LuaParser::ChunkContext* tree, std::string_view source, LexedSource& lexed,
                FileId file, ast::AstContext& context, ast::Chunk& chunk, DiagnosticEngine& diags);

} // namespace sloth
