#pragma once
// math.random and math.randomseed (lmathlib.c of Lua 5.4.4): xoshiro256** with Lua's seeding,
// float conversion and range projection, so a seed gives the same numbers as lua5.4.

#include <array>
#include <cstdint>

namespace sloth::stdlib::text {

class LuaRandom {
public:
  /// Seeded like math.randomseed(n1, n2).
  explicit LuaRandom(std::int64_t n1 = 0, std::int64_t n2 = 0) { seed(n1, n2); }

  /// math.randomseed(n1, n2): the state is {n1, 0xff, n2, 0}, then 16 outputs are discarded.
  /// (math.randomseed() with no argument seeds from time(NULL) and an address: the binding does
  /// that and calls this with the two numbers, which it also returns.)
  void seed(std::int64_t n1, std::int64_t n2 = 0);

  /// math.random(): a float in [0, 1) from the top 53 bits.
  double random();
  /// math.random(m): an integer in [1, m]; m == 0 gives all 64 bits. Argument error #1
  /// "interval is empty" when m < 0 (the generator still advances, as in Lua).
  std::int64_t random(std::int64_t m);
  /// math.random(m, n): an integer in [m, n]. Argument error #1 "interval is empty" when m > n.
  std::int64_t random(std::int64_t m, std::int64_t n);

  /// The next raw 64-bit output of xoshiro256**.
  std::uint64_t next();

private:
  std::uint64_t project(std::uint64_t random, std::uint64_t n);

  std::array<std::uint64_t, 4> state_{};
};

} // namespace sloth::stdlib::text
