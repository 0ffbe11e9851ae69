#include "sloth/stdlib/text/LibError.h"
#include "sloth/stdlib/text/Random.h"
#include "sloth/stdlib/text/StringFormat.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace sloth::stdlib::text;

namespace {

struct RandomCase {
  std::int64_t seed1;
  std::int64_t seed2;
  std::vector<std::vector<std::int64_t>> calls; // math.random's arguments, in order
  std::string expected;                         // lua5.4's results, ';'-separated
};

std::string call(LuaRandom& random, const std::vector<std::int64_t>& args) {
  try {
    if (args.empty()) {
      std::vector<LibValue> value = {LibValue{random.random()}};
      return stringFormat("%q", value); // hex: every bit compared
    }
    if (args.size() == 1)
      return std::to_string(random.random(args[0]));
    return std::to_string(random.random(args[0], args[1]));
  } catch (const LibError& error) {
    return "error: bad argument #" + std::to_string(error.argument()) + " to 'math.random' (" +
           error.message() + ")";
  }
}

TEST(LuaRandom, SameSeedGivesLua54Sequence) {
  static const std::vector<RandomCase> cases = {
#include "RandomCases.inc"
  };
  ASSERT_EQ(cases.size(), 6u);
  for (const auto& c : cases) {
    LuaRandom random(c.seed1, c.seed2);
    std::string out;
    for (const auto& args : c.calls)
      out += (out.empty() ? "" : ";") + call(random, args);
    EXPECT_EQ(out, c.expected) << "seed " << c.seed1 << ", " << c.seed2;
  }
}

TEST(LuaRandom, ReseedingRestartsTheSequence) {
  LuaRandom random(7);
  std::int64_t first = random.random(0);
  random.random();
  random.seed(7);
  EXPECT_EQ(random.random(0), first);
}

TEST(LuaRandom, FloatsStayInTheUnitInterval) {
  LuaRandom random(123, 456);
  for (int i = 0; i < 100000; i++) {
    double x = random.random();
    ASSERT_GE(x, 0.0);
    ASSERT_LT(x, 1.0);
  }
}

} // namespace
