#include "DefsLines.h"

#include <cctype>

namespace sloth::types {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
    s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
    s.remove_suffix(1);
  return s;
}

bool isNameStart(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool isNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// Reads a Lua name at the front of `s`, or "" when there is none.
std::string_view takeName(std::string_view& s) {
  if (s.empty() || !isNameStart(s[0]))
    return {};
  size_t n = 1;
  while (n < s.size() && isNameChar(s[n]))
    ++n;
  std::string_view name = s.substr(0, n);
  s.remove_prefix(n);
  return name;
}

bool takePrefix(std::string_view& s, std::string_view prefix) {
  if (s.substr(0, prefix.size()) != prefix)
    return false;
  s.remove_prefix(prefix.size());
  return true;
}

} // namespace

std::vector<DefsBlock> splitDefsBlocks(std::string_view text) {
  std::vector<DefsBlock> blocks;
  DefsBlock current;
  auto flush = [&](int subjectLine, std::string_view subject) {
    if (current.comments.empty() && subject.empty())
      return;
    current.subjectLine = subject.empty() ? 0 : subjectLine;
    current.subject = std::string(subject);
    blocks.push_back(std::move(current));
    current = DefsBlock();
  };

  int lineNo = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos)
      end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r')
      line.remove_suffix(1);
    ++lineNo;
    pos = end + 1;

    if (line.substr(0, 3) == "---") {
      current.comments.push_back({lineNo, 4, std::string(line.substr(3))});
      continue;
    }
    std::string_view code = trim(line);
    if (code.substr(0, 2) == "--")
      continue; // a plain comment neither ends nor joins a block
    flush(lineNo, code);
    if (end == text.size())
      break;
  }
  flush(0, {});
  return blocks;
}

std::optional<FunctionLine> parseFunctionLine(std::string_view line) {
  std::string_view s = trim(line);
  if (!takePrefix(s, "function") || s.empty() || !std::isspace(static_cast<unsigned char>(s[0])))
    return std::nullopt;
  s = trim(s);
  FunctionLine f;
  std::string path(takeName(s));
  if (path.empty())
    return std::nullopt;
  while (!s.empty() && (s[0] == '.' || s[0] == ':')) {
    bool colon = s[0] == ':';
    s.remove_prefix(1);
    std::string_view part = takeName(s);
    if (part.empty())
      return std::nullopt;
    if (colon) {
      f.owner = path;
      f.name = std::string(part);
      f.method = true;
      break;
    }
    f.owner = path;
    f.name = std::string(part);
    path += "." + std::string(part);
  }
  if (f.name.empty())
    f.name = path;
  s = trim(s);
  if (!takePrefix(s, "("))
    return std::nullopt;
  while (true) {
    s = trim(s);
    if (takePrefix(s, ")"))
      break;
    if (takePrefix(s, "...")) {
      f.params.push_back("...");
    } else {
      std::string_view p = takeName(s);
      if (p.empty())
        return std::nullopt;
      f.params.emplace_back(p);
    }
    s = trim(s);
    if (!s.empty() && s[0] == ',')
      s.remove_prefix(1);
    else if (s.empty() || s[0] != ')')
      return std::nullopt;
  }
  return f;
}

std::optional<AssignmentLine> parseAssignmentLine(std::string_view line) {
  std::string_view s = trim(line);
  AssignmentLine a;
  if (takePrefix(s, "local") && !s.empty() && std::isspace(static_cast<unsigned char>(s[0]))) {
    a.local = true;
    s = trim(s);
  } else {
    s = trim(line);
  }
  std::string target(takeName(s));
  if (target.empty())
    return std::nullopt;
  while (!s.empty() && s[0] == '.') {
    s.remove_prefix(1);
    std::string_view part = takeName(s);
    if (part.empty())
      return std::nullopt;
    target += "." + std::string(part);
  }
  s = trim(s);
  if (!takePrefix(s, "=") || takePrefix(s, "="))
    return std::nullopt;
  a.target = std::move(target);
  a.emptyTable = trim(s) == "{}";
  return a;
}

} // namespace sloth::types
