#include "sloth/stdlib/text/LibError.h"
#include "sloth/stdlib/text/LuaPattern.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

using namespace sloth::stdlib::text;

namespace {

struct PatternCase {
  const char* function;
  std::string subject;
  std::string pattern;
  std::int64_t init; // for gsub: the max replacement count, -999 for none
  bool plain;
  std::string replacement;
  std::string expected; // lua5.4's results, serialized by oracle/common.lua
};

const std::vector<PatternCase>& patternCases() {
  static const std::vector<PatternCase> cases = {
#include "PatternCases.inc"
  };
  return cases;
}

std::string serialize(const Capture& capture) {
  if (const auto* text = std::get_if<std::string_view>(&capture))
    return "[" + std::string(*text) + "]";
  return std::to_string(std::get<std::int64_t>(capture));
}

std::string serialize(const std::vector<Capture>& captures) {
  std::string out;
  for (const auto& capture : captures)
    out += (out.empty() ? "" : " ") + serialize(capture);
  return out;
}

std::string run(const PatternCase& c) {
  try {
    std::string kind = c.function;
    if (kind == "find") {
      auto result = patternFind(c.subject, c.pattern, c.init, c.plain);
      if (!result)
        return "nil";
      std::string out = std::to_string(result->start) + " " + std::to_string(result->end);
      if (!result->captures.empty())
        out += " " + serialize(result->captures);
      return out;
    }
    if (kind == "match") {
      auto result = patternMatch(c.subject, c.pattern, c.init);
      return result ? serialize(*result) : "nil";
    }
    if (kind == "gmatch") {
      // The oracle loops with two variables: `for a, b in gmatch(...)`.
      PatternMatcher matcher(c.subject, c.pattern, c.init);
      std::string out;
      while (auto captures = matcher.next()) {
        std::string first = serialize((*captures)[0]);
        std::string second = captures->size() > 1 ? serialize((*captures)[1]) : "nil";
        out += (out.empty() ? "" : ";") + first + " " + second;
      }
      return out;
    }
    std::optional<std::int64_t> max;
    if (c.init != -999)
      max = c.init;
    auto result = patternGsub(c.subject, c.pattern, std::string_view(c.replacement), max);
    return "[" + result.text + "] " + std::to_string(result.count);
  } catch (const LibError& error) {
    return "error: " + error.message();
  }
}

TEST(LuaPattern, MatchesLua54OnEveryOracleCase) {
  ASSERT_GT(patternCases().size(), 100u);
  for (const auto& c : patternCases())
    EXPECT_EQ(run(c), c.expected) << c.function << "(\"" << c.subject << "\", \"" << c.pattern
                                  << "\", " << c.init << ")";
}

TEST(LuaPattern, MatchesLua54OnRandomlyAssembledPatterns) {
  static const std::vector<PatternCase> cases = {
#include "PatternRandomCases.inc"
  };
  ASSERT_EQ(cases.size(), 700u);
  for (const auto& c : cases)
    EXPECT_EQ(run(c), c.expected) << c.function << "(\"" << c.subject << "\", \"" << c.pattern
                                  << "\", " << c.init << ")";
}

TEST(LuaPattern, CharacterClassesFollowTheCLocaleForAllBytes) {
  // Expected sets from lua5.4: for each class, the bytes (0..255) it matches.
  struct ClassCase {
    const char* pattern;
    std::size_t count;
  };
  // lua5.4 -e 'for _,c in ipairs{"a","c","d","g","l","p","s","u","w","x"} do local n=0
  //   for b=0,255 do if string.char(b):find("%"..c) then n=n+1 end end print(c,n) end'
  const ClassCase classes[] = {{"%a", 52}, {"%c", 33}, {"%d", 10}, {"%g", 94}, {"%l", 26},
                               {"%p", 32}, {"%s", 6},  {"%u", 26}, {"%w", 62}, {"%x", 22}};
  for (const auto& c : classes) {
    std::size_t matched = 0;
    std::size_t complementMatched = 0;
    std::string upper = c.pattern;
    upper[1] = static_cast<char>(upper[1] - 'a' + 'A');
    for (int b = 0; b < 256; b++) {
      std::string subject(1, static_cast<char>(b));
      matched += patternFind(subject, c.pattern).has_value() ? 1 : 0;
      complementMatched += patternFind(subject, upper).has_value() ? 1 : 0;
    }
    EXPECT_EQ(matched, c.count) << c.pattern;
    EXPECT_EQ(complementMatched, 256 - c.count) << upper;
  }
}

TEST(LuaPattern, GsubCallbackGetsCapturesAndCanKeepTheOriginal) {
  std::vector<std::string> seen;
  ReplacementCallback callback = [&](const std::vector<Capture>& captures) {
    seen.push_back(std::string(std::get<std::string_view>(captures[0])));
    if (captures[0] == Capture{std::string_view("b")})
      return std::optional<std::string>(); // nil: keep "b"
    return std::optional<std::string>(std::string(std::get<std::string_view>(captures[0])) + "!");
  };
  // lua5.4 -e 'print(("a b c"):gsub("%a", function(c) if c ~= "b" then return c.."!" end end))'
  auto result = patternGsub("a b c", "%a", callback);
  EXPECT_EQ(result.text, "a! b c!");
  EXPECT_EQ(result.count, 3);
  EXPECT_EQ(seen, (std::vector<std::string>{"a", "b", "c"}));
}

TEST(LuaPattern, GsubCallbackReceivesPositionCapturesAndAllCaptures) {
  std::vector<std::size_t> sizes;
  ReplacementCallback callback = [&](const std::vector<Capture>& captures) {
    sizes.push_back(captures.size());
    return std::optional<std::string>(std::to_string(std::get<std::int64_t>(captures[0])));
  };
  // lua5.4 -e 'print(("hello"):gsub("()(l)", function(p, l) return p end))'  --> he34o 2
  auto result = patternGsub("hello", "()(l)", callback);
  EXPECT_EQ(result.text, "he34o");
  EXPECT_EQ(result.count, 2);
  EXPECT_EQ(sizes, (std::vector<std::size_t>{2, 2}));
}

TEST(LuaPattern, GsubCallbackErrorsPropagate) {
  ReplacementCallback callback = [](const std::vector<Capture>&) -> std::optional<std::string> {
    throw LibError("invalid replacement value (a table)");
  };
  try {
    patternGsub("abc", "b", callback);
    FAIL() << "expected an error";
  } catch (const LibError& error) {
    EXPECT_EQ(error.message(), "invalid replacement value (a table)");
  }
}

TEST(LuaPattern, GsubTableStyleUsesWholeMatchWithoutCaptures) {
  // lua5.4 -e 'print(("$a $b"):gsub("%$%w+", {["$a"]="1"}))'  --> 1 $b	2
  ReplacementCallback lookup = [](const std::vector<Capture>& captures) {
    if (std::get<std::string_view>(captures[0]) == "$a")
      return std::optional<std::string>("1");
    return std::optional<std::string>();
  };
  auto result = patternGsub("$a $b", "%$%w+", lookup);
  EXPECT_EQ(result.text, "1 $b");
  EXPECT_EQ(result.count, 2);
}

TEST(LuaPattern, PathologicalBacktrackingStopsWithPatternTooComplex) {
  // Lua itself would run for a very long time here; we stop with an error (deliberate).
  std::string subject(20000, 'a');
  auto started = std::chrono::steady_clock::now();
  try {
    patternFind(subject, ".-.-.-.-.-b", 1, false, PatternLimits{1'000'000, 10});
    FAIL() << "expected pattern too complex";
  } catch (const LibError& error) {
    EXPECT_EQ(error.message(), "pattern too complex");
    EXPECT_EQ(error.argument(), 0);
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

TEST(LuaPattern, DefaultBudgetAllowsLinearWorkOnLargeSubjects) {
  std::string subject;
  for (int i = 0; i < 200000; i++)
    subject += "key" + std::to_string(i) + "=value;";
  auto result = patternGsub(subject, "(%w+)=(%w+)", std::string_view("%2=%1"));
  EXPECT_EQ(result.count, 200000);
  EXPECT_EQ(result.text.substr(0, 22), "value=key0;value=key1;");
}

TEST(LuaPattern, RelativeStartPositionFollowsPosrelatI) {
  EXPECT_EQ(relativeStartPosition(3, 5), 3u);
  EXPECT_EQ(relativeStartPosition(0, 5), 1u);
  EXPECT_EQ(relativeStartPosition(-1, 5), 5u);
  EXPECT_EQ(relativeStartPosition(-5, 5), 1u);
  EXPECT_EQ(relativeStartPosition(-6, 5), 1u);
  EXPECT_EQ(relativeStartPosition(INT64_MIN, 5), 1u);
  EXPECT_EQ(relativeStartPosition(9, 5), 9u);
}

} // namespace
