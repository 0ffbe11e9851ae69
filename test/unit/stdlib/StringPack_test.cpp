#include "sloth/stdlib/text/LibError.h"
#include "sloth/stdlib/text/StringFormat.h"
#include "sloth/stdlib/text/StringPack.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace sloth::stdlib::text;

namespace {

struct PackCase {
  const char* function; // pack, packsize or unpack
  std::string format;
  std::vector<LibValue> args; // pack's values
  std::string data;           // unpack's data
  std::int64_t init;          // unpack's init
  std::string expected;       // lua5.4: pack as hex, others serialized by oracle/common.lua
};

const std::vector<PackCase>& packCases() {
  static const std::vector<PackCase> cases = {
#include "PackCases.inc"
  };
  return cases;
}

std::string hex(const std::string& bytes) {
  std::string out;
  char buffer[4];
  for (unsigned char c : bytes) {
    std::snprintf(buffer, sizeof buffer, "%02x", c);
    out += buffer;
  }
  return out;
}

// Numbers as %q prints them, strings in brackets, as oracle/common.lua does.
std::string serialize(const UnpackedValue& value) {
  if (const auto* s = std::get_if<std::string>(&value))
    return "[" + *s + "]";
  std::vector<LibValue> args;
  if (const auto* i = std::get_if<std::int64_t>(&value))
    args.emplace_back(*i);
  else
    args.emplace_back(std::get<double>(value));
  return stringFormat("%q", args);
}

std::string run(const PackCase& c) {
  std::string function = c.function;
  try {
    if (function == "pack")
      return hex(stringPack(c.format, c.args));
    if (function == "packsize")
      return std::to_string(stringPackSize(c.format));
    UnpackResult result = stringUnpack(c.format, c.data, c.init);
    std::string out;
    for (const auto& value : result.values)
      out += serialize(value) + " ";
    return out + std::to_string(result.nextPosition);
  } catch (const LibError& error) {
    if (error.argument() != 0)
      return "error: bad argument #" + std::to_string(error.argument()) + " to 'string." +
             function + "' (" + error.message() + ")";
    return "error: " + error.message();
  }
}

TEST(StringPack, MatchesLua54OnEveryOracleCase) {
  ASSERT_GT(packCases().size(), 180u);
  for (const auto& c : packCases())
    EXPECT_EQ(run(c), c.expected) << c.function << "(\"" << c.format << "\")";
}

TEST(StringPack, MatchesLua54OnRandomFormats) {
  static const std::vector<PackCase> cases = {
#include "PackRandomCases.inc"
  };
  ASSERT_GT(cases.size(), 800u);
  for (const auto& c : cases)
    EXPECT_EQ(run(c), c.expected) << c.function << "(\"" << c.format << "\")";
}

TEST(StringPack, RoundTripsEveryIntegerWidth) {
  for (int size = 1; size <= 16; size++) {
    for (const char* endian : {"<", ">"}) {
      std::string format = std::string(endian) + "i" + std::to_string(size);
      std::int64_t values[] = {0, 1, -1, 100, -100};
      for (std::int64_t v : values) {
        if (size == 1 && (v == 100 || v == -100))
          continue;
        std::vector<LibValue> args = {LibValue{v}};
        std::string packed = stringPack(format, args);
        ASSERT_EQ(packed.size(), static_cast<std::size_t>(size));
        UnpackResult back = stringUnpack(format, packed);
        EXPECT_EQ(std::get<std::int64_t>(back.values.at(0)), v) << format;
        EXPECT_EQ(back.nextPosition, size + 1);
      }
    }
  }
}

} // namespace
