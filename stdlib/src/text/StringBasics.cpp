#include "sloth/stdlib/text/StringBasics.h"

#include "sloth/stdlib/text/CharClass.h"
#include "sloth/stdlib/text/LibError.h"
#include "sloth/stdlib/text/LuaPattern.h"

#include <algorithm>
#include <climits>

namespace sloth::stdlib::text {
namespace {

constexpr std::size_t kMaxSize = INT_MAX; // lstrlib.c MAXSIZE

// lstrlib.c getendpos: an end position clipped to [0, len].
std::size_t endPosition(std::int64_t position, std::size_t length) {
  auto signedLength = static_cast<std::int64_t>(length);
  if (position > signedLength)
    return length;
  if (position >= 0)
    return static_cast<std::size_t>(position);
  if (position < -signedLength)
    return 0;
  return static_cast<std::size_t>(signedLength + position + 1);
}

} // namespace

std::string_view stringSub(std::string_view s, std::int64_t i, std::optional<std::int64_t> j) {
  std::size_t start = relativeStartPosition(i, s.size());
  std::size_t end = endPosition(j.value_or(-1), s.size());
  if (start > end)
    return {};
  return s.substr(start - 1, end - start + 1);
}

std::vector<std::int64_t> stringByte(std::string_view s, std::optional<std::int64_t> i,
                                     std::optional<std::int64_t> j) {
  std::int64_t first = i.value_or(1);
  std::size_t end = endPosition(j.value_or(first), s.size());
  std::size_t start = relativeStartPosition(first, s.size());
  std::vector<std::int64_t> bytes;
  if (start > end)
    return bytes;
  if (end - start >= static_cast<std::size_t>(INT_MAX))
    throw LibError("string slice too long");
  for (std::size_t k = start - 1; k < end; k++)
    bytes.push_back(static_cast<unsigned char>(s[k]));
  return bytes;
}

std::string stringChar(std::span<const std::int64_t> codes) {
  std::string out;
  out.reserve(codes.size());
  for (std::size_t k = 0; k < codes.size(); k++) {
    if (static_cast<std::uint64_t>(codes[k]) > UCHAR_MAX)
      throw LibError("value out of range", static_cast<int>(k) + 1);
    out += static_cast<char>(codes[k]);
  }
  return out;
}

std::string stringRep(std::string_view s, std::int64_t n, std::string_view separator,
                      const std::function<void()>& poll) {
  if (n <= 0)
    return {};
  std::size_t unit = s.size() + separator.size();
  if (unit < s.size() || unit > kMaxSize / static_cast<std::uint64_t>(n))
    throw LibError("resulting string too large");
  // n units of `s sep`, the last separator cut: copy the repetitions made so far onto the end
  // (doubling), in bounded chunks so that `poll` runs often even for a 2 GiB result.
  constexpr std::size_t kChunk = std::size_t{16} << 20;
  std::size_t total = unit * static_cast<std::size_t>(n);
  std::string out;
  out.reserve(total); // appending from out's own bytes below never reallocates
  out.append(s).append(separator);
  while (out.size() < total) {
    if (poll)
      poll();
    out.append(out.data(), std::min({out.size(), total - out.size(), kChunk}));
  }
  out.resize(total - separator.size());
  return out;
}

std::string stringUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (isAsciiLower(static_cast<unsigned char>(c)))
      c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string stringLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(toAsciiLower(static_cast<unsigned char>(c)));
  return out;
}

std::string stringReverse(std::string_view s) {
  return std::string(s.rbegin(), s.rend());
}

} // namespace sloth::stdlib::text
