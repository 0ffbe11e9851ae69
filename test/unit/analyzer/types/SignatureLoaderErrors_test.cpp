#include "sloth/analyzer/types/SignatureLoader.h"

#include <gtest/gtest.h>

namespace sloth::types {
namespace {

std::vector<std::string> errorsOf(std::string text) {
  SignatureSource file{"bad.lua", std::move(text)};
  SignatureLoad load = loadSignatures(std::span<const SignatureSource>(&file, 1));
  std::vector<std::string> out;
  for (const DefsDiagnostic& d : load.diagnostics)
    out.push_back(d.toString());
  return out;
}

TEST(SignatureLoaderErrors, ValidFileLoadsClean) {
  EXPECT_TRUE(errorsOf(R"(---@meta bad
bad = {}

---@class (exact) bad.Options
---@field mode? "a"|"b"  The mode.

---Does it.
---@param name string
---@param options? bad.Options
---@return boolean
---@effect write
---@plan "do {name}"
function bad.run(name, options) end
)")
                  .empty());
}

TEST(SignatureLoaderErrors, UnknownTypeWithSuggestion) {
  EXPECT_EQ(errorsOf("bad = {}\n---@param name strng\n---@effect none\nfunction bad.f(name) end\n"),
            std::vector<std::string>{"bad.lua:2:16: error: unknown type 'strng'"});
  EXPECT_EQ(errorsOf("---@class (exact) bad.Options\n\nbad = {}\n---@param o bad.Optoins\n"
                     "---@effect none\nfunction bad.f(o) end\n"),
            std::vector<std::string>{
                "bad.lua:4:13: error: unknown type 'bad.Optoins'; did you mean 'bad.Options'?"});
}

TEST(SignatureLoaderErrors, SyntaxError) {
  EXPECT_EQ(
      errorsOf("bad = {}\n---@param name string|\n---@effect none\nfunction bad.f(name) end\n"),
      std::vector<std::string>{"bad.lua:2:23: error: unexpected end of annotation"});
}

TEST(SignatureLoaderErrors, EffectAndPlanRules) {
  EXPECT_EQ(errorsOf("bad = {}\n---@param x string\nfunction bad.f(x) end\n"),
            std::vector<std::string>{"bad.lua:3: error: bad.f has no @effect"});
  EXPECT_EQ(errorsOf("bad = {}\n---@effect reads\nfunction bad.f() end\n"),
            std::vector<std::string>{
                "bad.lua:2: error: @effect must be one of none|read|write|exec|net, got 'reads'"});
  EXPECT_EQ(
      errorsOf("bad = {}\n---@effect write\nfunction bad.f() end\n"),
      std::vector<std::string>{"bad.lua:3: error: bad.f has @effect write and needs a @plan"});
  EXPECT_EQ(errorsOf("bad = {}\n---@effect read\n---@plan \"x\"\nfunction bad.f() end\n"),
            std::vector<std::string>{
                "bad.lua:3: error: bad.f: @plan is only for write, exec and net effects"});
  EXPECT_EQ(errorsOf("bad = {}\n---@param host string\n---@param token string\n---@secret\n"
                     "---@effect net\n---@plan \"send {token} to {hots}\"\n"
                     "function bad.f(host, token) end\n"),
            (std::vector<std::string>{
                "bad.lua:6: error: bad.f: @plan shows the secret parameter {token}",
                "bad.lua:6: error: bad.f: @plan placeholder {hots} is not a parameter"}));
}

TEST(SignatureLoaderErrors, ParamsMustMatchTheFunctionLine) {
  EXPECT_EQ(errorsOf("bad = {}\n---@param a string\n---@param c string\n---@effect none\n"
                     "function bad.f(a, b) end\n"),
            (std::vector<std::string>{
                "bad.lua:3: error: bad.f: @param c is not a parameter of the function",
                "bad.lua:5: error: bad.f: parameter b has no @param"}));
}

TEST(SignatureLoaderErrors, MisplacedAnnotations) {
  EXPECT_EQ(errorsOf("---@field x string\n"),
            std::vector<std::string>{"bad.lua:1: error: @field outside a @class"});
  EXPECT_EQ(errorsOf("---@secret\n---@class (exact) bad.X\n"),
            std::vector<std::string>{
                "bad.lua:1: error: @secret must sit directly above a @field or directly after a "
                "@param"});
  EXPECT_EQ(errorsOf("---@danger\nbad = {}\n"),
            std::vector<std::string>{"bad.lua:1:5: error: unknown tag @danger"});
  EXPECT_EQ(errorsOf("---@effect none\nfunction nope.f() end\n"),
            std::vector<std::string>{
                "bad.lua:2: error: function nope.f: nope is neither a module table (`nope = {}`) "
                "nor a class's local table"});
  EXPECT_EQ(errorsOf("---@class A\n\n---@class A\n"),
            std::vector<std::string>{"bad.lua:3: error: class A is declared twice"});
}

TEST(SignatureLoaderErrors, AliasContinuationLines) {
  SignatureSource file{"m.lua", "---@alias m.Mode\n---| \"r\" # read\n---|>'w'  # write\n"
                                "---| \"a\"\n"};
  SignatureLoad load = loadSignatures(std::span<const SignatureSource>(&file, 1));
  EXPECT_TRUE(load.ok());
  ASSERT_NE(load.registry.alias("m.Mode"), nullptr);
  EXPECT_EQ(load.registry.alias("m.Mode")->type->toString(), "\"r\"|\"w\"|\"a\"");
}

TEST(SignatureLoaderErrors, GenericsAndTypedValues) {
  SignatureSource file{"m.lua", "m = {}\n\n---@type number\nm.pi = 3.14\n\n---@type string\n"
                                "VERSION = \"1\"\n\n---@generic T\n---@param list T[]\n"
                                "---@return T\n---@effect none\nfunction m.first(list) end\n"};
  SignatureLoad load = loadSignatures(std::span<const SignatureSource>(&file, 1));
  for (const DefsDiagnostic& d : load.diagnostics)
    ADD_FAILURE() << d.toString();
  EXPECT_EQ(load.registry.module("m")->values.at("pi")->type->toString(), "number");
  EXPECT_EQ(load.registry.global("VERSION")->type->toString(), "string");
  EXPECT_EQ(load.registry.function("m.first")->type->toString(), "fun(list: any[]): any");
}

} // namespace
} // namespace sloth::types
