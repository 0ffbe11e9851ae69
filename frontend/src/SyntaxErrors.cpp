#include "SyntaxErrors.h"

#include "sloth/frontend/Lexer.h"

#include "LuaParser.h"

#include <algorithm>
#include <optional>
#include <string>

namespace sloth {

using grammar::LuaParser;

// Words a syntax error the way luac does ("'then' expected near 'print'"), names where an
// unclosed block was opened, and adds hints for mistakes carried over from other languages.
class SyntaxErrorReporter {
  // An error this close after the previous one (or on its line) is taken for a consequence of
  // the parser's recovery from it, and not reported.
  static constexpr size_t kCascadeTokens = 6;
  // Errors hit in all (reported or filtered) before the parse stops. Each recovery can leave the
  // parser one rule deeper (`x = 1 ()()()...`: 20 000 pairs overflowed the stack and 5 000 took
  // 12 s), so the cascade filter alone must not let a file run on.
  static constexpr unsigned kMaxErrorsSeen = 100;

public:
  SyntaxErrorReporter(std::string_view source, const LexedSource& lexed, FileId file,
                      DiagnosticEngine& diags)
      : source_(source), tokens_(lexed.tokens), dropped_(lexed.dropped), file_(file),
        diags_(diags) {}

  // Every error the parser hit, reported or not: the tree is unusable after any of them.
  unsigned seen() const { return seen_; }

  void report(antlr4::Parser* parser, antlr4::Token* offending,
              const antlr4::misc::IntervalSet& expected) {
    if (++seen_ > kMaxErrorsSeen)
      throw antlr4::ParseCancellationException(); // what was reported stands
    size_t index = offending ? offending->getTokenIndex() : tokens_.size() - 1;
    if (index >= tokens_.size())
      index = tokens_.size() - 1;
    // Recovery often trips again right after an error; skipping what follows it closely keeps
    // the cascade out while later, independent errors still show.
    if (count_ > 0 &&
        (index <= lastIndex_ + kCascadeTokens || tokens_[index].line == tokens_[lastIndex_].line))
      return;
    lastIndex_ = index;
    if (followsDroppedInput(index))
      return; // the lexer already reported what is missing here
    if (count_ == kMaxSyntaxErrors) {
      diags_.report(Severity::Info, "too-many-errors", file_, tokens_[index].range,
                    "too many syntax errors; stopped checking this file");
      throw antlr4::ParseCancellationException();
    }
    ++count_;
    compose(parser, index, expected);
  }

private:
  std::string_view source_;
  const std::vector<Token>& tokens_;
  const std::vector<uint32_t>& dropped_;
  FileId file_;
  DiagnosticEngine& diags_;
  unsigned count_ = 0; // reported
  unsigned seen_ = 0;
  size_t lastIndex_ = 0;

  // Whether the lexer dropped input between the previous token and token `index`.
  bool followsDroppedInput(size_t index) const {
    uint32_t from = index > 0 ? tokens_[index - 1].range.end : 0;
    auto it = std::lower_bound(dropped_.begin(), dropped_.end(), from);
    return it != dropped_.end() && *it < tokens_[index].range.begin + 1;
  }

  static bool has(const antlr4::misc::IntervalSet& set, TokenKind kind) {
    return set.contains(static_cast<size_t>(kind));
  }

  // The token that opened the construct `closer` would close, from the parser's rule stack.
  const Token* opener(antlr4::Parser* parser, TokenKind closer) const {
    for (antlr4::tree::ParseTree* c = parser->getContext(); c; c = c->parent) {
      auto* rule = dynamic_cast<antlr4::ParserRuleContext*>(c);
      if (!rule || !rule->getStart())
        continue;
      size_t startIndex = rule->getStart()->getTokenIndex();
      if (startIndex >= tokens_.size())
        continue;
      const Token& start = tokens_[startIndex];
      switch (closer) {
      case TokenKind::End:
        if (dynamic_cast<LuaParser::FuncbodyContext*>(rule)) {
          // funcbody starts at '('; the 'function' keyword is just before it (after the name).
          for (size_t i = startIndex; i-- > 0;)
            if (tokens_[i].kind == TokenKind::Function)
              return &tokens_[i];
          return nullptr;
        }
        if (dynamic_cast<LuaParser::IfStatContext*>(rule) ||
            dynamic_cast<LuaParser::WhileStatContext*>(rule) ||
            dynamic_cast<LuaParser::DoStatContext*>(rule) ||
            dynamic_cast<LuaParser::NumericForStatContext*>(rule) ||
            dynamic_cast<LuaParser::GenericForStatContext*>(rule))
          return &start;
        break;
      case TokenKind::Until:
        if (dynamic_cast<LuaParser::RepeatStatContext*>(rule))
          return &start;
        break;
      case TokenKind::RParen:
        if (start.kind == TokenKind::LParen)
          return &start;
        break;
      case TokenKind::RBrace:
        if (start.kind == TokenKind::LBrace)
          return &start;
        break;
      case TokenKind::RBracket:
        if (start.kind == TokenKind::LBracket)
          return &start;
        break;
      default:
        return nullptr;
      }
    }
    return nullptr;
  }

  // "'end' expected (to close 'function' at line 3)", or without the parenthesis when the
  // opener is on the offending token's line (as luac words it).
  std::string closing(antlr4::Parser* parser, TokenKind closer, const Token& offending) const {
    std::string message = "'" + std::string(spelling(closer)) + "' expected";
    if (const Token* open = opener(parser, closer); open && open->line != offending.line)
      message += " (to close '" + std::string(spelling(open->kind)) + "' at line " +
                 std::to_string(open->line) + ")";
    return message;
  }

  static bool isArithmetic(TokenKind k) {
    switch (k) {
    case TokenKind::Plus:
    case TokenKind::Minus:
    case TokenKind::Star:
    case TokenKind::Slash:
    case TokenKind::DSlash:
    case TokenKind::Percent:
    case TokenKind::Caret:
    case TokenKind::Concat:
    case TokenKind::Amp:
    case TokenKind::Pipe:
    case TokenKind::Tilde:
    case TokenKind::Shl:
    case TokenKind::Shr:
      return true;
    default:
      return false;
    }
  }

  void compose(antlr4::Parser* parser, size_t index, const antlr4::misc::IntervalSet& expected) {
    const Token& off = tokens_[index];
    const std::string near = " near " + describeToken(off, source_);
    bool atBlockEnd = off.kind == TokenKind::Eof || off.kind == TokenKind::End ||
                      off.kind == TokenKind::Else || off.kind == TokenKind::Elseif ||
                      off.kind == TokenKind::Until;
    bool expectsStatement = has(expected, TokenKind::Local) || has(expected, TokenKind::If);
    bool expectsExpression = has(expected, TokenKind::Nil) && has(expected, TokenKind::Numeral);
    std::optional<FixIt> fix;
    std::string message;

    // `x += 1`: an operator glued to '='.
    if (isArithmetic(off.kind) && index + 1 < tokens_.size() &&
        tokens_[index + 1].kind == TokenKind::Assign &&
        tokens_[index + 1].range.begin == off.range.end) {
      std::string target = index > 0 && tokens_[index - 1].kind == TokenKind::Name
                               ? tokens_[index - 1].text
                               : std::string("x");
      std::string op = std::string(spelling(off.kind));
      diags_.error("syntax-error", file_, {off.range.begin, tokens_[index + 1].range.end},
                   "syntax error near '" + op + "='; Lua has no compound assignment: write '" +
                       target + " = " + target + " " + op + " ...'");
      return;
    }

    // `elsif x then` / `elif x then`: the misspelt keyword lexes as a name.
    for (size_t back = 1; back <= 3 && back <= index; ++back) {
      const Token& t = tokens_[index - back];
      if (t.kind == TokenKind::Name && (t.text == "elsif" || t.text == "elif") &&
          t.line == off.line) {
        Diagnostic& d =
            diags_.error("syntax-error", file_, t.range,
                         "'" + t.text + "' is not a Lua keyword; did you mean 'elseif'?");
        d.fixIt = FixIt{t.range, "elseif"};
        return;
      }
    }
    TokenKind previous = index > 0 ? tokens_[index - 1].kind : TokenKind::Eof;
    TokenKind beforePrevious = index > 1 ? tokens_[index - 2].kind : TokenKind::Eof;
    if ((previous == TokenKind::Local && off.kind != TokenKind::Function) ||
        previous == TokenKind::For || previous == TokenKind::Goto) {
      message = "<name> expected" + near;
    } else if (previous == TokenKind::Name && beforePrevious == TokenKind::For) {
      message = "'=' or 'in' expected" + near;
    } else if (previous == TokenKind::Return && !atBlockEnd && off.kind != TokenKind::Semi) {
      // Lua reads what follows `return` as an expression unless the block ends there.
      message = "unexpected symbol" + near;
    } else if (has(expected, TokenKind::End) && (atBlockEnd || !expectsStatement)) {
      message = closing(parser, TokenKind::End, off) + near;
    } else if (has(expected, TokenKind::Until) && (atBlockEnd || !expectsStatement)) {
      message = closing(parser, TokenKind::Until, off) + near;
    } else if (expected.contains(antlr4::Token::EOF) && !expectsStatement) {
      message = "'<eof>' expected" + near;
    } else if (expectsExpression) {
      message = "unexpected symbol" + near + " (expected an expression)";
      if (off.kind == TokenKind::LBracket)
        message += "; Lua table constructors use braces: {1, 2}, not [1, 2]";
    } else if (expectsStatement) {
      message = "unexpected symbol" + near;
      if (off.kind == TokenKind::LBracket)
        message += "; Lua table constructors use braces: {1, 2}, not [1, 2]";
    } else if (has(expected, TokenKind::LParen) && has(expected, TokenKind::String) &&
               has(expected, TokenKind::LBrace) && expected.size() == 3) {
      message = "function arguments expected" + near;
    } else if (expected.size() == 1 && !expected.contains(antlr4::Token::EOF)) {
      auto kind = static_cast<TokenKind>(expected.getMinElement());
      if (kind == TokenKind::Name) {
        message = "<name> expected" + near;
      } else if (kind == TokenKind::RParen || kind == TokenKind::RBrace ||
                 kind == TokenKind::RBracket) {
        message = closing(parser, kind, off) + near;
        if (kind == TokenKind::RBrace && index > 0 && tokens_[index - 1].line < off.line &&
            (off.kind == TokenKind::Name || off.kind == TokenKind::LBracket))
          message += "; is a ',' missing after the previous field?";
      } else {
        message = "'" + std::string(spelling(kind)) + "' expected" + near;
        if ((kind == TokenKind::Then || kind == TokenKind::Do) && index > 0) {
          uint32_t after = tokens_[index - 1].range.end;
          fix = FixIt{{after, after}, std::string(" ") + spelling(kind)};
        }
      }
    } else if (expected.size() <= 3 && !expected.contains(antlr4::Token::EOF)) {
      std::string list;
      std::vector<ssize_t> values = expected.toList();
      for (size_t i = 0; i < values.size(); ++i) {
        if (i > 0)
          list += i + 1 == values.size() ? " or " : ", ";
        list += "'" + std::string(spelling(static_cast<TokenKind>(values[i]))) + "'";
      }
      message = list + " expected" + near;
    } else {
      message = "unexpected symbol" + near;
    }
    Diagnostic& d = diags_.error("syntax-error", file_, off.range, message);
    d.fixIt = fix;
  }
};

namespace {

class LuaErrorStrategy : public antlr4::DefaultErrorStrategy {
public:
  explicit LuaErrorStrategy(SyntaxErrorReporter& reporter) : reporter_(reporter) {}

protected:
  void reportNoViableAlternative(antlr4::Parser* p,
                                 const antlr4::NoViableAltException& e) override {
    reporter_.report(p, e.getOffendingToken(), e.getExpectedTokens());
  }
  void reportInputMismatch(antlr4::Parser* p, const antlr4::InputMismatchException& e) override {
    reporter_.report(p, e.getOffendingToken(), e.getExpectedTokens());
  }
  void reportFailedPredicate(antlr4::Parser* p,
                             const antlr4::FailedPredicateException& e) override {
    reporter_.report(p, e.getOffendingToken(), e.getExpectedTokens());
  }
  void reportUnwantedToken(antlr4::Parser* p) override {
    if (inErrorRecoveryMode(p))
      return;
    beginErrorCondition(p);
    reporter_.report(p, p->getCurrentToken(), getExpectedTokens(p));
  }
  void reportMissingToken(antlr4::Parser* p) override {
    if (inErrorRecoveryMode(p))
      return;
    beginErrorCondition(p);
    reporter_.report(p, p->getCurrentToken(), getExpectedTokens(p));
  }

private:
  SyntaxErrorReporter& reporter_;
};

} // namespace

SyntaxErrors::SyntaxErrors(std::string_view source, const LexedSource& lexed, FileId file,
                           DiagnosticEngine& diags)
    : reporter_(std::make_unique<SyntaxErrorReporter>(source, lexed, file, diags)) {}

SyntaxErrors::~SyntaxErrors() = default;

std::shared_ptr<antlr4::ANTLRErrorStrategy> SyntaxErrors::strategy() {
  return std::make_shared<LuaErrorStrategy>(*reporter_);
}

unsigned SyntaxErrors::seen() const {
  return reporter_->seen();
}

} // namespace sloth
