#include "sloth/stdlib/text/Random.h"

#include "sloth/stdlib/text/LibError.h"

namespace sloth::stdlib::text {
namespace {

constexpr int kFloatBits = 53; // FIGS: the mantissa of a double

std::uint64_t rotateLeft(std::uint64_t x, int n) {
  return (x << n) | (x >> (64 - n));
}

} // namespace

void LuaRandom::seed(std::int64_t n1, std::int64_t n2) {
  state_ = {static_cast<std::uint64_t>(n1), 0xff, static_cast<std::uint64_t>(n2), 0};
  for (int i = 0; i < 16; i++)
    next(); // spread the seed over the state
}

std::uint64_t LuaRandom::next() {
  std::uint64_t state0 = state_[0];
  std::uint64_t state1 = state_[1];
  std::uint64_t state2 = state_[2] ^ state0;
  std::uint64_t state3 = state_[3] ^ state1;
  std::uint64_t result = rotateLeft(state1 * 5, 7) * 9;
  state_[0] = state0 ^ state3;
  state_[1] = state1 ^ state2;
  state_[2] = state2 ^ (state1 << 17);
  state_[3] = rotateLeft(state3, 45);
  return result;
}

double LuaRandom::random() {
  constexpr double scale = 0.5 / static_cast<double>(std::uint64_t{1} << (kFloatBits - 1));
  return static_cast<double>(next() >> (64 - kFloatBits)) * scale;
}

std::int64_t LuaRandom::random(std::int64_t m) {
  std::uint64_t value = next(); // drawn before the argument check, as in Lua
  if (m == 0)
    return static_cast<std::int64_t>(value);
  if (1 > m)
    throw LibError("interval is empty", 1);
  return static_cast<std::int64_t>(project(value, static_cast<std::uint64_t>(m) - 1) + 1);
}

std::int64_t LuaRandom::random(std::int64_t m, std::int64_t n) {
  std::uint64_t value = next();
  if (m > n)
    throw LibError("interval is empty", 1);
  auto low = static_cast<std::uint64_t>(m);
  return static_cast<std::int64_t>(project(value, static_cast<std::uint64_t>(n) - low) + low);
}

// Projects `random` into [0, n] without bias: mask to the smallest 2^b - 1 >= n and draw again
// while the result is above n.
std::uint64_t LuaRandom::project(std::uint64_t random, std::uint64_t n) {
  if ((n & (n + 1)) == 0)
    return random & n; // n + 1 is a power of 2
  std::uint64_t limit = n;
  limit |= limit >> 1;
  limit |= limit >> 2;
  limit |= limit >> 4;
  limit |= limit >> 8;
  limit |= limit >> 16;
  limit |= limit >> 32;
  while ((random &= limit) > n)
    random = next();
  return random;
}

} // namespace sloth::stdlib::text
