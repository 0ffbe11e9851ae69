#include "NestingLimit.h"

#include "sloth/frontend/Lexer.h"

#include <string>

namespace sloth {

namespace {

// Tokens after which a '-' or '~' is binary (they end an operand).
bool endsOperand(TokenKind k) {
  switch (k) {
  case TokenKind::Name:
  case TokenKind::Numeral:
  case TokenKind::String:
  case TokenKind::Nil:
  case TokenKind::True:
  case TokenKind::False:
  case TokenKind::Ellipsis:
  case TokenKind::RParen:
  case TokenKind::RBracket:
  case TokenKind::RBrace:
  case TokenKind::End:
    return true;
  default:
    return false;
  }
}

// Tokens that end the expression at the current bracket level, so its operator chain restarts.
bool resetsChain(TokenKind k) {
  switch (k) {
  case TokenKind::Comma:
  case TokenKind::Semi:
  case TokenKind::Assign:
  case TokenKind::Break:
  case TokenKind::Do:
  case TokenKind::Else:
  case TokenKind::Elseif:
  case TokenKind::End:
  case TokenKind::For:
  case TokenKind::Goto:
  case TokenKind::If:
  case TokenKind::In:
  case TokenKind::Local:
  case TokenKind::Repeat:
  case TokenKind::Return:
  case TokenKind::Then:
  case TokenKind::Until:
  case TokenKind::While:
  case TokenKind::DbColon:
    return true;
  default:
    return false;
  }
}

struct Level {
  bool awaitingDo = false; // a `while`/`for` whose `do` belongs to it
  unsigned chain = 0;      // unary and right-associative operators in the current expression
};

} // namespace

bool checkNesting(const std::vector<Token>& tokens, std::string_view source, FileId file,
                  DiagnosticEngine& diags) {
  std::vector<Level> levels(1);
  unsigned depth = 0; // levels.size() - 1 plus the sum of the chains, kept incrementally
  TokenKind previous = TokenKind::Eof;
  for (const Token& t : tokens) {
    switch (t.kind) {
    case TokenKind::LParen:
    case TokenKind::LBracket:
    case TokenKind::LBrace:
    case TokenKind::Function:
    case TokenKind::If:
    case TokenKind::Repeat:
      levels.push_back({});
      ++depth;
      break;
    case TokenKind::While:
    case TokenKind::For:
      depth -= levels.back().chain;
      levels.back().chain = 0;
      levels.push_back({true, 0});
      ++depth;
      break;
    case TokenKind::Do:
      if (levels.back().awaitingDo) {
        levels.back().awaitingDo = false;
        depth -= levels.back().chain;
        levels.back().chain = 0;
      } else {
        levels.push_back({});
        ++depth;
      }
      break;
    case TokenKind::RParen:
    case TokenKind::RBracket:
    case TokenKind::RBrace:
    case TokenKind::End:
    case TokenKind::Until:
      if (levels.size() > 1) {
        depth -= levels.back().chain + 1;
        levels.pop_back();
      }
      break;
    case TokenKind::Not:
    case TokenKind::Hash:
    case TokenKind::Caret:
    case TokenKind::Concat:
      ++levels.back().chain;
      ++depth;
      break;
    case TokenKind::Minus:
    case TokenKind::Tilde:
      if (!endsOperand(previous)) {
        ++levels.back().chain;
        ++depth;
      }
      break;
    default:
      break;
    }
    if (resetsChain(t.kind) && t.kind != TokenKind::End && t.kind != TokenKind::Do) {
      depth -= levels.back().chain;
      levels.back().chain = 0;
    }
    if (depth > kMaxNestingLevels) {
      diags.error("too-many-levels", file, t.range,
                  "too many nested levels near " + describeToken(t, source) + " (limit is " +
                      std::to_string(kMaxNestingLevels) +
                      "): split the expression or move nested parts into functions");
      return false;
    }
    previous = t.kind;
  }
  return true;
}

} // namespace sloth
