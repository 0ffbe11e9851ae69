// The package library (Lua 5.4 manual §6.3, loadlib.c): require, package.loaded/preload/path/
// searchers/searchpath. Native libraries cannot be loaded (as in a Lua built without dlopen):
// the C searchers still search package.cpath, so "module not found" messages match Lua's.
#include "ChunkLoading.h"
#include "LibSupport.h"

#include "sloth/stdlib/Stdlib.h"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace sloth::stdlib {

using lib::raiseError;
using vm::Thread;
using vm::Type;

namespace {

constexpr const char* kLoadedKey = "_LOADED";
constexpr const char* kPreloadKey = "_PRELOAD";
constexpr const char* kPathDefault =
    "/usr/local/share/lua/5.4/?.lua;/usr/local/share/lua/5.4/?/init.lua;"
    "/usr/local/lib/lua/5.4/?.lua;/usr/local/lib/lua/5.4/?/init.lua;"
    "./?.lua;./?/init.lua";
constexpr const char* kCpathDefault =
    "/usr/local/lib/lua/5.4/?.so;/usr/local/lib/lua/5.4/loadall.so;./?.so";
constexpr const char* kNoDynamicLibraries =
    "dynamic libraries not enabled; check your Lua installation";

std::string replaceAll(std::string_view s, std::string_view from, std::string_view to) {
  std::string out;
  std::size_t pos = 0;
  for (;;) {
    std::size_t hit = s.find(from, pos);
    if (hit == std::string_view::npos)
      break;
    out.append(s.substr(pos, hit - pos));
    out.append(to);
    pos = hit + from.size();
  }
  out.append(s.substr(pos));
  return out;
}

bool readable(const std::string& filename) {
  std::FILE* f = std::fopen(filename.c_str(), "r");
  if (f == nullptr)
    return false;
  std::fclose(f);
  return true;
}

// Pushes the first readable file of `path` with '?' replaced by `name` and returns true, or
// pushes the "no file '...'" list and returns false.
bool searchPath(Thread& L, std::string_view name, std::string_view path, std::string_view sep,
                std::string_view dirsep) {
  std::string moduleName(name);
  if (!sep.empty() && name.find(sep[0]) != std::string_view::npos)
    moduleName = replaceAll(name, sep, dirsep);
  std::string candidates = replaceAll(path, "?", moduleName);
  std::size_t start = 0;
  while (start <= candidates.size()) {
    std::size_t end = candidates.find(';', start);
    if (end == std::string::npos)
      end = candidates.size();
    std::string filename = candidates.substr(start, end - start);
    if (!filename.empty() && readable(filename)) {
      L.pushString(filename);
      return true;
    }
    start = end + 1;
  }
  L.pushString("no file '" + replaceAll(candidates, ";", "'\n\tno file '") + "'");
  return false;
}

int packageSearchPath(Thread& L) {
  std::string_view name = L.checkString(1);
  std::string_view path = L.checkString(2);
  std::string_view sep = L.optString(3, ".");
  std::string_view rep = L.optString(4, "/");
  if (searchPath(L, name, path, sep, rep))
    return 1;
  L.pushNil();
  L.insert(-2);
  return 2;
}

int packageLoadLib(Thread& L) {
  L.checkString(1);
  L.checkString(2);
  L.pushNil();
  L.pushString(kNoDynamicLibraries);
  L.pushString("absent");
  return 3;
}

// findfile: package[pname] searched for `name`; the result (or message) is pushed.
bool findFile(Thread& L, std::string_view name, const char* pname, std::string_view dirsep) {
  L.getField(vm::upvalueIndex(1), pname);
  std::string_view path;
  if (L.type(-1) != Type::String && L.type(-1) != Type::Number)
    raiseError(L, fmt::format("'package.{}' must be a string", pname));
  L.toStringView(-1, path);
  std::string pathCopy(path);
  L.pop();
  return searchPath(L, name, pathCopy, ".", dirsep);
}

[[noreturn]] void loadFailure(Thread& L, std::string_view filename) {
  std::string_view name, message;
  L.toStringView(1, name);
  L.toStringView(-1, message);
  raiseError(
      L, fmt::format("error loading module '{}' from file '{}':\n\t{}", name, filename, message));
}

int searcherPreload(Thread& L) {
  std::string name(L.checkString(1));
  L.getField(vm::kRegistryIndex, kPreloadKey);
  if (L.getField(-1, name) == Type::Nil) {
    L.pushString(fmt::format("no field package.preload['{}']", name));
    return 1;
  }
  L.pushString(":preload:");
  return 2;
}

int searcherLua(Thread& L) {
  std::string name(L.checkString(1));
  if (!findFile(L, name, "path", "/"))
    return 1;
  std::string filename(L.checkString(-1));
  if (lib::loadFile(L, filename.c_str(), "bt") != vm::Status::Ok)
    loadFailure(L, filename);
  L.pushString(filename);
  return 2;
}

int searcherC(Thread& L) {
  std::string name(L.checkString(1));
  if (!findFile(L, name, "cpath", "/"))
    return 1;
  std::string filename(L.checkString(-1));
  L.pushString(kNoDynamicLibraries);
  loadFailure(L, filename);
}

int searcherCroot(Thread& L) {
  std::string name(L.checkString(1));
  std::size_t dot = name.find('.');
  if (dot == std::string::npos)
    return 0;
  if (!findFile(L, name.substr(0, dot), "cpath", "/"))
    return 1;
  std::string filename(L.checkString(-1));
  L.pushString(kNoDynamicLibraries);
  loadFailure(L, filename);
}

// Leaves the loader and its data on the stack, or raises "module 'x' not found:...".
void findLoader(Thread& L, std::string_view name) {
  if (L.getField(vm::upvalueIndex(1), "searchers") != Type::Table)
    raiseError(L, "'package.searchers' must be a table");
  int searchers = L.top();
  std::string message;
  for (std::int64_t i = 1;; i++) {
    message += "\n\t";
    if (L.rawGetI(searchers, i) == Type::Nil) {
      L.pop();
      message.resize(message.size() - 2);
      raiseError(L, fmt::format("module '{}' not found:{}", name, message));
    }
    L.pushString(name);
    L.call(1, 2);
    if (L.isFunction(-2)) {
      L.remove(searchers);
      return;
    }
    if (L.isString(-2)) {
      L.pop();
      std::string_view piece;
      L.toStringView(-1, piece);
      message.append(piece);
      L.pop();
    } else {
      L.pop(2);
      message.resize(message.size() - 2);
    }
  }
}

int packageRequire(Thread& L) {
  std::string name(L.checkString(1));
  L.setTop(1);
  L.getField(vm::kRegistryIndex, kLoadedKey); // 2
  L.getField(2, name);
  if (L.toBoolean(-1))
    return 1; // already loaded
  L.pop();
  findLoader(L, name); // loader, data
  L.pushValue(-2);
  L.pushValue(1);
  L.pushValue(-3); // loader, data, loader, name, data
  L.call(2, 1);
  if (!L.isNil(-1))
    L.setField(2, name);
  else
    L.pop();
  if (L.getField(2, name) == Type::Nil) { // the module set no value
    L.pushBoolean(true);
    L.copy(-1, -2);
    L.setField(2, name);
  }
  L.insert(-2); // loader, result, data
  return 2;
}

// package.path / cpath from LUA_PATH_5_4 or LUA_PATH, where ";;" stands for the default.
void setPath(Thread& L, const char* field, const char* envName, const char* defaultPath) {
  const char* path = std::getenv(fmt::format("{}_5_4", envName).c_str());
  if (path == nullptr)
    path = std::getenv(envName);
  std::string value;
  if (path == nullptr) {
    value = defaultPath;
  } else {
    std::string_view p(path);
    std::size_t mark = p.find(";;");
    if (mark == std::string_view::npos) {
      value = p;
    } else {
      if (mark > 0)
        value.append(p.substr(0, mark)).append(";");
      value.append(defaultPath);
      if (mark + 2 < p.size())
        value.append(";").append(p.substr(mark + 2));
    }
  }
  L.pushString(value);
  L.setField(-2, field);
}

} // namespace

void openPackage(Thread& L) {
  L.newTable(0, 8);
  int package = L.top();
  lib::setFunctions(L, package, {{"loadlib", packageLoadLib}, {"searchpath", packageSearchPath}},
                    "package");
  // searchers, each with the package table as upvalue
  L.newTable(4, 0);
  int i = 1;
  for (vm::NativeFn searcher : {searcherPreload, searcherLua, searcherC, searcherCroot}) {
    L.pushValue(package);
    L.pushNative(searcher, 1, nullptr);
    L.rawSetI(-2, i++);
  }
  L.setField(package, "searchers");
  setPath(L, "path", "LUA_PATH", kPathDefault);
  setPath(L, "cpath", "LUA_CPATH", kCpathDefault);
  L.pushString("/\n;\n?\n!\n-\n");
  L.setField(package, "config");
  // package.loaded is registry._LOADED (shared with every library opened before or after)
  if (L.getField(vm::kRegistryIndex, kLoadedKey) != Type::Table) {
    L.pop();
    L.newTable();
    L.pushValue(-1);
    L.setField(vm::kRegistryIndex, kLoadedKey);
  }
  L.setField(package, "loaded");
  if (L.getField(vm::kRegistryIndex, kPreloadKey) != Type::Table) {
    L.pop();
    L.newTable();
    L.pushValue(-1);
    L.setField(vm::kRegistryIndex, kPreloadKey);
  }
  L.setField(package, "preload");
  L.pushValue(package);
  L.pushNative(packageRequire, 1, "require");
  L.setGlobal("require");
  L.pushValue(package);
  L.setGlobal("package");
  L.pushValue(package);
  registerLoadedModule(L, "package");
  L.pop();
}

void registerLoadedModule(Thread& L, std::string_view name) {
  if (L.getField(vm::kRegistryIndex, kLoadedKey) != Type::Table) {
    L.pop();
    L.newTable();
    L.pushValue(-1);
    L.setField(vm::kRegistryIndex, kLoadedKey);
  }
  L.insert(-2);
  L.setField(-2, name);
  L.pop();
}

} // namespace sloth::stdlib
