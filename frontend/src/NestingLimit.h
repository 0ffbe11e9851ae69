// A pre-pass over the token stream that rejects sources nested too deeply for the recursive
// passes (ANTLR's recursive-descent parser, the AST builder, the resolver, the compiler) before
// any of them runs: 100 000 nested parentheses must be a clear error, never a stack overflow.
#pragma once

#include "sloth/frontend/DiagnosticEngine.h"
#include "sloth/frontend/Token.h"

#include <string_view>
#include <vector>

namespace sloth {

// Lua's own limit (LUAI_MAXCCALLS): nested brackets, blocks, unary operators and chains of
// right-associative operators (`..`, `^`) all count.
inline constexpr unsigned kMaxNestingLevels = 200;

// Returns false (after reporting `too-many-levels`) when the limit is exceeded.
bool checkNesting(const std::vector<Token>& tokens, std::string_view source, FileId file,
                  DiagnosticEngine& diags);

} // namespace sloth
