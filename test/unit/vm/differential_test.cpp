// Differential tests: scripts compiled by luac5.4 run on the sloth VM, their printed output
// compared with what lua5.4 (the reference, installed by tools/setup.sh) prints for them.
#include "LuacLoader.h"
#include "MiniBase.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace vmtest;

namespace {

std::string shell(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p)
    return out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0)
    out.append(buf, n);
  pclose(p);
  return out;
}

bool haveReference() {
  return !shell("command -v lua5.4 luac5.4 2>/dev/null").empty();
}

struct Outputs {
  std::string reference, sloth;
};

Outputs runBoth(const std::string& name, const std::string& source) {
  // The pid keeps concurrent test runs (other build directories) apart.
  std::string path =
      testing::TempDir() + "sloth_diff_" + std::to_string(getpid()) + "_" + name + ".lua";
  std::ofstream(path) << source;
  Outputs o;
  o.reference = shell("cd " + testing::TempDir() + " && lua5.4 " + path + " 2>&1");
  shell("luac5.4 -o " + path + "c " + path);
  std::ifstream in(path + "c", std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  auto proto = LuacReader(bytes.str()).read();
  State S;
  Thread& L = S.main();
  openMiniBase(L);
  printBuffer().clear();
  L.load(proto);
  if (L.pcall(0, 0, 0) != Status::Ok)
    printBuffer() += "uncaught: " + str(L, -1) + "\n";
  o.sloth = printBuffer();
  // Messages name the script by path; compare them under a stable name.
  for (std::string* out : {&o.reference, &o.sloth}) {
    for (std::size_t at; (at = out->find(path)) != std::string::npos;)
      out->replace(at, path.size(), name + ".lua");
  }
  std::remove(path.c_str());
  std::remove((path + "c").c_str());
  return o;
}

#define DIFF(name, src)                                                                            \
  TEST(Differential, name) {                                                                       \
    if (!haveReference())                                                                          \
      GTEST_SKIP() << "lua5.4/luac5.4 not installed";                                              \
    Outputs o = runBoth(#name, src);                                                               \
    EXPECT_EQ(o.sloth, o.reference);                                                               \
  }

DIFF(Arithmetic, R"lua(
print(7 // 2, -7 // 2, 7 % -3, -7 % 3, 7.5 // 2, -7.5 % 2, 5.5 % -2)
print(1 / 0, -1 / 0, 2^53, 2^0.5, 1e15, 1e16, 0.1, 100, 100.0, -0.0, 1e100)
print(3 | 5, 7 & 3, 5 ~ 3, ~0, 1 << 63, 1 << 64, -1 >> 1, 2 >> -1, 3.0 | 0)
print(9007199254740993, 2^63, -2^63 == nil, 0x7fffffffffffffff + 1)
print("10" + 5, "3.0" * 2, 10 // 3.0, "0x10" + 0, " 5 " * 1, 10 / 2)
print(pcall(function() return 1 // 0 end))
print(pcall(function() return 1 % 0 end))
print(1 // 0.0, -1 // 0.0, 1 % 0.0 ~= 1 % 0.0, 0/0 ~= 0/0)
print(pcall(function() return 1.5 | 0 end))
print(pcall(function() return "abc" + 1 end))
print(pcall(function() return "3" & 1 end))
print(pcall(function() return -"x" end))
print(pcall(function() return {} + "1" end))
print(pcall(function() local s = "a"; return s * 2 end))
print(pcall(function() return ~"7" end))
print(-"2", "10" // "3", "2" ^ "3", "7" % "2.5")
print(pcall(function() local t = {} return t.x + 1 end))
print(pcall(function() return {} .. "x" end))
print(1 == 1.0, 1 < 1.5, -1 < -0.5, math_x == nil, 2^63 == 0x7fffffffffffffff)
print(8 // 3 * 3 + 8 % 3, -8 // 3 * 3 + -8 % 3, 3 % -2, -3 % 2, 0x10p-1)
)lua")

DIFF(StringsAndConcat, R"lua(
print(1 .. 2, 1.5 .. "x", "a" .. 10 // 1, 2^63 .. "", -0.0 .. "")
print(#"hello", "a" < "b", "a" < "B", "abc" < "abd", "" < "a", "Z" <= "Z")
print(pcall(function() return 1 < "x" end))
print(pcall(function() return {} < {} end))
print(pcall(function() return nil .. "x" end))
local s = ""
for i = 1, 10 do s = s .. i .. "," end
print(s, #s)
print(tostring(nil), tostring(true), tostring(12), tostring(1.25))
print(tonumber("0x1p4"), tonumber("  10  "), tonumber("1e1"), tonumber("z"), tonumber("10", nil))
)lua")

DIFF(Tables, R"lua(
local t = {1, 2, 3, nil, 5}
print(#t, t[5], rawlen(t))
local u = {}
for i = 1, 100 do u[i] = i * 2 end
print(#u, u[50], u[100], u[101])
u[100] = nil
print(#u)
local h = {x = 1, y = 2, [1.0] = "one", [2] = "two"}
print(h[1], h.x, h[2.0], #h)
local n, sum = 0, 0
for k, v in pairs({a = 1, b = 2, c = 3, 10, 20}) do n = n + 1; sum = sum + v end
print(n, sum)
for i, v in ipairs({"a", "b", "c", nil, "e"}) do print(i, v) end
print(pcall(function() local t = {} t[nil] = 1 end))
print(pcall(function() local t = {} t[0/0] = 1 end))
local big = {}
for i = 1, 1000 do big[i] = i end
for i = 1, 1000, 2 do big[i] = nil end
local c = 0
for k in pairs(big) do c = c + 1 end
print(c, big[1000])
print(next({}), rawget({5}, 1), rawequal(t, t), rawequal(t, {}))
)lua")

DIFF(Metatables, R"lua(
local V = {}
V.__index = V
V.__add = function(a, b) return setmetatable({x = a.x + b.x}, V) end
V.__eq = function(a, b) return a.x == b.x end
V.__lt = function(a, b) return a.x < b.x end
V.__le = function(a, b) return a.x <= b.x end
V.__tostring = function(v) return "V(" .. v.x .. ")" end
V.__len = function(v) return v.x end
V.__unm = function(v) return setmetatable({x = -v.x}, V) end
V.__concat = function(a, b) return tostring(a) .. "|" .. tostring(b) end
V.__call = function(self, a, b) return self.x + a + b end
V.__close = function() end
V.__name = "Vec"
function V.new(x) return setmetatable({x = x}, V) end
function V:double() return V.new(self.x * 2) end
local a, b = V.new(1), V.new(2)
print(tostring(a + b), a == b, a == V.new(1), a < b, a <= b, a > b, #b, tostring(-a))
print(a .. b, a .. "s", 1 .. a, a(10, 100), tostring(a:double()))
local log = {}
local proxy = setmetatable({}, {__index = function(t, k) return k .. "?" end,
  __newindex = function(t, k, v) rawset(t, k, v * 10) end})
proxy.z = 5
print(proxy.q, proxy.z, rawget(proxy, "q"))
local chain = setmetatable({}, {__index = setmetatable({mid = "m"}, {__index = {deep = "d"}})})
print(chain.mid, chain.deep, chain.none)
local prot = setmetatable({}, {__metatable = "locked"})
print(getmetatable(prot), pcall(setmetatable, prot, {}))
local bits = setmetatable({}, {__band = function() return "band" end, __shl = function() return "shl" end,
  __bnot = function() return "bnot" end, __idiv = function() return "idiv" end, __mod = function() return "mod" end})
print(bits & 1, 1 << bits, ~bits, bits // 2, 3 % bits)
print(pcall(function() return a < 1 end))
)lua")

DIFF(ClosuresAndUpvalues, R"lua(
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]())
local function counter()
  local n = 0
  return function() n = n + 1; return n end, function() return n end
end
local inc, get = counter()
inc(); inc()
print(get())
local acc = {}
local i = 1
while i <= 3 do
  local j = i
  acc[i] = function() j = j + 10; return j end
  i = i + 1
end
print(acc[1](), acc[1](), acc[2](), acc[3]())
local function outer()
  local x = 0
  local function mid()
    local function inner() x = x + 1; return x end
    return inner
  end
  return mid(), function() return x end
end
local f, g = outer()
f(); f()
print(g())
for k = 1, 3 do
  local v = k * 2
  fs[k] = function() return v end
  if k == 2 then break end
end
print(fs[1](), fs[2](), fs[3]())
)lua")

DIFF(VarargsAndCalls, R"lua(
local function pack(...) return {n = select("#", ...), ...} end
local p = pack(1, nil, 3, nil)
print(p.n, p[1], p[2], p[3], p[4])
local function mr() return 1, 2, 3 end
print(mr())
print(mr(), 10)
print((mr()))
local t = {mr(), mr()}
print(#t)
print(select(2, "a", "b", "c"), select(-1, "a", "b", "c"), select("#"))
local function tail(n) if n == 0 then return "done" end return tail(n - 1) end
print(tail(100000))
local function va(a, ...) local x, y = ... return a, x, y, select("#", ...) end
print(va(1), va(1, 2), va(1, 2, 3, 4))
print(pcall(select, 0))
local obj = {name = "o"}
function obj:get(suffix) return self.name .. suffix end
print(obj:get("!"), obj.get(obj, "?"))
)lua")

DIFF(Errors, R"lua(
print(pcall(function() local x; return x.y end))
print(pcall(function() return undefinedglobal.y end))
print(pcall(function() local t = {} return t.a.b end))
print(pcall(function() undefinedfunc() end))
print(pcall(function() local t = {} t.method() end))
print(pcall(function() local t = {} t:method() end))
print(pcall(function() local up = 5; return (function() return up() end)() end))
print(pcall(function() local a = {} return a + 1 end))
print(pcall(function() return #5 end))
print(pcall(function() return -{} end))
print(pcall(error, "plain"))
print(pcall(error, "lvl0", 0))
print(pcall(function() error("lvl1") end))
print(pcall(function() error("lvl2", 2) end))
print(type(select(2, pcall(error, {code = 1}))))
print(select(2, pcall(error)))
print(xpcall(function() error("x") end, function(m) return "handled: " .. m end))
print(xpcall(function(a, b) return a + b end, print, 2, 3))
print(pcall(pcall))
print(pcall(function() for i = 1, "x" do end end))
print(pcall(function() for i = 1, 10, 0 do end end))
print(pcall(function() local t = setmetatable({}, {__index = function(t, k) error("idx " .. k) end}) return t.foo end))
local ok, e = pcall(function() local function r() return 1 + r() end return r() end)
print(ok, e)
print(pcall({}))
print(select("#", pcall(error)))
)lua")

DIFF(Coroutines, R"lua(
local gen = coroutine.wrap(function(a)
  local b = coroutine.yield(a + 1)
  local c = coroutine.yield(b * 2)
  return "end", c
end)
print(gen(1), gen(10), gen("x"))
local co = coroutine.create(function(...)
  print("start", ...)
  print(coroutine.status(coroutine.running()), coroutine.isyieldable())
  local ok, v = pcall(function() return coroutine.yield("inside pcall") end)
  print("after", ok, v)
  error("boom")
end)
print(coroutine.status(co), coroutine.resume(co, 1, 2))
print(coroutine.status(co), coroutine.resume(co, "resumed"))
print(coroutine.status(co), coroutine.resume(co))
print(coroutine.isyieldable(), select(2, coroutine.running()))
local w = coroutine.wrap(function() error("wrapped") end)
print(pcall(w))
local w2 = coroutine.wrap(function() error({}) end)
print(type(select(2, pcall(w2))))
local c2 = coroutine.create(function()
  local x <close> = setmetatable({}, {__close = function(_, e) print("closing", e) end})
  coroutine.yield(1)
end)
print(coroutine.resume(c2))
print(coroutine.close(c2), coroutine.status(c2))
local c3 = coroutine.create(function() error("dead with error") end)
print(coroutine.resume(c3))
print(coroutine.close(c3))
print(pcall(coroutine.yield, 1))
local function producer()
  return coroutine.wrap(function() for i = 1, 4 do coroutine.yield(i) end end)
end
local total = 0
for v in producer() do total = total + v end
print(total)
local outerco = coroutine.create(function()
  local inner = coroutine.create(function() coroutine.yield("in") return "in-done" end)
  print(coroutine.resume(inner))
  print(coroutine.status(inner), coroutine.status(coroutine.running()))
  coroutine.yield("out")
  print(coroutine.resume(inner))
end)
print(coroutine.resume(outerco))
print(coroutine.resume(outerco))
print(coroutine.status(outerco))
)lua")

DIFF(ControlFlow, R"lua(
local out = {}
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then goto continue end
    out[#out + 1] = i * 10 + j
    ::continue::
  end
end
print(table_concat_nil, #out, out[1], out[6])
local n = 0
repeat n = n + 1 until n >= 5
print(n)
while true do n = n - 1 if n < 2 then break end end
print(n)
for x = 1, 2, 0.5 do io_nil = x end
for x = 3, 1, -1 do n = n + x end
print(n, io_nil)
for i = 1.0, 3 do print(i) end
for i = 1, 3.7 do print(i) end
for i = math_nil or 10, 1, -4 do print(i) end
print(1 and 2, nil and 1, false or "d", nil or false, not nil, not 0)
local a = 5
local r = a > 3 and "big" or "small"
print(r)
)lua")

DIFF(ToBeClosed, R"lua(
local function mk(name)
  return setmetatable({}, {__close = function(_, err) print("close", name, err) end})
end
do
  local a <close> = mk("a")
  local b <close> = mk("b")
  print("body")
end
print(pcall(function()
  local c <close> = mk("c")
  error("oops", 0)
end))
local function f()
  local d <close> = mk("d")
  return "ret"
end
print(f())
for i = 1, 2 do
  local e <close> = mk("e" .. i)
  if i == 1 then goto next end
  print("loop", i)
  ::next::
end
print(pcall(function() local x <close> = 42 end))
local k <const> = 10
print(k)
)lua")

DIFF(WeakTablesAndGc, R"lua(
local wk = setmetatable({}, {__mode = "k"})
local wv = setmetatable({}, {__mode = "v"})
local keep = {}
wk[keep] = "kept"
wk[{}] = "gone"
wv[1] = {}
wv[2] = keep
wv[3] = "str"
collectgarbage()
local n = 0
for k, v in pairs(wk) do n = n + 1 end
print(n, wk[keep], wv[1], wv[2] == keep, wv[3])
local finalized = 0
do
  setmetatable({}, {__gc = function() finalized = finalized + 1 end})
end
collectgarbage()
print(finalized)
print(collectgarbage("count") > 0)
)lua")

DIFF(BigFunctions, R"lua(
local t = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
  25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48,
  49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, x = 1}
print(#t, t[1], t[50], t[51], t[70], t.x)
local function many(...) return {...} end
local m = many(table_nil, 1, 2, 3)
print(#m == 4 or #m == 0, m[2], m[4])
local src = {}
for i = 1, 300 do src[i] = i end
local function unpack(t, i, n) i = i or 1 n = n or #t if i <= n then return t[i], unpack(t, i + 1, n) end end
local big = {unpack(src)}
print(#big, big[300])
local k = {}
k[2^53] = "float key"
print(k[2^53], k[9007199254740992], k[2^53 + 0.0])
k[3.0] = "three"
print(k[3], next({[1.0] = true}))
local s = 0
local fields = {}
for i = 1, 300 do fields["f" .. i] = i end
for i = 1, 300 do s = s + fields["f" .. i] end
print(s)
local a, b, c = (function() return 1, 2 end)()
print(a, b, c)
local x, y = 1
print(x, y)
local i = 1
local arr = {}
i, arr[i] = i + 1, 20
print(i, arr[1], arr[2])
)lua")

DIFF(DeepStructures, R"lua(
local function build(d) if d == 0 then return {} end return {left = build(d - 1), right = build(d - 1)} end
local function count(t) if not t.left then return 1 end return 1 + count(t.left) + count(t.right) end
print(count(build(12)))
local list = nil
for i = 1, 10000 do list = {v = i, next = list} end
local n = 0
while list do n = n + list.v; list = list.next end
print(n)
collectgarbage()
local cyc = {}
for i = 1, 1000 do local a, b = {}, {}; a.b = b; b.a = a; cyc[i % 10] = a end
collectgarbage()
print(cyc[1].b.a == cyc[1])
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(10000))
print(select("#", pcall(function() local function f() return f() + 1 end return f() end)))
)lua")

DIFF(MetaEdgeCases, R"lua(
local mt = {__index = function(t, k) return k * 2 end}
local t = setmetatable({}, mt)
print(t[21], rawget(t, 21))
local calls = 0
local counted = setmetatable({}, {__newindex = function(t, k, v) calls = calls + 1; rawset(t, k, v) end})
counted.a = 1; counted.a = 2; counted.b = 3
print(calls, counted.a)
local cmp = setmetatable({}, {__lt = function() return 1 end, __le = function() return nil end})
print(cmp < cmp, cmp <= cmp, cmp > cmp, cmp >= cmp)
local eq1 = setmetatable({}, {__eq = function() return true end})
local eq2 = {}
print(eq1 == eq2, eq2 == eq1, eq1 ~= eq2)
local callable = setmetatable({}, {__call = function(self, ...) return select("#", ...), ... end})
print(callable(1, nil, 3))
local nested = setmetatable({}, {__call = callable})
print(select("#", pcall(nested, "x")), select(4, pcall(nested, "x")))
local len = setmetatable({1, 2, 3}, {__len = function() return 42 end})
print(#len, rawlen(len))
local cc = setmetatable({}, {__concat = function(a, b) return type(a) .. "+" .. type(b) end})
print(cc .. 1, 1 .. cc, "s" .. cc .. "t")
)lua")

DIFF(YieldAcrossMetamethodsAndIterators, R"lua(
local lazy = setmetatable({}, {__index = function(t, k) return coroutine.yield(k) end,
  __add = function(a, b) return coroutine.yield("add") end,
  __lt = function(a, b) return coroutine.yield("lt") end})
local co = coroutine.wrap(function()
  local v = lazy.x
  local s = lazy + 1
  local c = lazy < lazy
  local acc = {}
  for w in function(_, prev) local n = (prev or 0) + 1 if n <= 3 then return coroutine.yield(n) end end do
    acc[#acc + 1] = w
  end
  return v, s, c, #acc
end)
print(co())
print(co("X"))
print(co(10))
print(co(true))
print(co(1))
print(co(2))
print(co(3))
)lua")

} // namespace
