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

// Binary operators that bind looser than `..` (shifts, bitwise, comparisons, logic): they end
// every pending chain, as the parser's recursion for `..`, `^` and unary operators returns there.
bool endsChains(TokenKind k) {
  switch (k) {
  case TokenKind::Shl:
  case TokenKind::Shr:
  case TokenKind::Amp:
  case TokenKind::Pipe:
  case TokenKind::Eq:
  case TokenKind::Ne:
  case TokenKind::Lt:
  case TokenKind::Le:
  case TokenKind::Gt:
  case TokenKind::Ge:
  case TokenKind::And:
  case TokenKind::Or:
    return true;
  default:
    return false;
  }
}

// Arithmetic binary operators bind looser than unary operators only.
bool isArithmetic(TokenKind k) {
  switch (k) {
  case TokenKind::Plus:
  case TokenKind::Star:
  case TokenKind::Slash:
  case TokenKind::DSlash:
  case TokenKind::Percent:
    return true;
  default:
    return false;
  }
}

struct Level {
  bool awaitingDo = false; // a `while`/`for` whose `do` belongs to it
  unsigned chain = 0;      // pending `..` and `^` (right-associative: each one nests)
  unsigned unary = 0;      // pending unary operators (each nests until its operand ends)
};

} // namespace

bool checkNesting(const std::vector<Token>& tokens, std::string_view source, FileId file,
                  DiagnosticEngine& diags) {
  std::vector<Level> levels(1);
  unsigned depth = 0; // open levels plus every level's pending chain and unary operators
  TokenKind previous = TokenKind::Eof;
  auto releaseUnary = [&] {
    depth -= levels.back().unary;
    levels.back().unary = 0;
  };
  auto releaseAll = [&] {
    releaseUnary();
    depth -= levels.back().chain;
    levels.back().chain = 0;
  };
  for (const Token& t : tokens) {
    bool binaryPosition = endsOperand(previous);
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
      releaseAll();
      levels.push_back({true, 0, 0});
      ++depth;
      break;
    case TokenKind::Do:
      if (levels.back().awaitingDo) {
        levels.back().awaitingDo = false;
        releaseAll();
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
        depth -= levels.back().chain + levels.back().unary + 1;
        levels.pop_back();
      }
      break;
    case TokenKind::Not:
    case TokenKind::Hash:
      ++levels.back().unary;
      ++depth;
      break;
    case TokenKind::Minus:
    case TokenKind::Tilde:
      if (!binaryPosition) {
        ++levels.back().unary;
        ++depth;
      } else if (t.kind == TokenKind::Minus) {
        releaseUnary();
      } else {
        releaseAll(); // binary `~` (xor) binds looser than `..`
      }
      break;
    case TokenKind::Caret:
      ++levels.back().chain;
      ++depth;
      break;
    case TokenKind::Concat:
      releaseUnary();
      ++levels.back().chain;
      ++depth;
      break;
    default:
      if (endsChains(t.kind))
        releaseAll();
      else if (isArithmetic(t.kind))
        releaseUnary();
      else if (resetsChain(t.kind))
        releaseAll();
      break;
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
