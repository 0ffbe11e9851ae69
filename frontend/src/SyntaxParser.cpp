#include "SyntaxParser.h"

#include "AstBuilder.h"
#include "SyntaxErrors.h"

#include "antlr4-runtime.h"

#include <string>

namespace sloth {

using grammar::LuaParser;

// The lexer's TokenKind numbering is the grammar's `tokens {}` order.
static_assert(static_cast<size_t>(TokenKind::Name) == LuaParser::NAME);
static_assert(static_cast<size_t>(TokenKind::End) == LuaParser::END);
static_assert(static_cast<size_t>(TokenKind::While) == LuaParser::WHILE);
static_assert(static_cast<size_t>(TokenKind::Plus) == LuaParser::PLUS);
static_assert(static_cast<size_t>(TokenKind::Lt) == LuaParser::LT);
static_assert(static_cast<size_t>(TokenKind::DbColon) == LuaParser::DBCOLON);
static_assert(static_cast<size_t>(TokenKind::Ellipsis) == LuaParser::ELLIPSIS);

namespace {

// Feeds the hand-lexed tokens to ANTLR. Token text is not copied: messages are worded from our
// own Token vector, by token index.
class LexedTokenSource : public antlr4::TokenSource {
public:
  explicit LexedTokenSource(const std::vector<Token>& tokens) : tokens_(tokens) {}

  std::unique_ptr<antlr4::Token> nextToken() override {
    const Token& t = tokens_[current_];
    size_t type = t.kind == TokenKind::Eof ? antlr4::Token::EOF : static_cast<size_t>(t.kind);
    auto token = std::make_unique<antlr4::CommonToken>(
        std::pair<antlr4::TokenSource*, antlr4::CharStream*>(this, nullptr), type,
        antlr4::Token::DEFAULT_CHANNEL, t.range.begin, t.range.end == 0 ? 0 : t.range.end - 1);
    if (current_ + 1 < tokens_.size())
      ++current_;
    return token;
  }
  size_t getLine() const override { return tokens_[current_].line; }
  size_t getCharPositionInLine() override { return 0; }
  antlr4::CharStream* getInputStream() override { return nullptr; }
  std::string getSourceName() override { return "lua"; }
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override {
    return antlr4::CommonTokenFactory::DEFAULT.get();
  }

private:
  const std::vector<Token>& tokens_;
  size_t current_ = 0;
};

} // namespace

bool parseTokens(std::string_view source, LexedSource& lexed, FileId file, ast::AstContext& context,
                 ast::Chunk& chunk, DiagnosticEngine& diags, ParseStats* stats) {
  LexedTokenSource tokenSource(lexed.tokens);
  antlr4::CommonTokenStream stream(&tokenSource);
  LuaParser parser(&stream);
  parser.removeErrorListeners();

  // Stage 1: SLL prediction, bail out at the first error. The grammar is written so that valid
  // input never needs more (research/antlr.md §3); this is the fast path.
  auto* interpreter = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
  interpreter->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  LuaParser::ChunkContext* tree = nullptr;
  try {
    tree = parser.chunk();
  } catch (const antlr4::ParseCancellationException&) {
    tree = nullptr;
  }

  // Stage 2: full LL with error recovery, to tell SLL weakness from real errors and to report
  // every independent error.
  if (!tree) {
    if (stats)
      ++stats->sllFallbacks;
    SyntaxErrors errors(source, lexed, file, diags);
    stream.seek(0);
    parser.reset();
    parser.setErrorHandler(errors.strategy());
    interpreter->setPredictionMode(antlr4::atn::PredictionMode::LL);
    try {
      tree = parser.chunk();
    } catch (const antlr4::ParseCancellationException&) {
      return false;
    }
    if (errors.seen() > 0 || parser.getNumberOfSyntaxErrors() > 0)
      return false;
  }
  return buildChunk(tree, source, lexed, file, context, chunk, diags);
}

} // namespace sloth
