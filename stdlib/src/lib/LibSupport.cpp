#include "LibSupport.h"

#include "sloth/stdlib/runtime/Logger.h"

#include "sloth/stdlib/Stdlib.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <functional>
#include <mutex>
#include <string>
#include <sys/wait.h>
#include <unordered_set>
#include <vector>

namespace sloth::stdlib::lib {

void raiseLibError(vm::Thread& L, const text::LibError& error) {
  // Copy before raising: the exception object dies while the Lua error unwinds.
  std::string message = error.message();
  if (error.argument() != 0)
    L.argError(error.argument(), message);
  L.runError(message);
}

namespace {

struct NameHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view name) const {
    return std::hash<std::string_view>{}(name);
  }
};

} // namespace

const char* persistentName(std::string_view name) {
  // Natives keep a const char* to their name; names live as long as the process, one copy for
  // every State that opens the libraries. A hash set: every run interns a few hundred names
  // before the script starts (docs/startup.md).
  static std::mutex mutex;
  static std::unordered_set<std::string, NameHash, std::equal_to<>> names;
  std::lock_guard lock(mutex);
  auto it = names.find(name);
  if (it == names.end())
    it = names.emplace(name).first;
  return it->c_str();
}

void setFunctions(vm::Thread& L, int tableIndex, std::initializer_list<LibFunction> functions,
                  std::string_view qualifier, bool ownNames) {
  int table = L.absIndex(tableIndex);
  std::string qualified(qualifier);
  qualified += '.';
  for (const LibFunction& f : functions) {
    const char* name = f.name;
    if (!qualifier.empty()) {
      qualified.resize(qualifier.size() + 1);
      name = persistentName(qualified.append(f.name));
    }
    L.pushNative(f.fn, 0, name, ownNames);
    L.setField(table, f.name);
  }
}

namespace {
void openLibraryTable(vm::Thread& L, const char* name, std::initializer_list<LibFunction> functions,
                      bool ownNames) {
  L.newTable(0, static_cast<int>(functions.size()));
  setFunctions(L, -1, functions, name, ownNames);
  L.pushValue(-1);
  L.setGlobal(name);
  L.pushValue(-1);
  registerLoadedModule(L, name);
}
} // namespace

void newLibrary(vm::Thread& L, const char* name, std::initializer_list<LibFunction> functions) {
  openLibraryTable(L, name, functions, false);
}

void newModule(vm::Thread& L, const char* name, std::initializer_list<LibFunction> functions) {
  openLibraryTable(L, name, functions, true);
}

text::LibValue toLibValue(vm::Thread& L, int index) {
  int abs = L.absIndex(index);
  switch (L.type(abs)) {
  case vm::Type::None:
  case vm::Type::Nil:
    return std::monostate{};
  case vm::Type::Boolean:
    return L.toBoolean(abs);
  case vm::Type::Number:
    if (L.isInteger(abs))
      return L.toInteger(abs);
    return L.toNumber(abs);
  case vm::Type::String: {
    std::string_view s;
    L.toStringView(abs, s);
    return s;
  }
  default:
    break;
  }
  text::OtherValue other;
  // The name outlives the call: it is a static string or a string held by the metatable.
  if (L.getMetafield(abs, "__name") == vm::Type::String) {
    std::string_view name;
    L.toStringView(-1, name);
    other.typeName = name;
    L.pop();
  } else {
    other.typeName =
        L.type(abs) == vm::Type::LightUserdata ? "light userdata" : vm::typeName(L.type(abs));
  }
  other.toString = [&L, abs] { return std::string(L.toDisplayString(abs)); };
  other.identity = L.toPointer(abs);
  return other;
}

namespace {

// One key or value of an error table: scalars as Lua would write them, tables elided.
std::string errorFieldText(vm::Thread& L, int index, bool key) {
  std::string_view text;
  switch (L.type(index)) {
  case vm::Type::String:
    L.toStringView(index, text);
    if (key && !text.empty() &&
        (std::isalpha(static_cast<unsigned char>(text[0])) || text[0] == '_') &&
        std::all_of(text.begin(), text.end(),
                    [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }))
      return std::string(text);
    return key ? fmt::format("[\"{}\"]", text) : fmt::format("\"{}\"", text);
  case vm::Type::Table:
    return key ? "[{…}]" : "{…}";
  default: {
    std::string shown(L.toDisplayString(index));
    L.pop();
    return key ? "[" + shown + "]" : shown;
  }
  }
}

} // namespace

std::string errorValueText(vm::Thread& L, int index) {
  index = L.absIndex(index);
  std::string_view text;
  if (L.type(index) == vm::Type::String && L.toStringView(index, text))
    return std::string(text);
  bool hasToString = false;
  if (L.isTable(index) && L.getMetatable(index)) {
    L.getField(-1, "__tostring");
    hasToString = !L.isNil(-1);
    L.pop(2);
  }
  if (!L.isTable(index) || hasToString) {
    std::string shown(L.toDisplayString(index));
    L.pop();
    return shown;
  }
  constexpr std::size_t kShown = 8;
  std::vector<std::string> fields;
  std::size_t count = 0;
  L.pushNil();
  while (L.next(index)) {
    std::string_view key;
    bool secret = L.type(-2) == vm::Type::String && L.toStringView(-2, key) &&
                  runtime::Logger::isSecretKey(key); // design §7: never in error text
    if (++count <= kShown)
      fields.push_back(errorFieldText(L, -2, true) + " = " +
                       (secret ? std::string("[redacted]") : errorFieldText(L, -1, false)));
    L.pop();
  }
  std::sort(fields.begin(), fields.end());
  if (count > kShown)
    fields.push_back("…");
  return fields.empty() ? "{}" : fmt::format("{{{}}}", fmt::join(fields, ", "));
}

std::string typeNameForError(vm::Thread& L, int index) {
  if (L.getMetafield(index, "__name") == vm::Type::String) {
    std::string_view name;
    L.toStringView(-1, name);
    std::string result(name);
    L.pop();
    return result;
  }
  if (L.type(index) == vm::Type::LightUserdata)
    return "light userdata";
  return basicTypeName(L, index);
}

int checkOption(vm::Thread& L, int arg, const char* def,
                std::initializer_list<const char*> options) {
  std::string_view name = def != nullptr ? L.optString(arg, def) : L.checkString(arg);
  int i = 0;
  for (const char* option : options) {
    if (name == option)
      return i;
    i++;
  }
  std::string shown(name);
  L.argError(arg, fmt::format("invalid option '{}'", shown.c_str()));
}

int fileResult(vm::Thread& L, bool ok, const char* fname) {
  int en = errno; // the calls below may change it
  if (ok) {
    L.pushBoolean(true);
    return 1;
  }
  L.pushNil();
  const char* message = en != 0 ? std::strerror(en) : "(no extra info)";
  if (fname != nullptr)
    L.pushString(fmt::format("{}: {}", fname, message));
  else
    L.pushString(message);
  L.pushInteger(en);
  return 3;
}

int execResult(vm::Thread& L, int status) {
  if (status != 0 && errno != 0)
    return fileResult(L, false, nullptr);
  const char* what = "exit";
  if (WIFEXITED(status)) {
    status = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    status = WTERMSIG(status);
    what = "signal";
  }
  if (what[0] == 'e' && status == 0)
    L.pushBoolean(true);
  else
    L.pushNil();
  L.pushString(what);
  L.pushInteger(status);
  return 3;
}

std::int64_t lengthOf(vm::Thread& L, int index) {
  L.len(index);
  bool ok = false;
  std::int64_t n = L.toInteger(-1, &ok);
  if (!ok)
    raiseError(L, "object length is not an integer");
  L.pop();
  return n;
}

void raiseError(vm::Thread& L, std::string_view message) {
  L.runError(message);
}

void ensureStack(vm::Thread& L, int n, std::string_view message) {
  if (L.top() + n > vm::kMaxStack - 1000)
    raiseError(L, fmt::format("stack overflow ({})", message));
  L.checkStack(n);
}

} // namespace sloth::stdlib::lib
