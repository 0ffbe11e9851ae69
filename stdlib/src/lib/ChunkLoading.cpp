#include "ChunkLoading.h"
#include "StringDump.h"

#include "sloth/stdlib/ChunkLoader.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <new>

namespace sloth::stdlib {

namespace {

constexpr const char* kLoaderKey = "sloth.stdlib.ChunkLoader";
constexpr std::size_t kIdSize = 60; // LUA_IDSIZE

// The loader lives in a userdata in the registry; its __gc destroys the std::function.
struct LoaderBox {
  bool alive = false;
  ChunkLoader loader;
};

int collectLoaderBox(vm::Thread& L) {
  auto* box = static_cast<LoaderBox*>(L.toUserdata(1));
  if (box != nullptr && box->alive) {
    box->alive = false;
    box->loader.~ChunkLoader();
  }
  return 0;
}

const ChunkLoader* installedLoader(vm::Thread& L) {
  L.getField(vm::kRegistryIndex, kLoaderKey);
  auto* box = static_cast<LoaderBox*>(L.toUserdata(-1));
  L.pop();
  return box != nullptr && box->alive && box->loader ? &box->loader : nullptr;
}

} // namespace

void setChunkLoader(vm::State& state, ChunkLoader loader) {
  vm::Thread& L = state.main();
  void* memory = L.newUserdata(sizeof(LoaderBox));
  auto* box = new (memory) LoaderBox();
  box->loader = std::move(loader);
  box->alive = true;
  L.newTable(0, 1);
  L.pushNative(collectLoaderBox, 0, "__gc");
  L.setField(-2, "__gc");
  L.setMetatable(-2);
  L.setField(vm::kRegistryIndex, kLoaderKey); // the old box, if any, is collected later
}

std::string chunkSourceName(std::string_view chunkName) {
  // luaO_chunkid works on the C string: stop at an embedded zero.
  chunkName = chunkName.substr(0, chunkName.find('\0'));
  if (!chunkName.empty() && chunkName[0] == '=') {
    std::string_view name = chunkName.substr(1);
    return std::string(name.substr(0, kIdSize - 1));
  }
  if (!chunkName.empty() && chunkName[0] == '@') {
    std::string_view name = chunkName.substr(1);
    if (chunkName.size() <= kIdSize)
      return std::string(name);
    return "..." + std::string(name.substr(name.size() - (kIdSize - 4)));
  }
  constexpr std::size_t kRoom = kIdSize - (sizeof("[string \"") - 1) - 3 - 2 - 1;
  std::size_t newline = chunkName.find('\n');
  if (chunkName.size() < kRoom && newline == std::string_view::npos)
    return fmt::format("[string \"{}\"]", chunkName);
  std::string_view shown = chunkName.substr(0, newline);
  if (shown.size() > kRoom)
    shown = shown.substr(0, kRoom);
  return fmt::format("[string \"{}...\"]", shown);
}

namespace lib {

vm::Status loadBuffer(vm::Thread& L, std::string_view chunk, std::string_view chunkName,
                      std::string_view mode) {
  bool binary = !chunk.empty() && chunk[0] == '\x1b';
  const char* kind = binary ? "binary" : "text";
  if (mode.find(kind[0]) == std::string_view::npos) {
    L.pushString(fmt::format("attempt to load a {} chunk (mode is '{}')", kind, mode));
    return vm::Status::ErrSyntax;
  }
  if (binary) // needs no compiler: the verifier decides (string.dump's output, bundles)
    return loadBinaryChunk(L, chunk, chunkName);
  const ChunkLoader* loader = installedLoader(L);
  if (loader == nullptr) {
    L.pushString(fmt::format("{}: cannot load source code: this runtime has no compiler",
                             chunkSourceName(chunkName)));
    return vm::Status::ErrSyntax;
  }
  LoadedChunk loaded = (*loader)(chunk, chunkSourceName(chunkName));
  if (!loaded.proto) {
    L.pushString(loaded.error);
    return vm::Status::ErrSyntax;
  }
  L.load(std::move(loaded.proto));
  return vm::Status::Ok;
}

namespace {

// Reads all of `f`; false (errno set) on a read error.
bool readAll(std::FILE* f, std::string& out) {
  char buffer[8192];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0)
    out.append(buffer, n);
  return std::ferror(f) == 0;
}

} // namespace

vm::Status loadFile(vm::Thread& L, const char* filename, std::string_view mode) {
  std::string chunkName = filename != nullptr ? fmt::format("@{}", filename) : "=stdin";
  std::string shownName = filename != nullptr ? filename : "stdin";
  std::FILE* f = stdin;
  if (filename != nullptr) {
    errno = 0;
    f = std::fopen(filename, "rb");
    if (f == nullptr) {
      L.pushString(fmt::format("cannot open {}: {}", shownName, std::strerror(errno)));
      return vm::Status::ErrRun;
    }
  }
  std::string content;
  errno = 0;
  bool ok = readAll(f, content);
  int readErrno = errno;
  if (filename != nullptr)
    std::fclose(f);
  else
    std::clearerr(f);
  if (!ok) {
    L.pushString(fmt::format("cannot read {}: {}", shownName, std::strerror(readErrno)));
    return vm::Status::ErrRun;
  }
  std::string_view text = content;
  if (text.starts_with("\xEF\xBB\xBF"))
    text.remove_prefix(3);
  std::string chunk;
  if (text.starts_with("#")) {
    // Drop the first line but keep its newline, so line numbers stay right.
    std::size_t newline = text.find('\n');
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    if (!text.empty() && text[0] == '\x1b')
      chunk = std::string(text);
    else
      chunk = "\n" + std::string(text);
  } else {
    chunk = std::string(text);
  }
  return loadBuffer(L, chunk, chunkName, mode);
}

} // namespace lib
} // namespace sloth::stdlib
