#include "sloth/frontend/Lexer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace {

using sloth::DiagnosticEngine;
using sloth::Token;
using sloth::TokenKind;

struct Lexed {
  sloth::LexedSource source;
  DiagnosticEngine diags;
};

Lexed lexAll(std::string_view text) {
  Lexed l;
  l.source = sloth::lex(text, 0, l.diags);
  return l;
}

// The single token `text` lexes to (plus EOF), with no diagnostics.
Token only(std::string_view text) {
  Lexed l = lexAll(text);
  EXPECT_EQ(l.diags.errorCount(), 0u) << text;
  EXPECT_EQ(l.source.tokens.size(), 2u) << text;
  return l.source.tokens.front();
}

std::string firstError(std::string_view text) {
  Lexed l = lexAll(text);
  return l.diags.diagnostics().empty() ? "" : l.diags.diagnostics().front().message;
}

TEST(Lexer, Integers) {
  EXPECT_EQ(only("0").integer, 0);
  EXPECT_EQ(only("42").integer, 42);
  EXPECT_EQ(only("9223372036854775807").integer, INT64_MAX);
  EXPECT_TRUE(only("0xff").isInteger);
  EXPECT_EQ(only("0xff").integer, 255);
  EXPECT_EQ(only("0XA").integer, 10);
}

TEST(Lexer, HexIntegersWrapAround) {
  EXPECT_EQ(only("0xffffffffffffffff").integer, -1);
  EXPECT_EQ(only("0x7fffffffffffffff").integer, INT64_MAX);
  EXPECT_EQ(only("0x10000000000000000").integer, 0); // 2^64 wraps to 0
  EXPECT_EQ(only("0x1ffffffffffffffff").integer, -1);
}

TEST(Lexer, DecimalOverflowBecomesFloat) {
  Token t = only("9223372036854775808");
  EXPECT_FALSE(t.isInteger);
  EXPECT_EQ(t.number, 9223372036854775808.0);
  EXPECT_FALSE(only("100000000000000000000").isInteger);
}

TEST(Lexer, Floats) {
  EXPECT_EQ(only("3.0").number, 3.0);
  EXPECT_FALSE(only("3.0").isInteger);
  EXPECT_EQ(only("3.").number, 3.0);
  EXPECT_EQ(only(".5").number, 0.5);
  EXPECT_EQ(only("1e2").number, 100.0);
  EXPECT_EQ(only("1E-2").number, 0.01);
  EXPECT_EQ(only("2.5e+3").number, 2500.0);
  EXPECT_TRUE(std::isinf(only("1e999").number));
}

TEST(Lexer, HexFloats) {
  EXPECT_EQ(only("0x1p4").number, 16.0);
  EXPECT_EQ(only("0x.8").number, 0.5);
  EXPECT_EQ(only("0xA.8p1").number, 21.0);
  EXPECT_EQ(only("0x1P-2").number, 0.25);
  EXPECT_FALSE(only("0x1p4").isInteger);
}

TEST(Lexer, MalformedNumbers) {
  EXPECT_EQ(firstError("3x"), "malformed number near '3x'");
  EXPECT_EQ(firstError("0x"), "malformed number near '0x'");
  EXPECT_EQ(firstError("1e"), "malformed number near '1e'");
  EXPECT_EQ(firstError("1..2"), "malformed number near '1..2'");
  EXPECT_EQ(firstError("0xep"), "malformed number near '0xep'");
}

TEST(Lexer, NumberFollowedByConcatNeedsASpace) {
  EXPECT_EQ(lexAll("1 ..2").diags.errorCount(), 0u); // ".." then "2", as in Lua
  EXPECT_EQ(lexAll("1..2").diags.errorCount(), 1u);
}

TEST(Lexer, SimpleEscapes) {
  EXPECT_EQ(only(R"("\a\b\f\n\r\t\v\\\"\'")").text, "\a\b\f\n\r\t\v\\\"'");
  EXPECT_EQ(only("'a\\\nb'").text, "a\nb");
  EXPECT_EQ(only("'a\\\r\nb'").text, "a\nb");
}

TEST(Lexer, HexDecimalAndUnicodeEscapes) {
  EXPECT_EQ(only(R"("\x41\x7a")").text, "Az");
  EXPECT_EQ(only(R"("\65\066\0677")").text, std::string("AB") + "C7");
  EXPECT_EQ(only(R"("\0")").text, std::string(1, '\0'));
  EXPECT_EQ(only(R"("\255")").text, "\xff");
  EXPECT_EQ(only(R"("\u{41}")").text, "A");
  EXPECT_EQ(only(R"("\u{e9}")").text, "\xc3\xa9");
  EXPECT_EQ(only(R"("\u{20AC}")").text, "\xe2\x82\xac");
  EXPECT_EQ(only(R"("\u{10FFFF}")").text, "\xf4\x8f\xbf\xbf");
  EXPECT_EQ(only(R"("\u{7FFFFFFF}")").text, "\xfd\xbf\xbf\xbf\xbf\xbf");
}

TEST(Lexer, ZEscapeSkipsWhitespace) {
  EXPECT_EQ(only("'a\\z  \n\t  b'").text, "ab");
  EXPECT_EQ(only("'a\\zb'").text, "ab");
}

TEST(Lexer, BadEscapes) {
  EXPECT_EQ(firstError(R"("\q")"), R"(invalid escape sequence near '"\q')");
  EXPECT_EQ(firstError(R"("\300")"), R"(decimal escape too large near '"\300')");
  EXPECT_EQ(firstError(R"("\xZZ")"), R"(hexadecimal digit expected near '"\xZ')");
  EXPECT_EQ(firstError(R"("\u{110000000}")"), R"(UTF-8 value too large near '"\u{110000000')");
  EXPECT_EQ(firstError(R"("\u41")"), R"(missing '{' in \u{xxxx} near '"\u4')");
}

TEST(Lexer, UnfinishedStrings) {
  EXPECT_EQ(firstError("x = \"abc\ny\""), "unfinished string near '\"abc'");
  EXPECT_EQ(firstError("x = 'abc"), "unfinished string near <eof>");
  EXPECT_EQ(firstError("x = [==[ abc ]=]"),
            "unfinished long string (starting at line 1) near <eof>");
  EXPECT_EQ(firstError("--[[ abc"), "unfinished long comment (starting at line 1) near <eof>");
}

TEST(Lexer, LongStringsOfAnyLevel) {
  EXPECT_EQ(only("[[abc]]").text, "abc");
  EXPECT_EQ(only("[[\nabc]]").text, "abc"); // the first newline is dropped
  EXPECT_EQ(only("[==[a]]b]=]c]==]").text, "a]]b]=]c");
  EXPECT_EQ(only("[=[\r\nx\r\ny]=]").text, "x\ny");
  std::string deep = "[" + std::string(50, '=') + "[x]" + std::string(50, '=') + "]";
  EXPECT_EQ(only(deep).text, "x");
  EXPECT_EQ(firstError("[=x"), "invalid long string delimiter near '[='");
}

TEST(Lexer, CommentsAreKept) {
  Lexed l = lexAll("---@param x string\nlocal x --[==[ long\ncomment ]==] = 1 -- tail");
  ASSERT_EQ(l.source.comments.size(), 3u);
  EXPECT_EQ(l.source.comments[0]->text, "-@param x string");
  EXPECT_FALSE(l.source.comments[0]->isLong);
  EXPECT_EQ(l.source.comments[1]->text, " long\ncomment ");
  EXPECT_TRUE(l.source.comments[1]->isLong);
  EXPECT_EQ(l.source.comments[2]->text, " tail");
  EXPECT_EQ(l.source.tokens.size(), 5u); // local x = 1 <eof>
}

TEST(Lexer, ShebangLineIsSkipped) {
  Lexed l = lexAll("#!/usr/bin/env sloth\nreturn 1");
  EXPECT_EQ(l.diags.errorCount(), 0u);
  EXPECT_EQ(l.source.tokens[0].kind, TokenKind::Return);
  EXPECT_EQ(l.source.tokens[0].line, 2u);
}

TEST(Lexer, OperatorsAndKeywords) {
  Lexed l = lexAll("a.b:c(...) // 2 ~= 3 << 1 >> 2 :: .. == <= >= ~ #x and or not goto");
  std::vector<TokenKind> kinds;
  for (const Token& t : l.source.tokens)
    kinds.push_back(t.kind);
  using K = TokenKind;
  std::vector<TokenKind> expected = {
      K::Name,    K::Dot,     K::Name, K::Colon,   K::Name, K::LParen,  K::Ellipsis, K::RParen,
      K::DSlash,  K::Numeral, K::Ne,   K::Numeral, K::Shl,  K::Numeral, K::Shr,      K::Numeral,
      K::DbColon, K::Concat,  K::Eq,   K::Le,      K::Ge,   K::Tilde,   K::Hash,     K::Name,
      K::And,     K::Or,      K::Not,  K::Goto,    K::Eof};
  EXPECT_EQ(kinds, expected);
}

TEST(Lexer, ForeignOperatorsGetAHintAndTheLuaToken) {
  Lexed l = lexAll("a != b");
  ASSERT_EQ(l.diags.errorCount(), 1u);
  EXPECT_EQ(l.diags.diagnostics()[0].message, "'!=' is not a Lua operator; did you mean '~='?");
  ASSERT_TRUE(l.diags.diagnostics()[0].fixIt.has_value());
  EXPECT_EQ(l.diags.diagnostics()[0].fixIt->replacement, "~=");
  EXPECT_EQ(l.source.tokens[1].kind, TokenKind::Ne);
}

TEST(Lexer, StrayBytesAreReportedLikeLua) {
  EXPECT_EQ(firstError("x = @"), "unexpected symbol near '@'");
  EXPECT_EQ(firstError(std::string("x = \x80", 5)), "unexpected symbol near '<\\128>'");
  EXPECT_EQ(firstError(std::string("x = \0", 5)), "unexpected symbol near '<\\0>'");
}

TEST(Lexer, InvalidUtf8InsideStringsIsValid) {
  EXPECT_EQ(only("'\xff\xfe'").text, "\xff\xfe");
}

TEST(Lexer, ByteOffsetsAndLines) {
  Lexed l = lexAll("a\r\nb\n\rc\rd");
  ASSERT_EQ(l.source.tokens.size(), 5u);
  EXPECT_EQ(l.source.tokens[1].line, 2u);
  EXPECT_EQ(l.source.tokens[2].line, 3u);
  EXPECT_EQ(l.source.tokens[3].line, 4u);
  EXPECT_EQ(l.source.tokens[3].range.begin, 8u);
}

TEST(Lexer, ErrorsAreCappedPerFile) {
  Lexed l = lexAll(std::string(1000, '@'));
  EXPECT_EQ(l.diags.errorCount(), sloth::kMaxLexErrors);
}

} // namespace
