// The facts module's parsers: the text formats of /etc/os-release, /proc/meminfo, /proc/cpuinfo,
// /proc/self/mounts, /proc/filesystems, /proc/net/route and /proc/uptime.
#include "sloth/stdlib/modules/FactsSources.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <map>
#include <sstream>

namespace sloth::stdlib::facts {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Calls `line(text)` for each line of `text`.
template <typename Fn> void forEachLine(std::string_view text, Fn&& line) {
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    line(text.substr(0, end));
    if (end == std::string_view::npos)
      break;
    text.remove_prefix(end + 1);
  }
}

// An os-release value: unquoted, or in single quotes (literal), or in double quotes where a
// backslash escapes $ " \ and ` (os-release(5) uses shell syntax).
std::string unquote(std::string_view value) {
  if (value.size() >= 2 && value.front() == '\'' && value.back() == '\'')
    return std::string(value.substr(1, value.size() - 2));
  bool doubleQuoted = value.size() >= 2 && value.front() == '"' && value.back() == '"';
  if (doubleQuoted)
    value = value.substr(1, value.size() - 2);
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size() &&
        (!doubleQuoted || std::string_view("$\"\\`").find(value[i + 1]) != std::string_view::npos))
      ++i;
    out += value[i];
  }
  return out;
}

std::int64_t kibibytes(std::string_view value) {
  value = trim(value);
  std::int64_t n = 0;
  std::from_chars(value.data(), value.data() + value.size(), n);
  return n * 1024;
}

// A /proc/self/mounts field: spaces, tabs, newlines and backslashes appear as \040 \011 \012 \134.
std::string decodeMountField(std::string_view field) {
  std::string out;
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field[i] == '\\' && i + 3 < field.size()) {
      std::string_view digits = field.substr(i + 1, 3);
      if (digits.find_first_not_of("01234567") == std::string_view::npos) {
        out +=
            static_cast<char>((digits[0] - '0') * 64 + (digits[1] - '0') * 8 + (digits[2] - '0'));
        i += 3;
        continue;
      }
    }
    out += field[i];
  }
  return out;
}

std::vector<std::string_view> fields(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
      ++i;
    std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t')
      ++i;
    if (i > start)
      out.push_back(line.substr(start, i - start));
  }
  return out;
}

} // namespace

std::string osFamily(std::string_view id, std::string_view idLike) {
  // ID first, then ID_LIKE's words in order: an Ubuntu derivative says ID_LIKE="ubuntu debian".
  static const std::map<std::string, std::string, std::less<>> families = {
      {"debian", "debian"},   {"ubuntu", "debian"},      {"linuxmint", "debian"},
      {"raspbian", "debian"}, {"rhel", "redhat"},        {"fedora", "redhat"},
      {"centos", "redhat"},   {"rocky", "redhat"},       {"almalinux", "redhat"},
      {"ol", "redhat"},       {"amzn", "redhat"},        {"arch", "arch"},
      {"manjaro", "arch"},    {"alpine", "alpine"},      {"suse", "suse"},
      {"opensuse", "suse"},   {"opensuse-leap", "suse"}, {"sles", "suse"},
      {"gentoo", "gentoo"},   {"void", "void"},          {"nixos", "nixos"}};
  if (auto it = families.find(id); it != families.end())
    return it->second;
  std::istringstream in{std::string(idLike)};
  std::string word;
  while (in >> word)
    if (auto it = families.find(word); it != families.end())
      return it->second;
  return std::string(id);
}

OsFacts parseOsRelease(std::string_view text, std::string arch) {
  std::map<std::string, std::string, std::less<>> values;
  forEachLine(text, [&](std::string_view line) {
    line = trim(line);
    if (line.empty() || line.front() == '#')
      return;
    std::size_t eq = line.find('=');
    if (eq == std::string_view::npos)
      return;
    values[std::string(trim(line.substr(0, eq)))] = unquote(trim(line.substr(eq + 1)));
  });
  auto value = [&](std::string_view key, std::string fallback) {
    auto it = values.find(key);
    return it != values.end() && !it->second.empty() ? it->second : fallback;
  };
  OsFacts os;
  os.name = value("NAME", "Linux");
  os.id = value("ID", "linux");
  os.version = value("VERSION_ID", "");
  os.family = osFamily(os.id, value("ID_LIKE", ""));
  std::string codename = value("VERSION_CODENAME", value("UBUNTU_CODENAME", ""));
  if (!codename.empty())
    os.codename = codename;
  os.arch = std::move(arch);
  return os;
}

MemoryFacts parseMeminfo(std::string_view text) {
  MemoryFacts memory;
  forEachLine(text, [&](std::string_view line) {
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos)
      return;
    std::string_view key = line.substr(0, colon);
    std::string_view value = line.substr(colon + 1);
    if (key == "MemTotal")
      memory.total = kibibytes(value);
    else if (key == "MemAvailable")
      memory.available = kibibytes(value);
    else if (key == "SwapTotal")
      memory.swapTotal = kibibytes(value);
    else if (key == "SwapFree")
      memory.swapFree = kibibytes(value);
  });
  return memory;
}

std::string parseCpuModel(std::string_view text) {
  std::map<std::string, std::string, std::less<>> first;
  forEachLine(text, [&](std::string_view line) {
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos)
      return;
    first.emplace(std::string(trim(line.substr(0, colon))),
                  std::string(trim(line.substr(colon + 1))));
  });
  for (const char* key : {"model name", "Model", "Hardware", "cpu"})
    if (auto it = first.find(key); it != first.end() && !it->second.empty())
      return it->second;
  return "";
}

std::vector<MountEntry> parseMounts(std::string_view text) {
  std::vector<MountEntry> mounts;
  forEachLine(text, [&](std::string_view line) {
    std::vector<std::string_view> f = fields(line);
    if (f.size() >= 3)
      mounts.push_back({decodeMountField(f[0]), decodeMountField(f[1]), std::string(f[2])});
  });
  return mounts;
}

std::set<std::string> parseNodevFilesystems(std::string_view text) {
  std::set<std::string> nodev;
  forEachLine(text, [&](std::string_view line) {
    std::vector<std::string_view> f = fields(line);
    if (f.size() == 2 && f[0] == "nodev")
      nodev.emplace(f[1]);
  });
  return nodev;
}

bool isLocalFilesystem(const std::string& fstype, const std::set<std::string>& nodev) {
  return fstype == "overlay" || fstype == "zfs" || !nodev.count(fstype);
}

bool hasDefaultRoute(std::string_view text) {
  bool found = false;
  forEachLine(text, [&](std::string_view line) {
    // Iface Destination Gateway Flags RefCnt Use Metric Mask ...; hex, RTF_UP = 0x1.
    std::vector<std::string_view> f = fields(line);
    if (f.size() < 8 || f[1] != "00000000" || f[7] != "00000000")
      return;
    unsigned flags = static_cast<unsigned>(std::strtoul(std::string(f[3]).c_str(), nullptr, 16));
    if (flags & 0x1)
      found = true;
  });
  return found;
}

std::int64_t parseUptime(std::string_view text) {
  return static_cast<std::int64_t>(std::floor(std::strtod(std::string(text).c_str(), nullptr)));
}

} // namespace sloth::stdlib::facts
