// The hand-written Lua 5.4 lexer (llex.c's rules): bytes in, tokens with decoded payloads out.
// It reports malformed input (unfinished strings, bad escapes, malformed numerals, stray
// characters) and keeps going, so one mistake does not hide the next.
#pragma once

#include "sloth/frontend/Ast.h"
#include "sloth/frontend/DiagnosticEngine.h"
#include "sloth/frontend/Token.h"

#include <memory>
#include <string_view>
#include <vector>

namespace sloth {

struct LexedSource {
  std::vector<Token> tokens; // always ends with one Eof token
  std::vector<std::unique_ptr<ast::Comment>> comments;
  // Offsets of input the lexer reported and dropped (stray characters, bad long brackets):
  // a syntax error right after one is its consequence, not news.
  std::vector<uint32_t> dropped;
};

// Stops reporting (but keeps lexing) after this many errors in one file.
inline constexpr unsigned kMaxLexErrors = 20;

// A first line starting with '#' (a shebang) is skipped, as luaL_loadfile does.
LexedSource lex(std::string_view text, FileId file, DiagnosticEngine& diags);

// Converts a numeral exactly as Lua does (l_str2int, then l_str2d): hex integers wrap modulo
// 2^64, decimal integers that overflow become floats, hex floats take a binary exponent.
// Returns false when `text` is not a valid Lua numeral.
bool convertNumeral(std::string_view text, Token& out);

// How messages quote a token, as luac does: `<eof>`, or its source text in single quotes with
// control and non-ASCII bytes written as `<\ddd>` (long tokens are shortened).
std::string describeToken(const Token& token, std::string_view source);

} // namespace sloth
