// The token stream the generated ANTLR parser reads: sloth's hand-lexed tokens, converted once
// into one array of ANTLR tokens. ANTLR's own CommonTokenStream pulls tokens one at a time from a
// TokenSource, allocating each and type-testing it on the way in; on a whole corpus that was a
// tenth of the parse time.
#pragma once

#include "sloth/frontend/Lexer.h"

#include "antlr4-runtime.h"

#include <string_view>
#include <vector>

namespace sloth {

// Where ANTLR asks for the tokens' origin (error recovery builds "missing" tokens through its
// factory). Tokens are never pulled from it: LexedTokenStream holds them all.
class LexedTokenSource : public antlr4::TokenSource {
public:
  std::unique_ptr<antlr4::Token> nextToken() override;
  size_t getLine() const override { return 0; }
  size_t getCharPositionInLine() override { return 0; }
  antlr4::CharStream* getInputStream() override { return nullptr; }
  std::string getSourceName() override { return "lua"; }
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override {
    return antlr4::CommonTokenFactory::DEFAULT.get();
  }
};

// Token i of the stream is token i of the lexer's vector (so token indexes in the parse tree
// index LexedSource::tokens). The lexer's vector ends with its end-of-file token. Token text is
// not copied: messages are worded from the lexer's tokens.
class LexedTokenStream : public antlr4::TokenStream {
public:
  LexedTokenStream(const std::vector<Token>& tokens, std::string_view source);

  antlr4::Token* LT(ssize_t k) override;
  antlr4::Token* get(size_t index) const override;
  antlr4::TokenSource* getTokenSource() const override { return &source_; }
  std::string getText(const antlr4::misc::Interval& interval) override;
  std::string getText() override;
  std::string getText(antlr4::RuleContext* ctx) override;
  std::string getText(antlr4::Token* start, antlr4::Token* stop) override;

  void consume() override;
  size_t LA(ssize_t i) override {
    antlr4::Token* token = LT(i);
    return token ? token->getType() : antlr4::Token::INVALID_TYPE;
  }
  ssize_t mark() override { return 0; }
  void release(ssize_t) override {}
  size_t index() override { return position_; }
  void seek(size_t index) override;
  size_t size() override { return tokens_.size(); }
  std::string getSourceName() const override { return "lua"; }

private:
  std::string textBetween(size_t first, size_t last) const;

  mutable LexedTokenSource source_;
  std::vector<antlr4::CommonToken> tokens_;
  std::string_view text_;
  size_t position_ = 0;
};

} // namespace sloth
