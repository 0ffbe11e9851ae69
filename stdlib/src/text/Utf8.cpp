#include "sloth/stdlib/text/Utf8.h"

#include "sloth/stdlib/text/LibError.h"

#include <climits>

namespace sloth::stdlib::text {
namespace {

constexpr std::uint32_t kMaxUnicode = 0x10FFFF;
constexpr std::uint32_t kMaxUtf = 0x7FFFFFFF;

// Bytes past the end read as '\0', like Lua's terminated strings; the decoder relies on that.
unsigned char byteAt(std::string_view s, std::size_t i) {
  return i < s.size() ? static_cast<unsigned char>(s[i]) : 0;
}

bool isContinuation(std::string_view s, std::size_t i) {
  return (byteAt(s, i) & 0xC0) == 0x80;
}

// lutf8lib.c u_posrelat: negative positions count from the end; too negative becomes 0.
std::int64_t relativePosition(std::int64_t position, std::size_t length) {
  if (position >= 0)
    return position;
  if (0u - static_cast<std::uint64_t>(position) > length)
    return 0;
  return static_cast<std::int64_t>(length) + position + 1;
}

// lutf8lib.c utf8_decode: the length of the sequence at `at`, or 0 when it is invalid.
std::size_t decode(std::string_view s, std::size_t at, std::uint32_t& value, bool strict) {
  static const std::uint32_t limits[] = {~0u, 0x80, 0x800, 0x10000u, 0x200000u, 0x4000000u};
  unsigned int c = byteAt(s, at);
  std::uint32_t result = 0;
  std::size_t count = 0; // continuation bytes
  if (c < 0x80) {
    result = c;
  } else {
    for (; c & 0x40; c <<= 1) {
      unsigned int cc = byteAt(s, at + ++count);
      if ((cc & 0xC0) != 0x80)
        return 0;
      result = (result << 6) | (cc & 0x3F);
    }
    result |= static_cast<std::uint32_t>(c & 0x7F) << (count * 5);
    // Overlong forms are rejected by the per-length minimum.
    if (count > 5 || result > kMaxUtf || result < limits[count])
      return 0;
  }
  if (strict && (result > kMaxUnicode || (0xD800u <= result && result <= 0xDFFFu)))
    return 0;
  value = result;
  return count + 1;
}

} // namespace

const std::string_view kUtf8CharPattern("[\0-\x7F\xC2-\xFD][\x80-\xBF]*", 14);

std::string utf8Encode(std::uint32_t code) {
  if (code < 0x80)
    return std::string(1, static_cast<char>(code));
  char buffer[8];
  int n = 0; // bytes written, backwards from the end
  unsigned int firstByteMax = 0x3F;
  do {
    buffer[7 - n++] = static_cast<char>(0x80 | (code & 0x3F));
    code >>= 6;
    firstByteMax >>= 1; // one bit fewer fits in the first byte
  } while (code > firstByteMax);
  buffer[7 - n] = static_cast<char>((~firstByteMax << 1) | code);
  n++;
  return std::string(buffer + 8 - n, static_cast<std::size_t>(n));
}

std::string utf8Char(std::span<const std::int64_t> codes) {
  std::string out;
  for (std::size_t i = 0; i < codes.size(); i++) {
    auto code = static_cast<std::uint64_t>(codes[i]);
    if (code > kMaxUtf)
      throw LibError("value out of range", static_cast<int>(i) + 1);
    out += utf8Encode(static_cast<std::uint32_t>(code));
  }
  return out;
}

Utf8LenResult utf8Len(std::string_view s, std::int64_t i, std::int64_t j, bool lax) {
  auto length = static_cast<std::int64_t>(s.size());
  std::int64_t posi = relativePosition(i, s.size());
  std::int64_t posj = relativePosition(j, s.size());
  if (!(1 <= posi && --posi <= length))
    throw LibError("initial position out of bounds", 2);
  if (!(--posj < length))
    throw LibError("final position out of bounds", 3);
  std::int64_t count = 0;
  while (posi <= posj) {
    std::uint32_t code = 0;
    std::size_t size = decode(s, static_cast<std::size_t>(posi), code, !lax);
    if (size == 0)
      return {std::nullopt, posi + 1};
    posi += static_cast<std::int64_t>(size);
    count++;
  }
  return {count, 0};
}

std::vector<std::int64_t> utf8Codepoint(std::string_view s, std::int64_t i,
                                        std::optional<std::int64_t> j, bool lax) {
  std::int64_t posi = relativePosition(i, s.size());
  std::int64_t pose = relativePosition(j.value_or(posi), s.size());
  if (posi < 1)
    throw LibError("out of bounds", 2);
  if (pose > static_cast<std::int64_t>(s.size()))
    throw LibError("out of bounds", 3);
  std::vector<std::int64_t> codes;
  if (posi > pose)
    return codes; // empty interval
  if (pose - posi >= INT_MAX)
    throw LibError("string slice too long");
  for (auto at = static_cast<std::size_t>(posi - 1); at < static_cast<std::size_t>(pose);) {
    std::uint32_t code = 0;
    std::size_t size = decode(s, at, code, !lax);
    if (size == 0)
      throw LibError("invalid UTF-8 code");
    codes.push_back(code);
    at += size;
  }
  return codes;
}

std::optional<std::int64_t> utf8Offset(std::string_view s, std::int64_t n,
                                       std::optional<std::int64_t> i) {
  auto length = static_cast<std::int64_t>(s.size());
  std::int64_t posi = relativePosition(i.value_or(n >= 0 ? 1 : length + 1), s.size());
  if (!(1 <= posi && --posi <= length))
    throw LibError("position out of bounds", 3);
  auto cont = [&](std::int64_t at) { return isContinuation(s, static_cast<std::size_t>(at)); };
  if (n == 0) {
    while (posi > 0 && cont(posi)) // back to the start of the current character
      posi--;
    return posi + 1;
  }
  if (cont(posi))
    throw LibError("initial position is a continuation byte");
  if (n < 0) {
    while (n < 0 && posi > 0) { // move back one character
      do {
        posi--;
      } while (posi > 0 && cont(posi));
      n++;
    }
  } else {
    n--; // the first character is the one at posi
    while (n > 0 && posi < length) {
      do {
        posi++;
      } while (cont(posi)); // stops at the end: it reads as '\0'
      n--;
    }
  }
  if (n == 0)
    return posi + 1;
  return std::nullopt;
}

std::optional<std::pair<std::int64_t, std::int64_t>> utf8CodesStep(std::string_view s,
                                                                   std::int64_t control, bool lax) {
  auto n = static_cast<std::uint64_t>(control);
  if (n < s.size())
    while (isContinuation(s, n)) // skip the rest of the previous character
      n++;
  if (n >= s.size()) // also covers a negative control value
    return std::nullopt;
  std::uint32_t code = 0;
  if (decode(s, n, code, !lax) == 0)
    throw LibError("invalid UTF-8 code");
  return std::pair<std::int64_t, std::int64_t>{static_cast<std::int64_t>(n) + 1, code};
}

} // namespace sloth::stdlib::text
