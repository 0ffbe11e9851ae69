#include "FileContent.h"

#include "FileError.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sloth::stdlib::modules {

namespace {

// Closes the descriptor on every path out, including exceptions.
class Descriptor {
public:
  explicit Descriptor(int fd) : fd(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd >= 0)
      ::close(fd);
  }
  int get() const { return fd; }
  int release() {
    int released = fd;
    fd = -1;
    return released;
  }

private:
  int fd;
};

void writeAll(int fd, std::string_view content, const std::string& path) {
  while (!content.empty()) {
    ssize_t written = ::write(fd, content.data(), content.size());
    if (written < 0) {
      if (errno == EINTR)
        continue;
      throwFileErrno("cannot write", path);
    }
    content.remove_prefix(static_cast<std::size_t>(written));
  }
}

std::string parentDirectory(const std::string& path) {
  std::size_t slash = path.rfind('/');
  if (slash == std::string::npos)
    return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

} // namespace

std::string readWholeFile(const std::string& path) {
  Descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0)
    throwFileErrno("cannot read", path);
  std::string content;
  char buffer[65536];
  while (true) {
    ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      throwFileErrno("cannot read", path);
    }
    if (n == 0)
      return content;
    content.append(buffer, static_cast<std::size_t>(n));
  }
}

void replaceFileAtomically(const std::string& path, std::string_view content,
                           const FileAttributes& attributes) {
  std::string directory = parentDirectory(path);
  std::string temporary = directory + "/.sloth-write-XXXXXX";
  Descriptor fd(::mkostemp(temporary.data(), O_CLOEXEC));
  if (fd.get() < 0) {
    // Said of the user's path, not of the temporary file it goes through.
    if (errno == ENOENT)
      throw FileError("cannot write '" + path + "': the directory '" + directory +
                      "' does not exist");
    throwFileErrno("cannot write", path);
  }
  try {
    writeAll(fd.get(), content, path);
    // chown before chmod: changing the owner clears set-id bits.
    if ((attributes.uid != ::geteuid() || attributes.gid != ::getegid()) &&
        ::fchown(fd.get(), attributes.uid, attributes.gid) != 0)
      throwFileErrno("cannot change the owner of", path);
    if (::fchmod(fd.get(), attributes.mode) != 0)
      throwFileErrno("cannot change the permissions of", path);
    if (::fsync(fd.get()) != 0)
      throwFileErrno("cannot flush", path);
    if (::close(fd.release()) != 0)
      throwFileErrno("cannot write", path);
    if (::rename(temporary.c_str(), path.c_str()) != 0)
      throwFileErrno("cannot replace", path);
  } catch (...) {
    ::unlink(temporary.c_str());
    throw;
  }
  // The rename is durable once the directory entry is on disk.
  Descriptor dir(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() >= 0)
    ::fsync(dir.get());
}

void appendToFile(const std::string& path, std::string_view content, mode_t newFileMode) {
  Descriptor fd(::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, newFileMode));
  if (fd.get() < 0)
    throwFileErrno("cannot open", path);
  writeAll(fd.get(), content, path);
  if (::fsync(fd.get()) != 0)
    throwFileErrno("cannot flush", path);
}

mode_t defaultFileMode() {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

} // namespace sloth::stdlib::modules
