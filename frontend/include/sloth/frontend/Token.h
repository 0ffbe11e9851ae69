// Lua tokens as the hand-written lexer produces them. The numbering matches the `tokens {}` block
// of grammar/LuaParser.g4 (the ANTLR parser consumes these kinds directly; a static_assert in the
// parser glue keeps the two in step).
#pragma once

#include "sloth/frontend/SourceRange.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace sloth {

// X(Enumerator, spelling in messages)
#define SLOTH_LUA_TOKENS(X)                                                                        \
  X(Name, "<name>")                                                                                \
  X(Numeral, "<number>")                                                                           \
  X(String, "<string>")                                                                            \
  X(And, "and")                                                                                    \
  X(Break, "break")                                                                                \
  X(Do, "do")                                                                                      \
  X(Else, "else")                                                                                  \
  X(Elseif, "elseif")                                                                              \
  X(End, "end")                                                                                    \
  X(False, "false")                                                                                \
  X(For, "for")                                                                                    \
  X(Function, "function")                                                                          \
  X(Goto, "goto")                                                                                  \
  X(If, "if")                                                                                      \
  X(In, "in")                                                                                      \
  X(Local, "local")                                                                                \
  X(Nil, "nil")                                                                                    \
  X(Not, "not")                                                                                    \
  X(Or, "or")                                                                                      \
  X(Repeat, "repeat")                                                                              \
  X(Return, "return")                                                                              \
  X(Then, "then")                                                                                  \
  X(True, "true")                                                                                  \
  X(Until, "until")                                                                                \
  X(While, "while")                                                                                \
  X(Plus, "+")                                                                                     \
  X(Minus, "-")                                                                                    \
  X(Star, "*")                                                                                     \
  X(Slash, "/")                                                                                    \
  X(Percent, "%")                                                                                  \
  X(Caret, "^")                                                                                    \
  X(Hash, "#")                                                                                     \
  X(Amp, "&")                                                                                      \
  X(Tilde, "~")                                                                                    \
  X(Pipe, "|")                                                                                     \
  X(Shl, "<<")                                                                                     \
  X(Shr, ">>")                                                                                     \
  X(DSlash, "//")                                                                                  \
  X(Eq, "==")                                                                                      \
  X(Ne, "~=")                                                                                      \
  X(Le, "<=")                                                                                      \
  X(Ge, ">=")                                                                                      \
  X(Lt, "<")                                                                                       \
  X(Gt, ">")                                                                                       \
  X(Assign, "=")                                                                                   \
  X(LParen, "(")                                                                                   \
  X(RParen, ")")                                                                                   \
  X(LBrace, "{")                                                                                   \
  X(RBrace, "}")                                                                                   \
  X(LBracket, "[")                                                                                 \
  X(RBracket, "]")                                                                                 \
  X(DbColon, "::")                                                                                 \
  X(Semi, ";")                                                                                     \
  X(Colon, ":")                                                                                    \
  X(Comma, ",")                                                                                    \
  X(Dot, ".")                                                                                      \
  X(Concat, "..")                                                                                  \
  X(Ellipsis, "...")

enum class TokenKind : uint8_t {
  Eof = 0,
#define SLOTH_TOKEN_ENUM(name, spelling) name,
  SLOTH_LUA_TOKENS(SLOTH_TOKEN_ENUM)
#undef SLOTH_TOKEN_ENUM
};

// "end", "==", "<name>", "<eof>".
const char* spelling(TokenKind kind);

struct Token {
  TokenKind kind = TokenKind::Eof;
  SourceRange range;
  uint32_t line = 1; // 1-based line of range.begin
  // Decoded payload: the bytes of a String, the identifier of a Name.
  std::string text;
  // The value of a Numeral, converted as Lua converts it.
  bool isInteger = false;
  int64_t integer = 0;
  double number = 0;
};

} // namespace sloth
