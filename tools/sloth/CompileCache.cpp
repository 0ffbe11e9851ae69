#include "CompileCache.h"

#include "sloth/defs/Defs.h"
#include "sloth/stdlib/runtime/History.h"
#include "sloth/vm/Bundle.h"

#include <llvm/Support/xxhash.h>

#include <fmt/core.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <elf.h>
#include <fcntl.h>
#include <filesystem>
#include <link.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace sloth::cli {

namespace {

// Entries kept; storing one more removes the oldest.
constexpr std::size_t kMaxEntries = 256;

// The GNU build ID of this executable, in hex ("" when it has none): a different build may
// compile the same text differently (the bundle format version does not change with it).
const std::string& executableBuildId() {
  static const std::string id = [] {
    std::string hex;
    dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void* out) -> int {
          // The first object reported is the executable itself.
          for (int i = 0; i < info->dlpi_phnum; ++i) {
            const ElfW(Phdr)& phdr = info->dlpi_phdr[i];
            if (phdr.p_type != PT_NOTE)
              continue;
            const char* p = reinterpret_cast<const char*>(info->dlpi_addr + phdr.p_vaddr);
            const char* end = p + phdr.p_memsz;
            while (p + sizeof(ElfW(Nhdr)) <= end) {
              const auto* note = reinterpret_cast<const ElfW(Nhdr)*>(p);
              const char* name = p + sizeof(ElfW(Nhdr));
              const char* desc = name + ((note->n_namesz + 3) & ~3u);
              if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 &&
                  std::memcmp(name, "GNU", 4) == 0 && desc + note->n_descsz <= end) {
                auto& text = *static_cast<std::string*>(out);
                for (std::uint32_t b = 0; b < note->n_descsz; ++b)
                  text += fmt::format("{:02x}", static_cast<unsigned char>(desc[b]));
                return 1;
              }
              p = desc + ((note->n_descsz + 3) & ~3u);
            }
          }
          return 1;
        },
        &hex);
    return hex;
  }();
  return id;
}

// The whole content of a regular file; nullopt for anything else or an error. With
// `mustBeOwn`, also nullopt unless the file belongs to this user (cache entries).
std::optional<std::string> readRegularFile(const std::string& path, bool mustBeOwn) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | (mustBeOwn ? O_NOFOLLOW : 0));
  if (fd < 0)
    return std::nullopt;
  struct stat st {};
  std::optional<std::string> text;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (!mustBeOwn || st.st_uid == ::geteuid())) {
    text.emplace();
    text->resize(static_cast<std::size_t>(st.st_size));
    std::size_t done = 0;
    while (done < text->size()) {
      ssize_t n = ::read(fd, text->data() + done, text->size() - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      done += static_cast<std::size_t>(n);
    }
    if (done != text->size())
      text.reset(); // changed while read: not worth caching
  }
  ::close(fd);
  return text;
}

// A directory only this user can write to (what a cache of code to run must be).
bool isPrivateDirectory(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == ::geteuid() &&
         (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

bool makePrivateDirectory(const std::string& path) {
  std::error_code error;
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty() && !std::filesystem::exists(parent, error)) {
    std::filesystem::create_directories(parent, error);
    std::filesystem::permissions(parent, std::filesystem::perms::owner_all, error);
  }
  if (::mkdir(path.c_str(), 0700) != 0 && errno != EEXIST)
    return false;
  return isPrivateDirectory(path);
}

// Removes the oldest entries beyond kMaxEntries.
void prune(const std::string& directory) {
  std::vector<std::pair<std::timespec, std::string>> entries;
  if (DIR* dir = ::opendir(directory.c_str())) {
    while (const dirent* e = ::readdir(dir)) {
      std::string name = e->d_name;
      struct stat st {};
      if (name.ends_with(".slothb") && ::fstatat(::dirfd(dir), e->d_name, &st, 0) == 0)
        entries.emplace_back(st.st_mtim, std::move(name));
    }
    ::closedir(dir);
  }
  if (entries.size() <= kMaxEntries)
    return;
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return std::make_pair(a.first.tv_sec, a.first.tv_nsec) <
           std::make_pair(b.first.tv_sec, b.first.tv_nsec);
  });
  for (std::size_t i = 0; i + kMaxEntries < entries.size(); ++i)
    ::unlink((directory + "/" + entries[i].second).c_str());
}

} // namespace

std::optional<CompileCache> CompileCache::forScript(const std::string& path) {
  if (const char* off = std::getenv("SLOTH_NO_CACHE"); off != nullptr && *off != '\0')
    return std::nullopt;
  if (path == "-" || executableBuildId().empty())
    return std::nullopt;
  std::optional<std::string> source = readRegularFile(path, false);
  if (!source)
    return std::nullopt;
  CompileCache cache;
  try {
    cache.directory_ =
        std::filesystem::path(stdlib::runtime::HistoryStore::defaultPath()).parent_path() / "cache";
  } catch (const std::exception&) {
    return std::nullopt; // no home directory to keep it in
  }
  // Which compile an entry holds, unambiguously: the lengths delimit the parts.
  cache.identity_ = fmt::format("sloth compile cache\n{}\n{}\n", executableBuildId(), path.size());
  cache.identity_ += path;
  cache.identity_ += *source;
  cache.entry_ =
      fmt::format("{}/{:016x}.slothb", cache.directory_, llvm::xxHash64(cache.identity_));
  cache.source_ = std::move(*source);
  return cache;
}

std::optional<CachedScript> CompileCache::load() const {
  if (!isPrivateDirectory(directory_))
    return std::nullopt;
  std::optional<std::string> bytes = readRegularFile(entry_, true);
  if (!bytes)
    return std::nullopt;
  vm::Bundle bundle;
  std::string error;
  if (!vm::readBundle(*bytes, defs::signatureHash(), bundle, error) ||
      bundle.kind != vm::BundleKind::Script || bundle.metadata != identity_)
    return std::nullopt;
  return CachedScript{std::move(bundle.main), std::move(bundle.sourceText)};
}

void CompileCache::store(const CachedScript& script, std::string_view compiledText) const {
  if (compiledText != source_ || !makePrivateDirectory(directory_))
    return;
  vm::Bundle bundle;
  bundle.kind = vm::BundleKind::Script;
  bundle.signatureHash = defs::signatureHash();
  bundle.metadata = identity_;
  bundle.sourceText = script.sourceText;
  bundle.main = script.main;
  std::string bytes = vm::writeBundle(bundle);
  std::string temporary = directory_ + "/.new-XXXXXX";
  int fd = ::mkstemp(temporary.data());
  if (fd < 0)
    return;
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      break;
    done += static_cast<std::size_t>(n);
  }
  // No fsync: an entry torn by a crash fails its checksum and is compiled again.
  bool written = ::close(fd) == 0 && done == bytes.size();
  if (!written || ::rename(temporary.c_str(), entry_.c_str()) != 0) {
    ::unlink(temporary.c_str());
    return;
  }
  prune(directory_);
}

} // namespace sloth::cli
