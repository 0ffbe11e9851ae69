#include "FileOwners.h"

#include "FileError.h"

#include <charconv>
#include <grp.h>
#include <optional>
#include <pwd.h>

namespace sloth::stdlib::modules {

namespace {

std::optional<unsigned> numericId(const std::string& text) {
  unsigned id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || error != std::errc() || end != text.data() + text.size())
    return std::nullopt;
  return id;
}

} // namespace

uid_t userId(const std::string& name) {
  if (const passwd* entry = getpwnam(name.c_str()); entry != nullptr)
    return entry->pw_uid;
  if (auto id = numericId(name))
    return static_cast<uid_t>(*id);
  throw FileError("unknown user '" + name + "'");
}

gid_t groupId(const std::string& name) {
  if (const group* entry = getgrnam(name.c_str()); entry != nullptr)
    return entry->gr_gid;
  if (auto id = numericId(name))
    return static_cast<gid_t>(*id);
  throw FileError("unknown group '" + name + "'");
}

} // namespace sloth::stdlib::modules
