// checkChunk as the driver calls it: codes and severities, extra globals, source order, narrowing
// that must keep valid code silent, and concurrent calls sharing one signature registry.
#include "sloth/analyzer/check/Checker.h"
#include "sloth/analyzer/types/SignatureLoader.h"
#include "sloth/frontend/Frontend.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

using namespace sloth;

namespace {

struct Finding {
  Severity severity;
  std::string code;
  uint32_t line;
  std::string message;
};

std::vector<Finding> checkSource(const std::string& source,
                                 const check::CheckSettings& settings = {}) {
  SourceManager sources;
  DiagnosticEngine parseDiags;
  auto parsed = parseSource(sources, "t.lua", source, parseDiags);
  EXPECT_TRUE(parsed.has_value()) << "the test source must parse";
  if (!parsed)
    return {};
  DiagnosticEngine diags;
  check::checkChunk(parsed->chunk, parsed->chunk.file, sources, types::builtinSignatures(),
                    settings, diags);
  std::vector<Finding> out;
  // The sources use modules of the reference whether this build has them or not: that warning
  // (module-not-built, test/lit/run/module-not-built.lua) is not what these tests look at.
  for (const Diagnostic& d : diags.diagnostics())
    if (d.code != "module-not-built")
      out.push_back({d.severity, d.code, sources.lineOf(d.file, d.range.begin), d.message});
  return out;
}

std::vector<std::string> codes(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings)
    out.push_back(f.code);
  return out;
}

std::string describe(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings)
    out += std::to_string(f.line) + ": " + spelling(f.severity) + ": " + f.message + " [" + f.code +
           "]\n";
  return out;
}

} // namespace

TEST(Checker, ValidAutomationScriptIsSilent) {
  auto found = checkSource(R"(
local r = exec.command("uname -r")
if r.success then log.info("kernel " .. r.stdout) end
pkg.install({ "nginx", "curl" }, { update_cache = true, state = "latest" })
local home = os.getenv("HOME") or "/root"
file.write(home .. "/motd", "hello\n")
file.chmod(home .. "/motd", "0644")
)");
  EXPECT_TRUE(found.empty()) << describe(found);
}

TEST(Checker, NarrowingKeepsGuardedNilChecksSilent) {
  auto found = checkSource(R"(
local a = os.getenv("A")
if a == nil then return end
print(a:upper())
local b = os.getenv("B")
assert(b, "B is required")
print(b:upper())
local c = os.getenv("C")
if c ~= nil and c:find("x") then print(c:lower()) end
local d = os.getenv("D")
while d do print(d:lower()) d = nil end
local e = os.getenv("E")
if not e or e == "" then error("E is empty") end
print(e:lower())
)");
  EXPECT_TRUE(found.empty()) << describe(found);
}

TEST(Checker, UnknownValuesNeverProduceErrors) {
  // The results of untyped functions and parameters are unknown: nothing certain about them.
  auto found = checkSource(R"(
local function make() return 42 end
local function run(options, name)
  pkg.install(name, options)
  file.write(name, make())
  print(options.whatever, make().field)
end
run({}, "x")
)");
  for (const Finding& f : found)
    EXPECT_NE(f.severity, Severity::Error) << describe(found);
}

TEST(Checker, SlothModuleMistakesAreErrorsLuaLibraryOnesWarnings) {
  auto found = checkSource(R"(
pkg.instal("curl")
string.splitt("a,b", ",")
)");
  ASSERT_EQ(found.size(), 2u) << describe(found);
  EXPECT_EQ(found[0].code, "unknown-module-function");
  EXPECT_EQ(found[0].severity, Severity::Error);
  // Scripts extend Lua's own tables from other files: only a warning.
  EXPECT_EQ(found[1].code, "unknown-module-function");
  EXPECT_EQ(found[1].severity, Severity::Warning);
}

TEST(Checker, ExtraGlobalsFromSettingsAreKnown) {
  std::string source = "print(inventory.hosts)\n";
  auto without = checkSource(source);
  ASSERT_EQ(without.size(), 1u) << describe(without);
  EXPECT_EQ(without[0].code, "undefined-global");
  check::CheckSettings settings;
  settings.extraGlobals = {"inventory"};
  EXPECT_TRUE(checkSource(source, settings).empty());
}

TEST(Checker, FindingsComeInSourceOrder) {
  // Unused locals are only known at the end of their function, yet are reported in place.
  auto found = checkSource(R"(
local unused = 1
prnt("x")
local function f(a) return 1 end
print(f())
)");
  ASSERT_EQ(found.size(), 3u) << describe(found);
  EXPECT_EQ(found[0].line, 2u);
  EXPECT_EQ(found[1].line, 3u);
  EXPECT_EQ(found[2].line, 4u);
}

TEST(Checker, GlobalEnvironmentTricksDisableUndefinedGlobals) {
  EXPECT_TRUE(checkSource("_ENV = {}\nprint(anything)\n").empty());
  // `module` and `package.seeall` no longer exist in Lua 5.4 and say so; the globals after them
  // are not checked.
  auto found = checkSource("module('m', package.seeall)\nfunction f() return helper end\n");
  ASSERT_EQ(found.size(), 2u) << describe(found);
  EXPECT_EQ(found[0].code, "undefined-global");
  EXPECT_NE(found[0].message.find("removed in Lua 5.2"), std::string::npos);
  EXPECT_EQ(found[1].code, "unknown-module-function");
  EXPECT_NE(found[1].message.find("removed in Lua 5.2 with module()"), std::string::npos);
}

TEST(Checker, ReassignedLocalsLoseTheirInitialType) {
  // `x` starts nil but is assigned later: calling it is not a certain failure.
  auto found = checkSource(R"(
local handler
if os.getenv("X") then handler = print end
handler("x")
)");
  EXPECT_TRUE(found.empty()) << describe(found);
}

TEST(Checker, ConcurrentCallsShareOneRegistry) {
  const std::string source = R"(
pkg.install("nginx", { update_cahce = true })
local r = exec.command("ls")
print(r.exitcode)
local unused = 1
)";
  auto expected = codes(checkSource(source));
  ASSERT_EQ(expected.size(), 3u);
  std::vector<std::vector<std::string>> results(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < results.size(); ++i)
    threads.emplace_back([&, i] {
      for (int round = 0; round < 20; ++round)
        results[i] = codes(checkSource(source));
    });
  for (std::thread& t : threads)
    t.join();
  for (const auto& r : results)
    EXPECT_EQ(r, expected);
}
