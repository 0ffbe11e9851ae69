#pragma once
// Lua 5.4 pattern matching (manual §6.4.1, lstrlib.c): the engine behind string.find,
// string.match, string.gmatch and string.gsub, on plain C++ data.
//
// Positions in and out are Lua's: 1-based, with `init` relative to the end when negative.
// Errors throw LibError; all of them are plain errors (argument 0), except where noted.
//
// Deliberate difference from Lua: besides Lua's recursion limit (200 nested matches), every call
// has a step budget (see PatternLimits) so pathological backtracking such as
// string.find(string.rep("a", 1e5), ".-.-.-.-b") raises "pattern too complex" instead of
// running for hours. The budget grows with the subject's length, so linear work never hits it.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace sloth::stdlib::text {

/// A capture: the captured substring, or the 1-based position of a position capture `()`.
using Capture = std::variant<std::string_view, std::int64_t>;

/// Limits that keep one call bounded. The default budget allows
/// `baseSteps + stepsPerSubjectByte * subject length` match steps in total.
struct PatternLimits {
  std::uint64_t baseSteps = 100'000'000;
  std::uint64_t stepsPerSubjectByte = 1'000;
  /// When set, called with `pollContext` every 65536 match steps (well under a millisecond), so a
  /// long match can be stopped from outside: the binding raises there when the run is
  /// interrupted or its task timed out.
  void (*poll)(void* context) = nullptr;
  void* pollContext = nullptr;
};

/// Result of string.find: 1-based inclusive bounds of the match and the explicit captures.
struct FindResult {
  std::int64_t start = 0;
  std::int64_t end = 0;
  std::vector<Capture> captures;
};

/// string.find(subject, pattern, init, plain). nullopt is Lua's fail (nil).
/// `plain` (or a pattern without special characters) does a substring search.
std::optional<FindResult> patternFind(std::string_view subject, std::string_view pattern,
                                      std::int64_t init = 1, bool plain = false,
                                      const PatternLimits& limits = {});

/// string.match(subject, pattern, init): the captures, or the whole match when the pattern has
/// none. nullopt is fail.
std::optional<std::vector<Capture>> patternMatch(std::string_view subject, std::string_view pattern,
                                                 std::int64_t init = 1,
                                                 const PatternLimits& limits = {});

/// string.gmatch(subject, pattern, init) as an iterator. The caller keeps `subject` and
/// `pattern` alive. As in Lua 5.4, '^' is not an anchor in gmatch.
class PatternMatcher {
public:
  PatternMatcher(std::string_view subject, std::string_view pattern, std::int64_t init = 1,
                 const PatternLimits& limits = {});
  /// The next match's captures (or whole match), nullopt when there are no more.
  std::optional<std::vector<Capture>> next();
  /// Sets PatternLimits::poll for the following next() calls (each may come from another caller).
  void setPoll(void (*poll)(void* context), void* context) {
    limits_.poll = poll;
    limits_.pollContext = context;
  }

private:
  std::string_view subject_;
  std::string_view pattern_;
  std::size_t position_;                    // where the next search starts
  std::optional<std::size_t> lastMatchEnd_; // an empty match may not end here again
  PatternLimits limits_;
};

// The binding keeps a PatternMatcher in a userdata block that is freed without a destructor call.
static_assert(std::is_trivially_destructible_v<PatternMatcher>);

/// gsub's replacement through a function or a table: called with all captures (or the whole
/// match); for a table the binding indexes it with captures[0]. Return nullopt for nil/false
/// (keep the original text) or the replacement string (a number converted by the binding). For
/// any other value the binding throws LibError("invalid replacement value (a table)").
using ReplacementCallback = std::function<std::optional<std::string>(const std::vector<Capture>&)>;

/// gsub's replacement: a template string (with %0-%9 and %%) or a callback.
using Replacement = std::variant<std::string_view, ReplacementCallback>;

struct GsubResult {
  std::string text;
  std::int64_t count = 0;
};

/// string.gsub(subject, pattern, replacement, maxReplacements). nullopt for `maxReplacements`
/// means Lua's default (no limit).
GsubResult patternGsub(std::string_view subject, std::string_view pattern,
                       const Replacement& replacement,
                       std::optional<std::int64_t> maxReplacements = std::nullopt,
                       const PatternLimits& limits = {});

/// Lua's posrelatI: turns a possibly negative 1-based position into a 1-based one, clamped below
/// at 1 (may exceed the length).
std::size_t relativeStartPosition(std::int64_t position, std::size_t length);

} // namespace sloth::stdlib::text
