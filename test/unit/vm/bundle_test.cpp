// Bundles round-trip, and the loader refuses damaged ones with a message instead of crashing.
#include "LuacLoader.h"
#include "VmTestUtil.h"
#include "sloth/vm/Bundle.h"
#include "sloth/vm/Disassembler.h"

#include <gtest/gtest.h>

#include <unistd.h>

using namespace vmtest;
using O = OpCode;

namespace {

std::shared_ptr<Proto> sample() {
  Asm f = Asm::function(1, 2);
  f.op(ABC(O::ADDI, 1, 0, int2sC(1)), 3)
      .op(ABC(O::MMBINI, 0, int2sC(1), TM_ADD), 3)
      .op(ABC(O::RETURN1, 1, 0, 0), 3)
      .local("x", 0, 3)
      .done(2);
  Asm m = Asm::main("deploy.lua");
  m.op(ABx(O::CLOSURE, 0, m.child(f)), 4)
      .op(ABx(O::LOADK, 1, m.ki(41)), 5)
      .op(ABC(O::CALL, 0, 2, 2), 5)
      .op(ABC(O::SETTABUP, 0, m.ks("answer"), 0), 5)
      .op(ABC(O::GETTABUP, 1, 0, m.ks("answer")), 6)
      .op(ABx(O::LOADK, 2, m.kf(0.5)), 6)
      .op(ABC(O::RETURN, 1, 3, 1), 6);
  m.p->k.push_back(Constant::boolean(true));
  m.p->k.push_back(Constant::nil());
  return m.done(3);
}

TEST(Bundle, RoundTripsAndRuns) {
  Bundle b;
  b.signatureHash = 0xfeedface;
  b.metadata = "{\"tasks\":[]}";
  b.sourceText = "print('hi')\n";
  b.main = sample();
  std::string bytes = writeBundle(b);
  Bundle r;
  std::string err;
  ASSERT_TRUE(readBundle(bytes, 0xfeedface, r, err)) << err;
  EXPECT_EQ(r.metadata, b.metadata);
  EXPECT_EQ(r.sourceText, b.sourceText);
  EXPECT_EQ(r.main->code, b.main->code);
  EXPECT_EQ(r.main->k, b.main->k);
  EXPECT_EQ(r.main->lineinfo, b.main->lineinfo);
  ASSERT_EQ(r.main->p.size(), 1u);
  EXPECT_EQ(r.main->p[0]->locvars[0].name, "x");
  State S;
  ASSERT_EQ(run(S.main(), r.main), Status::Ok) << str(S.main(), -1);
  EXPECT_EQ(S.main().toInteger(1), 42);
  EXPECT_EQ(str(S.main(), 2), "0.5");
}

TEST(Bundle, RefusesBadHeaders) {
  Bundle b;
  b.signatureHash = 7;
  b.main = sample();
  std::string bytes = writeBundle(b);
  Bundle r;
  std::string err;
  EXPECT_FALSE(readBundle(bytes, 8, r, err));
  EXPECT_EQ(err, "built against different module signatures (hash 0000000000000007, this sloth "
                 "has 0000000000000008); rebuild it with slothc build");
  std::string v2 = bytes;
  v2[8] = 2;
  EXPECT_FALSE(readBundle(v2, 0, r, err));
  EXPECT_EQ(err, "bundle format version 2 is not supported (this sloth reads version 1); rebuild "
                 "it with slothc build");
  EXPECT_FALSE(readBundle("#!/bin/sh\necho", 0, r, err));
  EXPECT_EQ(err, "not a sloth bundle (it does not start with the bundle magic)");
  EXPECT_FALSE(readBundle(bytes + "x", 0, r, err));
  EXPECT_EQ(err, "1 bytes of trailing data after the bundle");
  std::string flipped = bytes;
  flipped[bytes.size() - 3] ^= 0x10;
  EXPECT_FALSE(readBundle(flipped, 0, r, err));
  EXPECT_EQ(err, "corrupted: the checksum does not match the contents");
}

TEST(Bundle, EveryTruncationIsRefused) {
  Bundle b;
  b.main = sample();
  std::string bytes = writeBundle(b);
  for (std::size_t n = 0; n < bytes.size(); n++) {
    Bundle r;
    std::string err;
    EXPECT_FALSE(readBundle(std::string_view(bytes).substr(0, n), 0, r, err)) << n;
    EXPECT_FALSE(err.empty());
  }
}

TEST(Bundle, CorruptedBytesNeverCrash) {
  Bundle b;
  b.main = sample();
  std::string bytes = writeBundle(b);
  std::uint32_t seed = 12345;
  if (const char* e = std::getenv("SLOTH_FUZZ_SEED"))
    seed = static_cast<std::uint32_t>(std::atoi(e));
  int iterations = 3000;
  if (const char* e = std::getenv("SLOTH_FUZZ_ITERATIONS"))
    iterations = std::atoi(e);
  int accepted = 0;
  for (int iter = 0; iter < iterations; iter++) {
    std::string m = bytes;
    for (int k = 0; k < 1 + iter % 4; k++) {
      seed = seed * 1103515245u + 12345u;
      std::size_t pos = kBundleHeaderSize + (seed >> 8) % (m.size() - kBundleHeaderSize);
      m[pos] = static_cast<char>(m[pos] ^ (1u << ((seed >> 4) % 8)));
    }
    resealBundle(m); // the checksum would refuse every mutant; the verifier is what is tested
    Bundle r;
    std::string err;
    if (!readBundle(m, 0, r, err))
      continue;
    // Whatever the verifier accepts must run without crashing (errors are fine).
    accepted++;
    if (std::getenv("SLOTH_FUZZ_DEBUG"))
      std::fprintf(stderr, "iter %d\n%s\n", iter, disassemble(*r.main).c_str());
    State S;
    S.main().load(r.main);
    S.main().pcall(0, kMultRet, 0);
  }
  SUCCEED() << accepted << " mutants accepted";
}

TEST(Verifier, RejectsOutOfRangeOperands) {
  auto check = [](std::vector<Instruction> code, int maxstack = 2) {
    Proto p;
    p.source = "v.lua";
    p.code = std::move(code);
    p.maxstacksize = static_cast<std::uint8_t>(maxstack);
    p.k.push_back(Constant::integer(1));
    return verifyProto(p);
  };
  EXPECT_EQ(check({ABC(O::MOVE, 5, 0, 0), ABC(O::RETURN0, 0, 0, 0)}),
            "function at v.lua:0: instruction 1 (MOVE): register 5 out of range (frame size 2)");
  EXPECT_EQ(check({ABx(O::LOADK, 0, 3), ABC(O::RETURN0, 0, 0, 0)}),
            "function at v.lua:0: instruction 1 (LOADK): constant 3 out of range");
  EXPECT_EQ(check({ABC(O::GETFIELD, 0, 0, 0), ABC(O::RETURN0, 0, 0, 0)}),
            "function at v.lua:0: instruction 1 (GETFIELD): constant 0 is not a string");
  EXPECT_EQ(check({Jmp(5), ABC(O::RETURN0, 0, 0, 0)}),
            "function at v.lua:0: instruction 1 (JMP): jump target 7 out of range");
  EXPECT_EQ(check({ABC(O::EQ, 0, 1, 0), ABC(O::RETURN0, 0, 0, 0)}),
            "function at v.lua:0: instruction 1 (EQ): must be followed by JMP");
  EXPECT_EQ(
      check({ABC(O::ADD, 0, 0, 1), ABC(O::RETURN0, 0, 0, 0)}),
      "function at v.lua:0: instruction 1 (ADD): must be followed by MMBIN, MMBINI or MMBINK");
  EXPECT_EQ(
      check({AsBx(O::LOADI, 0, 1)}),
      "function at v.lua:0: instruction 1 (LOADI): execution can run past the end of the code");
  EXPECT_EQ(check({ABC(O::GETUPVAL, 0, 0, 0), ABC(O::RETURN0, 0, 0, 0)}),
            "function at v.lua:0: instruction 1 (GETUPVAL): upvalue 0 out of range");
  EXPECT_EQ(check({ABC(O::VARARG, 0, 0, 0), ABC(O::RETURN0, 0, 0, 0)}),
            "function at v.lua:0: instruction 1 (VARARG): vararg in a function without varargs");
  EXPECT_EQ(check({ABC(O::MOVE, 0, 1, 0), ABC(O::RETURN0, 0, 0, 0)}), "");
}

TEST(Verifier, AcceptsWhatLuacProduces) {
  if (std::system("command -v luac5.4 >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "luac5.4 not installed";
  // Every function luac emits for a varied script passes the verifier.
  std::string path = testing::TempDir() + "sloth_verify_" + std::to_string(getpid()) + ".lua";
  std::FILE* f = std::fopen(path.c_str(), "w");
  std::fputs("local t = setmetatable({}, {__index = function(t, k) return k end})\n"
             "for i = 1, 10 do t[i] = i * 2 end\n"
             "for k, v in pairs(t) do if v > 3 and k ~= 'x' then t.x = (t.x or 0) + v end end\n"
             "local function f(...) local a <close> = nil return select('#', ...), ... end\n"
             "local s = 'a' .. 1 .. 2.5 goto done ::done:: return f(1, 2, 3), -t[1], ~1, #t, s\n",
             f);
  std::fclose(f);
  ASSERT_EQ(std::system(("luac5.4 -o " + path + "c " + path).c_str()), 0);
  std::FILE* in = std::fopen((path + "c").c_str(), "rb");
  std::string bytes;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, in)) > 0)
    bytes.append(buf, n);
  std::fclose(in);
  auto p = LuacReader(bytes).read();
  EXPECT_EQ(verifyProto(*p), "");
}

} // namespace

namespace {

// Mutants of real compiler output (a luac5.4 chunk with loops, closures, varargs, tbc, metatables):
// whatever passes the verifier must run without crashing.
TEST(Bundle, CorruptedLuacCodeNeverCrashes) {
  if (std::system("command -v luac5.4 >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "luac5.4 not installed";
  std::string path = testing::TempDir() + "sloth_fuzz_" + std::to_string(getpid()) + ".lua";
  std::FILE* f = std::fopen(path.c_str(), "w");
  std::fputs("local t = setmetatable({}, {__index = function(t, k) return k end})\n"
             "for i = 1, 5 do t[i] = i * 2 end\n"
             "local n = 0 for k, v in next, t do n = n + v end\n"
             "local function f(...) local a <close> = nil return select('#', ...), ... end\n"
             "local s = 'a' .. 1 .. 2.5 local up = 0\n"
             "local g = function(x) up = up + x return up end g(1) g(2)\n"
             "while n > 0 do n = n - 7 if n % 3 == 0 then break end end\n"
             "return f(1, 2, 3), -t[1], ~1, #t, s, n, t.x, 3 // 2, 2^2, 'x' < 'y'\n",
             f);
  std::fclose(f);
  ASSERT_EQ(std::system(("luac5.4 -o " + path + "c " + path).c_str()), 0);
  std::FILE* in = std::fopen((path + "c").c_str(), "rb");
  std::string chunk;
  char buf[4096];
  std::size_t got;
  while ((got = std::fread(buf, 1, sizeof buf, in)) > 0)
    chunk.append(buf, got);
  std::fclose(in);
  std::remove(path.c_str());
  std::remove((path + "c").c_str());
  Bundle b;
  b.main = LuacReader(chunk).read();
  std::string bytes = writeBundle(b);
  {
    Bundle r;
    std::string err;
    ASSERT_TRUE(readBundle(bytes, 0, r, err)) << err;
    State S;
    S.main().pushNative([](Thread& L) {
      L.setTop(2);
      if (L.next(1))
        return 2;
      L.pushNil();
      return 1;
    });
    S.main().setGlobal("next");
    S.main().pushNative([](Thread& L) {
      L.checkType(1, Type::Table);
      L.setTop(2);
      L.setMetatable(1);
      return 1;
    });
    S.main().setGlobal("setmetatable");
    S.main().pushNative([](Thread& L) {
      L.pushInteger(L.top() - 1);
      return 1;
    });
    S.main().setGlobal("select");
    ASSERT_EQ(run(S.main(), r.main), Status::Ok) << str(S.main(), -1);
  }
  std::uint32_t seed = 777;
  if (const char* e = std::getenv("SLOTH_FUZZ_SEED"))
    seed = static_cast<std::uint32_t>(std::atoi(e));
  int iterations = 3000;
  if (const char* e = std::getenv("SLOTH_FUZZ_ITERATIONS"))
    iterations = std::atoi(e);
  for (int iter = 0; iter < iterations; iter++) {
    std::string m = bytes;
    for (int k = 0; k < 1 + iter % 3; k++) {
      seed = seed * 1103515245u + 12345u;
      std::size_t pos = kBundleHeaderSize + (seed >> 8) % (m.size() - kBundleHeaderSize);
      m[pos] = static_cast<char>(m[pos] ^ (1u << ((seed >> 4) % 8)));
    }
    resealBundle(m); // the checksum would refuse every mutant; the verifier is what is tested
    Bundle r;
    std::string err;
    if (!readBundle(m, 0, r, err))
      continue;
    if (std::getenv("SLOTH_FUZZ_DEBUG"))
      std::fprintf(stderr, "iter %d\n%s\n", iter, disassemble(*r.main).c_str());
    State S;
    S.setMemoryLimit(64 << 20);
    S.main().load(r.main);
    S.main().pcall(0, kMultRet, 0);
  }
}

} // namespace

namespace {

// string.dump's form: one function, and with strip no debug information at all.
TEST(Bundle, FunctionKindStripsDebugInformation) {
  Bundle b;
  b.kind = BundleKind::Function;
  b.stripped = true;
  b.main = sample();
  std::string bytes = writeBundle(b);
  Bundle r;
  std::string err;
  ASSERT_TRUE(readBundle(bytes, 0, r, err)) << err;
  EXPECT_EQ(r.kind, BundleKind::Function);
  EXPECT_TRUE(r.stripped);
  EXPECT_EQ(r.main->source, "?");
  EXPECT_TRUE(r.main->lineinfo.empty());
  ASSERT_EQ(r.main->p.size(), 1u);
  EXPECT_TRUE(r.main->p[0]->locvars.empty());
  EXPECT_EQ(r.main->upvalues[0].name, "");
  EXPECT_EQ(r.main->code, b.main->code);
  b.stripped = false;
  EXPECT_LT(bytes.size(), writeBundle(b).size());
  State S;
  ASSERT_EQ(run(S.main(), r.main), Status::Ok) << str(S.main(), -1);
  EXPECT_EQ(S.main().toInteger(1), 42);
}

// Every flipped bit is caught by the checksum (or the header checks before it).
TEST(Bundle, EveryBitFlipIsRefused) {
  Bundle b;
  b.main = sample();
  std::string bytes = writeBundle(b);
  for (std::size_t i = 0; i < bytes.size(); i++) {
    for (int bit = 0; bit < 8; bit++) {
      std::string m = bytes;
      m[i] = static_cast<char>(m[i] ^ (1 << bit));
      Bundle r;
      std::string err;
      EXPECT_FALSE(readBundle(m, 0, r, err)) << i << ":" << bit;
    }
  }
}

} // namespace
