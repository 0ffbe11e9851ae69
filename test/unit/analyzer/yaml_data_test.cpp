// yaml::walkData: the one walk of YAML data (params:, --values) with its guards and rules.
#include "sloth/YamlLibrary.h"
#include "sloth/analyzer/yaml/YamlData.h"

#include <gtest/gtest.h>

#include <string>

namespace sloth::yaml {
namespace {

// Writes what the walk visits as text: maps {k=v,...}, lists [v,...], scalars by kind.
class Recorder : public DataVisitor {
public:
  std::string text;
  void scalar(const ScalarValue& v) override {
    if (std::holds_alternative<std::monostate>(v))
      text += "nil";
    else if (auto* b = std::get_if<bool>(&v))
      text += *b ? "true" : "false";
    else if (auto* i = std::get_if<std::int64_t>(&v))
      text += "i" + std::to_string(*i);
    else if (auto* d = std::get_if<double>(&v))
      text += "f" + std::to_string(*d);
    else
      text += "'" + std::get<std::string>(v) + "'";
  }
  void beginMap() override { text += "{"; }
  void key(const std::string& k) override { text += k + "="; }
  void endEntry() override { text += ","; }
  void endMap() override { text += "}"; }
  void beginList() override { text += "["; }
  void endItem(std::size_t) override { text += ","; }
  void endList() override { text += "]"; }
};

std::string walk(const std::string& yaml) {
  Recorder r;
  sloth::initializeYaml();
  walkData(YAML::Load(yaml), "v", r, [](const std::string& p) { return p; });
  return r.text;
}

std::string error(const std::string& yaml) {
  try {
    walk(yaml);
  } catch (const Invalid& e) {
    return std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) + " " +
           e.message;
  }
  return "no error";
}

TEST(YamlData, WalksMapsListsAndCoreScalarsInOrder) {
  EXPECT_EQ(walk("b: 1\na: [x, \"2\", 0x10, 1.5, ~, true]\n"),
            "{b=i1,a=['x','2',i16,f1.500000,nil,true,],}");
  EXPECT_EQ(walk("n: !!float 3\ns: !!str 3\n"), "{n=f3.000000,s='3',}");
}

TEST(YamlData, AliasesThatWorkAreFollowed) {
  EXPECT_EQ(walk("a: &x [1]\nb: *x\n"), "{a=[i1,],b=[i1,],}");
}

TEST(YamlData, RefusesWhatHasNoSingleMeaning) {
  EXPECT_EQ(error("a: &x [1, *x]\n"), "1:4 v.a[2]: an alias refers to a node that contains it");
  EXPECT_EQ(error("a: 1\na: 2\n"), "2:1 duplicate key 'a' in v");
  EXPECT_EQ(error("d: &d {p: 1}\ne:\n  <<: *d\n"),
            "3:3 v.e: merge keys ('<<') are not supported: write the keys out");
  EXPECT_EQ(error("p: !!int seven\n"), "1:4 v.p: 'seven' is not an integer");
  EXPECT_NE(error("p: !!binary aGk=\n").find("unsupported YAML tag '!!binary'"), std::string::npos);
  EXPECT_NE(error("? [a]\n: 1\n").find("a key in v must be a name, not a list"), std::string::npos);
}

TEST(YamlData, BoundsDepthAndExpansion) {
  std::string deep;
  for (std::size_t i = 0; i <= kMaxDataDepth; ++i)
    deep += "[";
  for (std::size_t i = 0; i <= kMaxDataDepth; ++i)
    deep += "]";
  EXPECT_NE(error("a: " + deep + "\n").find("nested more than 100 levels"), std::string::npos);
  // Nine levels of ten aliases each: 10^9 values if expanded.
  std::string laughs = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 9; ++i) {
    std::string prev = "*a" + std::to_string(i - 1);
    laughs += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + prev;
    for (int k = 1; k < 10; ++k)
      laughs += ", " + prev;
    laughs += "]\n";
  }
  EXPECT_NE(error(laughs).find("more than 100000 values"), std::string::npos) << error(laughs);
}

TEST(YamlData, ParsesSetValues) {
  std::string err;
  auto set = parseSet("db.port=0x10", err);
  ASSERT_TRUE(set);
  EXPECT_EQ(set->path, (std::vector<std::string>{"db", "port"}));
  EXPECT_EQ(std::get<std::int64_t>(set->value), 16);
  EXPECT_FALSE(parseSet("=3", err));
  EXPECT_EQ(err, "--set '=3': expected key=value");
}

TEST(YamlData, SetValueInQuotesIsAString) {
  std::string err;
  auto dq = parseSet("version=\"1.10\"", err);
  ASSERT_TRUE(dq) << err;
  EXPECT_EQ(std::get<std::string>(dq->value), "1.10");
  auto sq = parseSet("msg='it''s'", err);
  ASSERT_TRUE(sq) << err;
  EXPECT_EQ(std::get<std::string>(sq->value), "it's");
  auto bare = parseSet("version=1.10", err);
  ASSERT_TRUE(bare);
  EXPECT_EQ(std::get<double>(bare->value), 1.1);
  EXPECT_FALSE(parseSet("v=\"open", err));
  EXPECT_NE(err.find("not one quoted string"), std::string::npos) << err;
}

TEST(YamlData, SetKeyWithAnEmptyPartIsRefused) {
  std::string err;
  for (const char* text : {"a..b=1", ".a=1", "a.=1"}) {
    EXPECT_FALSE(parseSet(text, err)) << text;
    EXPECT_NE(err.find("empty name"), std::string::npos) << err;
  }
}

TEST(YamlData, MissingValuesFileSaysWhy) {
  std::string err;
  EXPECT_FALSE(loadValuesFile("/no/such/dir/values.yaml", err));
  EXPECT_EQ(err, "cannot read values file '/no/such/dir/values.yaml': No such file or directory");
}

} // namespace
} // namespace sloth::yaml
