#include "sloth/stdlib/text/LuaPattern.h"

#include "sloth/stdlib/text/CharClass.h"
#include "sloth/stdlib/text/LibError.h"

#include <cstring>
#include <limits>

namespace sloth::stdlib::text {
namespace {

constexpr int kMaxCaptures = 32;    // LUA_MAXCAPTURES
constexpr int kMaxMatchDepth = 200; // MAXCCALLS
constexpr std::ptrdiff_t kCapUnfinished = -1;
constexpr std::ptrdiff_t kCapPosition = -2;
constexpr std::size_t kNoMatch = std::numeric_limits<std::size_t>::max();
constexpr char kEscape = '%';
constexpr std::string_view kSpecials = "^$*+?.([%-";

unsigned char byte(char c) {
  return static_cast<unsigned char>(c);
}

// A port of lstrlib.c's MatchState working on indices. Reads one past the end of the subject or
// pattern yield '\0', as Lua's NUL-terminated strings do; the matcher depends on that.
class Matcher {
public:
  Matcher(std::string_view subject, std::string_view pattern, const PatternLimits& limits)
      : subject_(subject), pattern_(pattern), poll_(limits.poll), pollContext_(limits.pollContext) {
    std::uint64_t perByte = limits.stepsPerSubjectByte;
    std::uint64_t length = subject.size();
    std::uint64_t scaled =
        (perByte != 0 && length > UINT64_MAX / perByte) ? UINT64_MAX : perByte * length;
    budget_ = scaled > UINT64_MAX - limits.baseSteps ? UINT64_MAX : scaled + limits.baseSteps;
  }

  void reset() { level_ = 0; }

  /// Tries to match the pattern (from `patternStart`) at subject position `s`.
  std::size_t matchAt(std::size_t s, std::size_t patternStart) { return match(s, patternStart); }

  /// Captures of the last successful match (`s`..`e` is the whole match; `wholeIfNone` asks for
  /// it when the pattern has no captures, as string.match and gsub do but string.find does not).
  std::vector<Capture> captures(std::size_t s, std::size_t e, bool wholeIfNone) const {
    int count = (level_ == 0 && wholeIfNone) ? 1 : level_;
    std::vector<Capture> result;
    result.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; i++)
      result.push_back(capture(i, s, e));
    return result;
  }

  Capture capture(int i, std::size_t s, std::size_t e) const {
    if (i >= level_) {
      if (i != 0)
        throw LibError("invalid capture index %" + std::to_string(i + 1));
      return subject_.substr(s, e - s);
    }
    std::ptrdiff_t length = captures_[i].length;
    if (length == kCapUnfinished)
      throw LibError("unfinished capture");
    if (length == kCapPosition)
      return static_cast<std::int64_t>(captures_[i].init + 1);
    return subject_.substr(captures_[i].init, static_cast<std::size_t>(length));
  }

  std::size_t subjectEnd() const { return subject_.size(); }

private:
  struct CaptureSlot {
    std::size_t init = 0;
    std::ptrdiff_t length = 0;
  };

  char pat(std::size_t i) const { return i < pattern_.size() ? pattern_[i] : '\0'; }
  char sub(std::size_t i) const { return i < subject_.size() ? subject_[i] : '\0'; }

  void step() {
    if (++steps_ > budget_)
      throw LibError("pattern too complex"); // our guard against exponential backtracking
    if ((steps_ & 0xFFFF) == 0 && poll_)
      poll_(pollContext_);
  }

  std::size_t classEnd(std::size_t p) const {
    char c = pat(p++);
    if (c == kEscape) {
      if (p == pattern_.size())
        throw LibError("malformed pattern (ends with '%')");
      return p + 1;
    }
    if (c == '[') {
      if (pat(p) == '^')
        p++;
      do { // look for a ']'
        if (p == pattern_.size())
          throw LibError("malformed pattern (missing ']')");
        if (pat(p++) == kEscape && p < pattern_.size())
          p++; // skip escapes such as '%]'
      } while (pat(p) != ']');
      return p + 1;
    }
    return p;
  }

  // `p` is the '[' and `ec` the closing ']'.
  bool matchBracketClass(int c, std::size_t p, std::size_t ec) const {
    bool found = true;
    if (pat(p + 1) == '^') {
      found = false;
      p++;
    }
    while (++p < ec) {
      if (pat(p) == kEscape) {
        p++;
        if (matchCharClass(c, byte(pat(p))))
          return found;
      } else if (pat(p + 1) == '-' && p + 2 < ec) {
        p += 2;
        if (byte(pat(p - 2)) <= c && c <= byte(pat(p)))
          return found;
      } else if (byte(pat(p)) == c) {
        return found;
      }
    }
    return !found;
  }

  bool singleMatch(std::size_t s, std::size_t p, std::size_t ep) const {
    if (s >= subject_.size())
      return false;
    int c = byte(subject_[s]);
    switch (pat(p)) {
    case '.':
      return true;
    case kEscape:
      return matchCharClass(c, byte(pat(p + 1)));
    case '[':
      return matchBracketClass(c, p, ep - 1);
    default:
      return byte(pat(p)) == c;
    }
  }

  std::size_t matchBalance(std::size_t s, std::size_t p) {
    if (p + 1 >= pattern_.size())
      throw LibError("malformed pattern (missing arguments to '%b')");
    if (sub(s) != pat(p))
      return kNoMatch;
    char open = pat(p);
    char close = pat(p + 1);
    int depth = 1;
    while (++s < subject_.size()) {
      step();
      if (subject_[s] == close) {
        if (--depth == 0)
          return s + 1;
      } else if (subject_[s] == open) {
        depth++;
      }
    }
    return kNoMatch; // the string ends out of balance
  }

  std::size_t maxExpand(std::size_t s, std::size_t p, std::size_t ep) {
    std::ptrdiff_t count = 0;
    while (singleMatch(s + static_cast<std::size_t>(count), p, ep)) {
      step();
      count++;
    }
    // Try the longest repetition first, giving back one at a time.
    for (; count >= 0; count--) {
      std::size_t result = match(s + static_cast<std::size_t>(count), ep + 1);
      if (result != kNoMatch)
        return result;
    }
    return kNoMatch;
  }

  std::size_t minExpand(std::size_t s, std::size_t p, std::size_t ep) {
    for (;;) {
      std::size_t result = match(s, ep + 1);
      if (result != kNoMatch)
        return result;
      if (!singleMatch(s, p, ep))
        return kNoMatch;
      s++; // one more repetition
    }
  }

  std::size_t startCapture(std::size_t s, std::size_t p, std::ptrdiff_t what) {
    if (level_ >= kMaxCaptures)
      throw LibError("too many captures");
    captures_[level_] = {s, what};
    level_++;
    std::size_t result = match(s, p);
    if (result == kNoMatch)
      level_--; // undo the capture
    return result;
  }

  std::size_t endCapture(std::size_t s, std::size_t p) {
    int l = captureToClose();
    captures_[l].length = static_cast<std::ptrdiff_t>(s - captures_[l].init);
    std::size_t result = match(s, p);
    if (result == kNoMatch)
      captures_[l].length = kCapUnfinished; // undo the capture
    return result;
  }

  int captureToClose() const {
    for (int l = level_ - 1; l >= 0; l--)
      if (captures_[l].length == kCapUnfinished)
        return l;
    throw LibError("invalid pattern capture");
  }

  std::size_t matchBackReference(std::size_t s, char digit) const {
    int l = digit - '1';
    if (l < 0 || l >= level_ || captures_[l].length == kCapUnfinished)
      throw LibError("invalid capture index %" + std::to_string(l + 1));
    // A position capture has a negative length, so it never matches (as in Lua).
    auto length = static_cast<std::size_t>(captures_[l].length);
    if (subject_.size() - s >= length &&
        subject_.compare(s, length, subject_.substr(captures_[l].init, length)) == 0)
      return s + length;
    return kNoMatch;
  }

  // lstrlib.c's match(): tail calls become loop iterations, real recursion is bounded by
  // kMaxMatchDepth exactly where Lua bounds it.
  std::size_t match(std::size_t s, std::size_t p) {
    if (depthLeft_-- == 0)
      throw LibError("pattern too complex");
    step();
    for (;;) {
      if (p == pattern_.size())
        break; // end of pattern: success
      char c = pat(p);
      if (c == '(') {
        s = pat(p + 1) == ')' ? startCapture(s, p + 2, kCapPosition)
                              : startCapture(s, p + 1, kCapUnfinished);
        break;
      }
      if (c == ')') {
        s = endCapture(s, p + 1);
        break;
      }
      if (c == '$' && p + 1 == pattern_.size()) {
        s = (s == subject_.size()) ? s : kNoMatch;
        break;
      }
      if (c == kEscape) {
        char next = pat(p + 1);
        if (next == 'b') {
          s = matchBalance(s, p + 2);
          if (s == kNoMatch)
            break;
          p += 4;
          continue;
        }
        if (next == 'f') {
          p += 2;
          if (pat(p) != '[')
            throw LibError("missing '[' after '%f' in pattern");
          std::size_t ep = classEnd(p);
          int previous = s == 0 ? 0 : byte(subject_[s - 1]);
          if (!matchBracketClass(previous, p, ep - 1) &&
              matchBracketClass(byte(sub(s)), p, ep - 1)) {
            p = ep;
            continue;
          }
          s = kNoMatch;
          break;
        }
        if (next >= '0' && next <= '9') {
          s = matchBackReference(s, next);
          if (s == kNoMatch)
            break;
          p += 2;
          continue;
        }
      }
      // A single-character class with an optional suffix.
      std::size_t ep = classEnd(p);
      char suffix = pat(ep);
      if (!singleMatch(s, p, ep)) {
        if (suffix == '*' || suffix == '?' || suffix == '-') {
          p = ep + 1; // accept empty
          continue;
        }
        s = kNoMatch;
        break;
      }
      if (suffix == '?') {
        std::size_t result = match(s + 1, ep + 1);
        if (result != kNoMatch) {
          s = result;
          break;
        }
        p = ep + 1;
        continue;
      }
      if (suffix == '+') {
        s = maxExpand(s + 1, p, ep);
        break;
      }
      if (suffix == '*') {
        s = maxExpand(s, p, ep);
        break;
      }
      if (suffix == '-') {
        s = minExpand(s, p, ep);
        break;
      }
      s++;
      p = ep;
    }
    depthLeft_++;
    return s;
  }

  std::string_view subject_;
  std::string_view pattern_;
  int depthLeft_ = kMaxMatchDepth;
  int level_ = 0;
  CaptureSlot captures_[kMaxCaptures];
  std::uint64_t steps_ = 0;
  std::uint64_t budget_ = 0;
  void (*poll_)(void* context) = nullptr;
  void* pollContext_ = nullptr;
};

std::size_t findPlain(std::string_view haystack, std::size_t from, std::string_view needle) {
  std::size_t at = haystack.find(needle, from);
  return at == std::string_view::npos ? kNoMatch : at;
}

// Appends gsub's template replacement for the match s..e.
void appendTemplate(std::string& out, std::string_view replacement, const Matcher& matcher,
                    std::string_view subject, std::size_t s, std::size_t e) {
  std::string_view whole = subject.substr(s, e - s);
  for (std::size_t i = 0; i < replacement.size(); i++) {
    char c = replacement[i];
    if (c != kEscape) {
      out += c;
      continue;
    }
    i++;
    char next = i < replacement.size() ? replacement[i] : '\0';
    if (next == kEscape) {
      out += kEscape;
    } else if (next == '0') {
      out.append(whole);
    } else if (next >= '1' && next <= '9') {
      Capture capture = matcher.capture(next - '1', s, e);
      if (auto* text = std::get_if<std::string_view>(&capture))
        out.append(*text);
      else
        out += std::to_string(std::get<std::int64_t>(capture));
    } else {
      throw LibError("invalid use of '%' in replacement string");
    }
  }
}

} // namespace

std::size_t relativeStartPosition(std::int64_t position, std::size_t length) {
  if (position > 0)
    return static_cast<std::size_t>(position);
  if (position == 0)
    return 1;
  if (position < -static_cast<std::int64_t>(length))
    return 1;
  return static_cast<std::size_t>(static_cast<std::int64_t>(length) + position + 1);
}

std::optional<FindResult> patternFind(std::string_view subject, std::string_view pattern,
                                      std::int64_t init, bool plain, const PatternLimits& limits) {
  std::size_t start = relativeStartPosition(init, subject.size()) - 1;
  if (start > subject.size())
    return std::nullopt; // starts after the end: cannot find anything
  if (plain || pattern.find_first_of(kSpecials) == std::string_view::npos) {
    std::size_t at = findPlain(subject, start, pattern);
    if (at == kNoMatch)
      return std::nullopt;
    return FindResult{
        static_cast<std::int64_t>(at + 1), static_cast<std::int64_t>(at + pattern.size()), {}};
  }
  bool anchored = !pattern.empty() && pattern.front() == '^';
  if (anchored)
    pattern.remove_prefix(1);
  Matcher matcher(subject, pattern, limits);
  std::size_t s = start;
  do {
    matcher.reset();
    std::size_t end = matcher.matchAt(s, 0);
    if (end != kNoMatch)
      return FindResult{static_cast<std::int64_t>(s + 1), static_cast<std::int64_t>(end),
                        matcher.captures(0, 0, false)};
  } while (s++ < subject.size() && !anchored);
  return std::nullopt;
}

std::optional<std::vector<Capture>> patternMatch(std::string_view subject, std::string_view pattern,
                                                 std::int64_t init, const PatternLimits& limits) {
  std::size_t start = relativeStartPosition(init, subject.size()) - 1;
  if (start > subject.size())
    return std::nullopt;
  bool anchored = !pattern.empty() && pattern.front() == '^';
  if (anchored)
    pattern.remove_prefix(1);
  Matcher matcher(subject, pattern, limits);
  std::size_t s = start;
  do {
    matcher.reset();
    std::size_t end = matcher.matchAt(s, 0);
    if (end != kNoMatch)
      return matcher.captures(s, end, true);
  } while (s++ < subject.size() && !anchored);
  return std::nullopt;
}

PatternMatcher::PatternMatcher(std::string_view subject, std::string_view pattern,
                               std::int64_t init, const PatternLimits& limits)
    : subject_(subject), pattern_(pattern), limits_(limits) {
  std::size_t start = relativeStartPosition(init, subject.size()) - 1;
  position_ = start > subject.size() ? subject.size() + 1 : start;
}

std::optional<std::vector<Capture>> PatternMatcher::next() {
  Matcher matcher(subject_, pattern_, limits_);
  for (std::size_t s = position_; s <= subject_.size(); s++) {
    matcher.reset();
    std::size_t end = matcher.matchAt(s, 0);
    if (end != kNoMatch && end != lastMatchEnd_) {
      position_ = end;
      lastMatchEnd_ = end;
      return matcher.captures(s, end, true);
    }
  }
  position_ = subject_.size() + 1;
  return std::nullopt;
}

GsubResult patternGsub(std::string_view subject, std::string_view pattern,
                       const Replacement& replacement, std::optional<std::int64_t> maxReplacements,
                       const PatternLimits& limits) {
  std::int64_t max = maxReplacements.value_or(static_cast<std::int64_t>(subject.size()) + 1);
  bool anchored = !pattern.empty() && pattern.front() == '^';
  if (anchored)
    pattern.remove_prefix(1);
  Matcher matcher(subject, pattern, limits);
  GsubResult result;
  // Output is usually about as long as the input; growing a large string step by step costs
  // more than the matching (measured: 4x slower on a 5 MB subject).
  result.text.reserve(subject.size());
  std::size_t s = 0;
  std::size_t lastMatchEnd = kNoMatch;
  while (result.count < max) {
    matcher.reset();
    std::size_t e = matcher.matchAt(s, 0);
    if (e != kNoMatch && e != lastMatchEnd) {
      result.count++;
      if (auto* text = std::get_if<std::string_view>(&replacement)) {
        appendTemplate(result.text, *text, matcher, subject, s, e);
      } else {
        std::optional<std::string> value =
            std::get<ReplacementCallback>(replacement)(matcher.captures(s, e, true));
        if (value)
          result.text += *value;
        else
          result.text.append(subject.substr(s, e - s)); // nil/false keeps the original
      }
      s = lastMatchEnd = e;
    } else if (s < subject.size()) {
      result.text += subject[s++];
    } else {
      break;
    }
    if (anchored)
      break;
  }
  result.text.append(subject.substr(s));
  return result;
}

} // namespace sloth::stdlib::text
