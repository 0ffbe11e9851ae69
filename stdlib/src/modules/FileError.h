#pragma once
// What the file operations throw: a cause that names the user's path ("cannot read '/etc/x': No
// such file or directory"). The Lua binding prefixes the module function's name.

#include <stdexcept>
#include <string>
#include <string_view>

namespace sloth::stdlib::modules {

struct FileError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// "what 'path': strerror(errno)", from the current errno.
[[noreturn]] void throwFileErrno(std::string_view what, std::string_view path);

} // namespace sloth::stdlib::modules
