// The io library (Lua 5.4 manual §6.8, liolib.c): file handles are userdata of type "FILE*"
// wrapping C streams, so io.write, print and the standard streams share stdout's buffer.
#include "LibSupport.h"
#include "StandardStreams.h"

#include "sloth/stdlib/Stdlib.h"
#include "sloth/stdlib/text/LuaNumber.h"

#include <fmt/format.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

namespace sloth::stdlib {

using lib::raiseError;
using vm::Thread;
using vm::Type;

namespace {

constexpr const char* kFileHandle = "FILE*";
constexpr const char* kInputKey = "_IO_input";
constexpr const char* kOutputKey = "_IO_output";
constexpr int kMaxArgLine = 250;               // most formats io.lines/file:lines accept
constexpr std::size_t kBufferSize = 16 * 1024; // LUAL_BUFFERSIZE-sized reads

// A file handle (liolib.c LStream). closeFn null marks a closed handle.
struct Stream {
  std::FILE* f;
  vm::NativeFn closeFn;
};

Stream& toStream(Thread& L, int arg = 1) {
  return *static_cast<Stream*>(L.checkUserdata(arg, kFileHandle));
}

bool isClosed(const Stream& s) {
  return s.closeFn == nullptr;
}

std::FILE* toFile(Thread& L) {
  Stream& s = toStream(L);
  if (isClosed(s))
    raiseError(L, "attempt to use a closed file");
  return s.f;
}

// A new handle, closed until its opener sets closeFn; pushed on the stack.
Stream& newPreFile(Thread& L) {
  auto* s = static_cast<Stream*>(L.newUserdata(sizeof(Stream)));
  s->f = nullptr;
  s->closeFn = nullptr;
  L.getField(vm::kRegistryIndex, kFileHandle);
  L.setMetatable(-2);
  return *s;
}

int closeFile(Thread& L) {
  Stream& s = toStream(L);
  errno = 0;
  int result = std::fclose(s.f);
  return lib::fileResult(L, result == 0, nullptr);
}

int closePipe(Thread& L) {
  Stream& s = toStream(L);
  errno = 0;
  return lib::execResult(L, pclose(s.f));
}

int noClose(Thread& L) {
  Stream& s = toStream(L);
  s.closeFn = noClose; // standard files stay open
  L.pushNil();
  L.pushString("cannot close standard file");
  return 2;
}

Stream& newFile(Thread& L) {
  Stream& s = newPreFile(L);
  s.closeFn = closeFile;
  return s;
}

void openCheckedFile(Thread& L, const std::string& filename, const char* mode) {
  Stream& s = newFile(L);
  errno = 0;
  s.f = std::fopen(filename.c_str(), mode);
  if (s.f == nullptr)
    raiseError(L, fmt::format("cannot open file '{}' ({})", filename, std::strerror(errno)));
}

int auxClose(Thread& L) {
  Stream& s = toStream(L);
  vm::NativeFn close = s.closeFn;
  s.closeFn = nullptr;
  return close(L);
}

int fileClose(Thread& L) {
  toFile(L);
  return auxClose(L);
}

int fileGc(Thread& L) {
  Stream& s = toStream(L);
  if (!isClosed(s) && s.f != nullptr)
    auxClose(L);
  return 0;
}

int fileToString(Thread& L) {
  Stream& s = toStream(L);
  if (isClosed(s))
    L.pushString("file (closed)");
  else
    L.pushString(fmt::format("file ({})", static_cast<const void*>(s.f)));
  return 1;
}

bool validMode(std::string_view mode) {
  if (mode.empty() || std::string_view("rwa").find(mode[0]) == std::string_view::npos)
    return false;
  mode.remove_prefix(1);
  if (!mode.empty() && mode[0] == '+')
    mode.remove_prefix(1);
  return mode.find_first_not_of('b') == std::string_view::npos;
}

int ioOpen(Thread& L) {
  std::string filename(L.checkString(1));
  std::string mode(L.optString(2, "r"));
  Stream& s = newFile(L);
  if (!validMode(mode))
    L.argError(2, "invalid mode");
  errno = 0;
  s.f = std::fopen(filename.c_str(), mode.c_str());
  return s.f == nullptr ? lib::fileResult(L, false, filename.c_str()) : 1;
}

int ioPopen(Thread& L) {
  std::string command(L.checkString(1));
  std::string mode(L.optString(2, "r"));
  Stream& s = newPreFile(L);
  if (mode != "r" && mode != "w")
    L.argError(2, "invalid mode");
  errno = 0;
  std::fflush(nullptr);
  s.f = popen(command.c_str(), mode.c_str());
  s.closeFn = closePipe;
  return s.f == nullptr ? lib::fileResult(L, false, command.c_str()) : 1;
}

int ioTmpfile(Thread& L) {
  Stream& s = newFile(L);
  errno = 0;
  s.f = std::tmpfile();
  return s.f == nullptr ? lib::fileResult(L, false, nullptr) : 1;
}

int ioType(Thread& L) {
  L.checkAny(1);
  auto* s = static_cast<Stream*>(L.testUserdata(1, kFileHandle));
  if (s == nullptr)
    L.pushNil();
  else
    L.pushString(isClosed(*s) ? "closed file" : "file");
  return 1;
}

int ioClose(Thread& L) {
  if (L.isNone(1))
    L.getField(vm::kRegistryIndex, kOutputKey);
  return fileClose(L);
}

// The default input or output file, pushed; "default input file is closed" when it is.
std::FILE* defaultFile(Thread& L, const char* key) {
  L.getField(vm::kRegistryIndex, key);
  auto* s = static_cast<Stream*>(L.toUserdata(-1));
  if (s == nullptr || isClosed(*s))
    raiseError(L, fmt::format("default {} file is closed", key == kInputKey ? "input" : "output"));
  return s->f;
}

int setDefaultFile(Thread& L, const char* key, const char* mode) {
  if (!L.isNoneOrNil(1)) {
    std::string_view filename;
    if (L.type(1) == Type::String || L.type(1) == Type::Number) {
      L.toStringView(1, filename);
      openCheckedFile(L, std::string(filename), mode);
    } else {
      toFile(L);
      L.pushValue(1);
    }
    L.setField(vm::kRegistryIndex, key);
  }
  L.getField(vm::kRegistryIndex, key);
  return 1;
}

int ioInput(Thread& L) {
  return setDefaultFile(L, kInputKey, "r");
}

int ioOutput(Thread& L) {
  return setDefaultFile(L, kOutputKey, "w");
}

// ---- reading ----

// liolib.c read_number: reads the longest prefix that can start a numeral (at most 200
// characters), then converts it like tonumber.
bool readNumber(Thread& L, std::FILE* f) {
  constexpr int kMaxLength = 200;
  std::string buffer;
  bool overflow = false;
  int c;
  auto next = [&]() {
    if (buffer.size() >= kMaxLength) {
      overflow = true;
      return false;
    }
    buffer += static_cast<char>(c);
    c = std::getc(f);
    return true;
  };
  auto test2 = [&](const char* set) { return (c == set[0] || c == set[1]) && next(); };
  auto readDigits = [&](bool hex) {
    int count = 0;
    while ((hex ? std::isxdigit(c) : std::isdigit(c)) && next())
      count++;
    return count;
  };
  do {
    c = std::getc(f);
  } while (std::isspace(c));
  int count = 0;
  bool hex = false;
  test2("-+");
  if (test2("00")) {
    if (test2("xX"))
      hex = true;
    else
      count = 1;
  }
  count += readDigits(hex);
  if (test2(".."))
    count += readDigits(hex);
  if (count > 0 && test2(hex ? "pP" : "eE")) {
    test2("-+");
    readDigits(false);
  }
  std::ungetc(c, f);
  auto number = overflow ? std::nullopt : text::stringToNumber(buffer);
  if (!number) {
    L.pushNil();
    return false;
  }
  if (const auto* i = std::get_if<std::int64_t>(&*number))
    L.pushInteger(*i);
  else
    L.pushNumber(std::get<double>(*number));
  return true;
}

bool readLine(Thread& L, std::FILE* f, bool chop) {
  std::string line;
  int c;
  while ((c = std::getc(f)) != EOF && c != '\n')
    line += static_cast<char>(c);
  if (!chop && c == '\n')
    line += '\n';
  L.pushString(line);
  return c == '\n' || !line.empty();
}

void readAll(Thread& L, std::FILE* f) {
  std::string content;
  char buffer[kBufferSize];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0)
    content.append(buffer, n);
  L.pushString(content);
}

bool readChars(Thread& L, std::FILE* f, std::uint64_t count) {
  std::string content;
  char buffer[kBufferSize];
  while (count > 0) {
    std::size_t want = count < sizeof buffer ? static_cast<std::size_t>(count) : sizeof buffer;
    std::size_t n = std::fread(buffer, 1, want, f);
    content.append(buffer, n);
    count -= n;
    if (n < want)
      break;
  }
  L.pushString(content);
  return !content.empty();
}

bool testEof(Thread& L, std::FILE* f) {
  int c = std::getc(f);
  std::ungetc(c, f);
  L.pushString("");
  return c != EOF;
}

// g_read: the formats are the arguments from `first` on.
int readFormats(Thread& L, std::FILE* f, int first) {
  int nargs = L.top() - first + 1;
  std::clearerr(f);
  bool success = true;
  int n;
  if (nargs == 0) {
    success = readLine(L, f, true);
    n = first + 1;
  } else {
    lib::ensureStack(L, nargs + vm::kMinStack, "too many arguments");
    for (n = first; nargs-- > 0 && success; n++) {
      if (L.type(n) == Type::Number) {
        auto count = static_cast<std::uint64_t>(L.checkInteger(n));
        success = count == 0 ? testEof(L, f) : readChars(L, f, count);
      } else {
        std::string_view p = L.checkString(n);
        if (p.starts_with("*"))
          p.remove_prefix(1); // Lua 5.1's "*l" spelling
        switch (p.empty() ? '\0' : p[0]) {
        case 'n':
          success = readNumber(L, f);
          break;
        case 'l':
          success = readLine(L, f, true);
          break;
        case 'L':
          success = readLine(L, f, false);
          break;
        case 'a':
          readAll(L, f);
          success = true;
          break;
        default:
          L.argError(n, "invalid format");
        }
      }
    }
  }
  if (std::ferror(f))
    return lib::fileResult(L, false, nullptr);
  if (!success) {
    L.pop();
    L.pushNil();
  }
  return n - first;
}

int ioRead(Thread& L) {
  std::FILE* f = defaultFile(L, kInputKey);
  L.pop(); // the formats must be the last arguments
  return readFormats(L, f, 1);
}

int fileRead(Thread& L) {
  return readFormats(L, toFile(L), 2);
}

// The iterator of lines(): upvalues are the file, the number of formats, whether to close the
// file at the end, and the formats.
int readLineStep(Thread& L) {
  auto& s = *static_cast<Stream*>(L.toUserdata(vm::upvalueIndex(1)));
  auto n = static_cast<int>(L.toInteger(vm::upvalueIndex(2)));
  if (isClosed(s))
    raiseError(L, "file is already closed");
  L.setTop(1);
  lib::ensureStack(L, n, "too many arguments");
  for (int i = 1; i <= n; i++)
    L.pushValue(vm::upvalueIndex(3 + i));
  n = readFormats(L, s.f, 2);
  if (L.toBoolean(-n))
    return n;
  if (n > 1) { // an error: its message is the second result
    std::string_view message;
    L.toStringView(-n + 1, message);
    raiseError(L, std::string(message));
  }
  if (L.toBoolean(vm::upvalueIndex(3))) { // close the file at the end
    L.setTop(0);
    L.pushValue(vm::upvalueIndex(1));
    auxClose(L);
  }
  return 0;
}

void pushLinesIterator(Thread& L, bool closeAtEnd) {
  int n = L.top() - 1; // the formats
  if (n > kMaxArgLine)
    L.argError(kMaxArgLine + 2, "too many arguments");
  L.pushValue(1);
  L.pushInteger(n);
  L.pushBoolean(closeAtEnd);
  for (int i = 2; i <= n + 1; i++)
    L.pushValue(i);
  L.pushNative(readLineStep, 3 + n, nullptr);
}

int fileLines(Thread& L) {
  toFile(L);
  pushLinesIterator(L, false);
  return 1;
}

int ioLines(Thread& L) {
  if (L.isNone(1))
    L.pushNil();
  bool closeAtEnd;
  if (L.isNil(1)) {
    L.getField(vm::kRegistryIndex, kInputKey);
    L.replace(1);
    toFile(L);
    closeAtEnd = false;
  } else {
    std::string filename(L.checkString(1));
    openCheckedFile(L, filename, "r");
    L.replace(1);
    closeAtEnd = true;
  }
  pushLinesIterator(L, closeAtEnd);
  if (!closeAtEnd)
    return 1;
  L.pushNil();
  L.pushNil();
  L.pushValue(1); // the file is the to-be-closed value of a generic for
  return 4;
}

// ---- writing ----

// A number as io.write writes it: "%.14g" for floats, as lua5.4 does (tostring would say "2.0").
std::string_view numberText(Thread& L, int index, char (&buffer)[64]) {
  int n = L.isInteger(index) ? std::snprintf(buffer, sizeof buffer, "%lld",
                                             static_cast<long long>(L.toInteger(index)))
                             : std::snprintf(buffer, sizeof buffer, "%.14g", L.toNumber(index));
  return std::string_view(buffer, static_cast<std::size_t>(n));
}

// g_write: writes the arguments from `arg` to the one below the top; the file on the top is
// returned on success.
int writeValues(Thread& L, std::FILE* f, int arg) {
  int nargs = L.top() - arg;
  char number[64];
  auto valueText = [&](int i) {
    return L.type(i) == Type::Number ? numberText(L, i, number) : L.checkString(i);
  };
  if (lib::mayDivert(f)) { // a task's output: one call's values, one text for its view
    std::string text;
    for (int i = arg; i < arg + nargs; ++i)
      text += valueText(i);
    if (lib::divertedToHook(L, f, text))
      return 1;
  }
  bool ok = true;
  for (int i = arg; i < arg + nargs; ++i) {
    std::string_view s = valueText(i);
    ok = ok && std::fwrite(s.data(), 1, s.size(), f) == s.size();
  }
  if (ok)
    return 1;
  return lib::fileResult(L, false, nullptr);
}

int ioWrite(Thread& L) {
  std::FILE* f = defaultFile(L, kOutputKey);
  return writeValues(L, f, 1);
}

int fileWrite(Thread& L) {
  std::FILE* f = toFile(L);
  L.pushValue(1);
  return writeValues(L, f, 2);
}

int fileSeek(Thread& L) {
  static constexpr int kWhence[] = {SEEK_SET, SEEK_CUR, SEEK_END};
  std::FILE* f = toFile(L);
  int op = lib::checkOption(L, 2, "cur", {"set", "cur", "end"});
  std::int64_t offset = L.optInteger(3, 0);
  errno = 0;
  if (fseeko(f, static_cast<off_t>(offset), kWhence[op]) != 0)
    return lib::fileResult(L, false, nullptr);
  L.pushInteger(static_cast<std::int64_t>(ftello(f)));
  return 1;
}

int fileSetvbuf(Thread& L) {
  static constexpr int kModes[] = {_IONBF, _IOFBF, _IOLBF};
  std::FILE* f = toFile(L);
  int op = lib::checkOption(L, 2, nullptr, {"no", "full", "line"});
  std::int64_t size = L.optInteger(3, static_cast<std::int64_t>(kBufferSize));
  errno = 0;
  int result = std::setvbuf(f, nullptr, kModes[op], static_cast<std::size_t>(size));
  return lib::fileResult(L, result == 0, nullptr);
}

int ioFlush(Thread& L) {
  std::FILE* f = defaultFile(L, kOutputKey);
  errno = 0;
  return lib::fileResult(L, std::fflush(f) == 0, nullptr);
}

int fileFlush(Thread& L) {
  std::FILE* f = toFile(L);
  errno = 0;
  return lib::fileResult(L, std::fflush(f) == 0, nullptr);
}

void createFileMetatable(Thread& L) {
  L.newMetatable(kFileHandle); // sets __name = "FILE*"
  lib::setFunctions(L, -1, {{"__gc", fileGc}, {"__close", fileGc}, {"__tostring", fileToString}},
                    {});
  L.newTable(0, 7);
  // Unnamed, as in Lua: a method called without a call-site name shows as '?' in messages.
  for (const lib::LibFunction& f : {lib::LibFunction{"close", fileClose},
                                    {"flush", fileFlush},
                                    {"lines", fileLines},
                                    {"read", fileRead},
                                    {"seek", fileSeek},
                                    {"setvbuf", fileSetvbuf},
                                    {"write", fileWrite}}) {
    L.pushNative(f.fn, 0, nullptr);
    L.setField(-2, f.name);
  }
  L.setField(-2, "__index");
  L.pop();
}

void createStandardFile(Thread& L, std::FILE* f, const char* registryKey, const char* name) {
  Stream& s = newPreFile(L);
  s.f = f;
  s.closeFn = noClose;
  if (registryKey != nullptr) {
    L.pushValue(-1);
    L.setField(vm::kRegistryIndex, registryKey);
  }
  L.setField(-2, name);
}

} // namespace

void openIo(Thread& L) {
  createFileMetatable(L);
  lib::newLibrary(L, "io",
                  {{"close", ioClose},
                   {"flush", ioFlush},
                   {"input", ioInput},
                   {"lines", ioLines},
                   {"open", ioOpen},
                   {"output", ioOutput},
                   {"popen", ioPopen},
                   {"read", ioRead},
                   {"tmpfile", ioTmpfile},
                   {"type", ioType},
                   {"write", ioWrite}});
  createStandardFile(L, stdin, kInputKey, "stdin");
  createStandardFile(L, stdout, kOutputKey, "stdout");
  createStandardFile(L, stderr, nullptr, "stderr");
  L.pop();
}

} // namespace sloth::stdlib
