#include "FileError.h"

#include <cerrno>
#include <cstring>

namespace sloth::stdlib::modules {

void throwFileErrno(std::string_view what, std::string_view path) {
  int error = errno;
  throw FileError(std::string(what) + " '" + std::string(path) + "': " + std::strerror(error));
}

} // namespace sloth::stdlib::modules
