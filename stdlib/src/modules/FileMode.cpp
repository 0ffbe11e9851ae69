#include "FileMode.h"

#include <sys/stat.h>

namespace sloth::stdlib::modules {

std::optional<mode_t> parseOctalMode(std::string_view text) {
  if (text.size() < 3 || text.size() > 4)
    return std::nullopt;
  mode_t mode = 0;
  for (char c : text) {
    if (c < '0' || c > '7')
      return std::nullopt;
    mode = mode * 8 + static_cast<mode_t>(c - '0');
  }
  return mode;
}

namespace {

constexpr mode_t kUserBits = S_ISUID | S_IRWXU;
constexpr mode_t kGroupBits = S_ISGID | S_IRWXG;
constexpr mode_t kOtherBits = S_ISVTX | S_IRWXO;

// One clause: [ugoa]* then one or more of [+-=][rwxXst]*.
std::optional<mode_t> applyClause(std::string_view clause, mode_t mode, bool isDirectory) {
  mode_t who = 0;
  std::size_t i = 0;
  for (; i < clause.size(); i++) {
    char c = clause[i];
    if (c == 'u')
      who |= kUserBits;
    else if (c == 'g')
      who |= kGroupBits;
    else if (c == 'o')
      who |= kOtherBits;
    else if (c == 'a')
      who |= kUserBits | kGroupBits | kOtherBits;
    else
      break;
  }
  if (who == 0)
    who = kUserBits | kGroupBits | kOtherBits;
  if (i == clause.size())
    return std::nullopt; // no operator
  while (i < clause.size()) {
    char op = clause[i++];
    if (op != '+' && op != '-' && op != '=')
      return std::nullopt;
    mode_t bits = 0;
    for (; i < clause.size() && clause[i] != '+' && clause[i] != '-' && clause[i] != '='; i++) {
      switch (clause[i]) {
      case 'r':
        bits |= S_IRUSR | S_IRGRP | S_IROTH;
        break;
      case 'w':
        bits |= S_IWUSR | S_IWGRP | S_IWOTH;
        break;
      case 'x':
        bits |= S_IXUSR | S_IXGRP | S_IXOTH;
        break;
      case 'X':
        if (isDirectory || (mode & (S_IXUSR | S_IXGRP | S_IXOTH)) != 0)
          bits |= S_IXUSR | S_IXGRP | S_IXOTH;
        break;
      case 's':
        bits |= S_ISUID | S_ISGID;
        break;
      case 't':
        bits |= S_ISVTX;
        break;
      default:
        return std::nullopt;
      }
    }
    bits &= who;
    if (op == '+')
      mode |= bits;
    else if (op == '-')
      mode &= ~bits;
    else
      mode = (mode & ~who) | bits;
  }
  return mode;
}

} // namespace

std::optional<mode_t> applyModeSpec(std::string_view spec, mode_t current, bool isDirectory) {
  if (auto octal = parseOctalMode(spec))
    return octal;
  if (spec.empty())
    return std::nullopt;
  mode_t mode = current & 07777;
  while (true) {
    std::size_t comma = spec.find(',');
    auto next = applyClause(spec.substr(0, comma), mode, isDirectory);
    if (!next)
      return std::nullopt;
    mode = *next;
    if (comma == std::string_view::npos)
      return mode;
    spec.remove_prefix(comma + 1);
  }
}

} // namespace sloth::stdlib::modules
