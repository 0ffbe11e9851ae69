// End to end: Lua source through the frontend, the compiler and the VM, checking what the
// program computes. Each case targets one semantic area of the lowering.
#include "../vm/VmTestUtil.h"

#include "sloth/analyzer/Compiler.h"
#include "sloth/frontend/Frontend.h"

#include <gtest/gtest.h>

using namespace sloth;

namespace {

// Runs `source` as a main chunk and returns its first result as `tostring` shows it, or the
// error (prefixed "error: ").
std::string run(const std::string& source) {
  SourceManager sources;
  DiagnosticEngine diags;
  auto parsed = parseSource(sources, "test.lua", source, diags);
  if (!parsed)
    return "parse error: " +
           (diags.diagnostics().empty() ? std::string("?") : diags.diagnostics()[0].message);
  compiler::CompileResult compiled = compiler::compile(parsed->chunk, sources);
  if (!compiled.ok())
    return "compile error: " + compiled.errors[0].message;
  vm::State state;
  vm::Thread& L = state.main();
  vmtest::openTestBase(L);
  std::shared_ptr<vm::Proto> main = std::move(compiled.main);
  vm::Status status = vmtest::run(L, main, 1);
  std::string result = vmtest::str(L, -1);
  return status == vm::Status::Ok ? result : "error: " + result;
}

} // namespace

TEST(Execute, ClosuresInNumericForGetFreshLocals) {
  EXPECT_EQ(run("local fs = {}\n"
                "for i = 1, 3 do fs[i] = function() return i end end\n"
                "return fs[1]() .. fs[2]() .. fs[3]()"),
            "123");
}

TEST(Execute, ClosuresInWhileAndRepeatGetFreshLocals) {
  EXPECT_EQ(run("local fs, n = {}, 0\n"
                "while n < 3 do n = n + 1; local v = n * 10; fs[n] = function() return v end end\n"
                "local gs, m = {}, 0\n"
                "repeat m = m + 1; local w = m; gs[m] = function() return w end until w >= 3\n"
                "return fs[1]() + fs[3]() + gs[1]() + gs[3]()"),
            "44");
}

TEST(Execute, ClosuresInGenericForAndGotoContinue) {
  EXPECT_EQ(run("local function iter(n) local i = 0\n"
                "  return function() i = i + 1; if i <= n then return i end end end\n"
                "local fs = {}\n"
                "for v in iter(4) do\n"
                "  local x = v\n"
                "  if v % 2 == 0 then goto continue end\n"
                "  fs[#fs + 1] = function() return x end\n"
                "  ::continue::\n"
                "end\n"
                "return fs[1]() .. fs[2]() .. #fs"),
            "132");
}

TEST(Execute, UpvaluesAreSharedBetweenClosures) {
  EXPECT_EQ(run("local function counter()\n"
                "  local n = 0\n"
                "  return function() n = n + 1; return n end, function() return n end\n"
                "end\n"
                "local inc, get = counter()\n"
                "inc(); inc()\n"
                "local function deep() local a = 1; return function() return function() a = a + 1; "
                "return a end end end\n"
                "return get() * 100 + deep()()()"),
            "202");
}

TEST(Execute, CloseRunsOnEveryExitPath) {
  EXPECT_EQ(run("local log = {}\n"
                "local function res(name) return setmetatable({}, {__close = function(_, err)\n"
                "  log[#log + 1] = name .. (err and '!' or '') end}) end\n"
                "do local a <close> = res('a') end\n"
                "for i = 1, 3 do local b <close> = res('b' .. i); if i == 2 then break end end\n"
                "local function f() local c <close> = res('c'); return 'r' end\n"
                "f()\n"
                "do local k = 0\n"
                "  ::again:: do local d <close> = res('d' .. k); k = k + 1; if k < 2 then goto "
                "again end end\n"
                "end\n"
                "pcall(function() local e <close> = res('e'); error('boom') end)\n"
                "return table_concat and '' or (log[1] .. log[2] .. log[3] .. log[4] .. log[5] .. "
                "log[6] .. log[7])"),
            "ab1b2cd0d1e!");
}

TEST(Execute, GenericForClosesItsFourthValue) {
  EXPECT_EQ(run("local closed = 0\n"
                "local tbc = setmetatable({}, {__close = function() closed = closed + 1 end})\n"
                "local function it(_, i) if i < 5 then return i + 1 end end\n"
                "for i in it, nil, 0, tbc do if i == 2 then break end end\n"
                "for i in it, nil, 0, tbc do end\n"
                "return closed"),
            "2");
}

TEST(Execute, IntegerAndFloatResults) {
  EXPECT_EQ(
      run("return tostring(3 // 2) .. ' ' .. tostring(3 / 2) .. ' ' .. tostring(7 // 2.0) "
          ".. ' ' .. tostring(2^2) .. ' ' .. tostring(-0.0) .. ' ' .. tostring(7 % -3) .. "
          "' ' .. tostring(-7.5 % 2) .. ' ' .. tostring(1 << 63) .. ' ' .. tostring(3 | 1.0)"),
      "1 1.5 3.0 4.0 -0.0 -2 0.5 -9223372036854775808 3");
}

TEST(Execute, DivisionByZeroIsNotFoldedAway) {
  // The error's wording is the VM's; what matters here is that it happens at run time.
  EXPECT_EQ(run("local ok, err = pcall(function() return 1 // 0 end)\n"
                "return tostring(ok) .. ' ' .. tostring(1 / 0) .. ' ' .. tostring((0/0) ~= (0/0))"),
            "false inf true");
}

TEST(Execute, MultipleAssignmentEvaluatesTargetsFirst) {
  EXPECT_EQ(run("local a = {}\n"
                "local i = 1\n"
                "i, a[i] = i + 1, 20\n"
                "local x, y, z = 1, 2\n"
                "x, y = y, x\n"
                "local t = {}\n"
                "t.k, t = 1, {k = 5}\n"
                "return i .. a[1] .. x .. y .. tostring(z) .. t.k"),
            "22021nil5");
}

TEST(Execute, VarargsAndMultipleResults) {
  EXPECT_EQ(run("local function pack(...) return {...} end\n"
                "local function three() return 1, 2, 3 end\n"
                "local function sum(...) local a, b, c = ...; return a + b + (c or 0) end\n"
                "local t = pack(three(), three())\n"
                "local u = {three(), (three())}\n"
                "return #t .. #u .. sum(three()) .. sum(10, 20) .. sum((three()), 5)"),
            "426306");
}

TEST(Execute, LargeTableConstructors) {
  std::string items;
  for (int i = 1; i <= 300; ++i)
    items += std::to_string(i) + ", ";
  EXPECT_EQ(run("local function f() return 'a', 'b' end\n"
                "local t = {" +
                items +
                "f()}\n"
                "return #t .. t[300] .. t[301] .. t[302]"),
            "302300ab");
}

TEST(Execute, MethodCallsAndSelf) {
  EXPECT_EQ(run("local Account = {}\n"
                "Account.__index = Account\n"
                "function Account.new(b) return setmetatable({balance = b}, Account) end\n"
                "function Account:deposit(v) self.balance = self.balance + v; return self end\n"
                "local a = Account.new(10)\n"
                "return a:deposit(5):deposit(1).balance"),
            "16");
}

TEST(Execute, ProperTailCallsDoNotGrowTheStack) {
  EXPECT_EQ(run("local function loop(n) if n == 0 then return 'done' end return loop(n - 1) end\n"
                "return loop(2000000)"),
            "done");
}

TEST(Execute, AndOrAndComparisonsProduceValues) {
  EXPECT_EQ(run("local x, s = 5, nil\n"
                "return tostring(s or false) .. tostring(false and nil) .. tostring(1 and 2) .. "
                "tostring(s or 'x') .. tostring(x > 3) .. tostring(3 >= x) .. tostring(x == 5.0) "
                ".. tostring(x ~= '5') .. tostring(not s) .. tostring(x > 3 and x < 10 or 'no')"),
            "falsefalse2xtruefalsetruetruetruetrue");
}

TEST(Execute, NumericForWithFloatAndNegativeSteps) {
  EXPECT_EQ(run("local s = 0\n"
                "for i = 1, 2, 0.5 do s = s + i end\n"
                "for i = 10, 1, -3 do s = s + i end\n"
                "for i = 1, 0 do s = s + 1000 end\n"
                "return s"),
            "26.5");
}

TEST(Execute, ConstLocalsAndShadowedEnv) {
  EXPECT_EQ(run("local N <const> = 10\n"
                "local S <const> = 'k'\n"
                "local function f() return N * 2 .. S end\n"
                "do local _ENV = {g = 1}; g = g + 1; return f() .. g end"),
            "20k2");
}

TEST(Execute, ErrorMessagesNameTheVariable) {
  EXPECT_EQ(run("local ok, e = pcall(function() undefinedfn() end) return e"),
            "test.lua:1: attempt to call a nil value (global 'undefinedfn')");
  EXPECT_EQ(run("local t = {}\nlocal ok, e = pcall(function() t.x.y = 1 end) return e"),
            "test.lua:2: attempt to index a nil value (field 'x')");
  EXPECT_EQ(run("local t = {}\nlocal ok, e = pcall(function() t:nomethod() end) return e"),
            "test.lua:2: attempt to call a nil value (method 'nomethod')");
  EXPECT_EQ(run("local ok, e = pcall(function() local up = nil; return function() return up.x "
                "end end)\nlocal ok2, e2 = pcall(e)\nreturn e2"),
            "test.lua:1: attempt to index a nil value (upvalue 'up')");
}

TEST(Execute, StringCoercionAndConcat) {
  EXPECT_EQ(run("local n = 3\nreturn '10' + 5 .. '|' .. n .. 'x' .. 1.5 .. '|' .. 2^53"),
            "15|3x1.5|9.007199254741e+15");
}

// Resuming from a native that Lua code called (the VM once ran the body one resume late).
TEST(Execute, CoroutinesResumeCompiledClosures) {
  EXPECT_EQ(run("local co = cocreate(function(a) local b = coyield(a + 1); return b * 2 end)\n"
                "local ok1, v1 = coresume(co, 1)\n"
                "local ok2, v2 = coresume(co, 10)\n"
                "local ok3, e3 = coresume(co)\n"
                "return tostring(ok1) .. v1 .. tostring(ok2) .. v2 .. tostring(ok3) .. e3"),
            "true2true20falsecannot resume dead coroutine");
}
