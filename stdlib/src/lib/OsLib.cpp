// The os library (Lua 5.4 manual §6.9, loslib.c); dates and times through the OsDate engine.
#include "LibSupport.h"

#include "sloth/stdlib/runtime/ChildProcess.h"
#include "sloth/stdlib/runtime/Runtime.h"

#include "sloth/stdlib/Stdlib.h"
#include "sloth/stdlib/text/OsDate.h"

#include <fmt/format.h>

#include <cerrno>
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <unistd.h>

namespace sloth::stdlib {

using lib::withLibErrors;
using vm::Thread;
using vm::Type;

namespace {

// Under `sloth run`, unlike system(), the command runs on the event loop in a process group of
// its own: a task's timeout or Ctrl-C kills it (system() ignores SIGINT while it waits), and
// parallel tasks go on while it runs. Its output is sloth's own stdout/stderr, as with lua5.4.
int osExecute(Thread& L) {
  if (L.isNoneOrNil(1)) {
    L.pushBoolean(std::system(nullptr) != 0); // is a shell available?
    return 1;
  }
  if (!runtime::Runtime::find(L)) { // a host without an event loop
    std::string command(L.checkString(1));
    std::fflush(nullptr);
    errno = 0;
    return lib::execResult(L, std::system(command.c_str()));
  }
  runtime::ProcessSpec spec;
  spec.argv = {"/bin/sh", "-c", std::string(L.checkString(1))};
  spec.inheritStdio = true;
  std::fflush(nullptr); // the command's output follows ours
  runtime::ProcessResult result = runtime::runProcess(L, "os.execute", spec);
  errno = 0;
  // lib::execResult takes a wait status: the signal number, or the exit code in the second byte.
  return lib::execResult(L, result.termSignal != 0 ? result.termSignal : result.exitCode << 8);
}

int osRemove(Thread& L) {
  std::string filename(L.checkString(1));
  errno = 0;
  return lib::fileResult(L, std::remove(filename.c_str()) == 0, filename.c_str());
}

int osRename(Thread& L) {
  std::string from(L.checkString(1));
  std::string to(L.checkString(2));
  errno = 0;
  return lib::fileResult(L, std::rename(from.c_str(), to.c_str()) == 0, nullptr);
}

int osTmpName(Thread& L) {
  char name[] = "/tmp/lua_XXXXXX";
  int fd = mkstemp(name);
  if (fd == -1)
    lib::raiseError(L, "unable to generate a unique filename");
  close(fd);
  L.pushString(name);
  return 1;
}

int osGetenv(Thread& L) {
  std::string name(L.checkString(1));
  const char* value = std::getenv(name.c_str());
  if (value != nullptr)
    L.pushString(value);
  else
    L.pushNil();
  return 1;
}

int osClock(Thread& L) {
  L.pushNumber(static_cast<double>(std::clock()) / static_cast<double>(CLOCKS_PER_SEC));
  return 1;
}

// l_checktime: an integer argument that fits in time_t.
std::int64_t checkTime(Thread& L, int arg) {
  return L.checkInteger(arg);
}

void setDateFields(Thread& L, const text::DateFields& fields) {
  auto set = [&L](const char* key, std::int64_t value) {
    L.pushInteger(value);
    L.setField(-2, key);
  };
  set("year", fields.year);
  set("month", fields.month);
  set("day", fields.day);
  set("hour", fields.hour);
  set("min", fields.min);
  set("sec", fields.sec);
  set("yday", fields.yday);
  set("wday", fields.wday);
  if (fields.isdst) {
    L.pushBoolean(*fields.isdst);
    L.setField(-2, "isdst");
  }
}

int osDate(Thread& L) {
  std::string_view format = L.optString(1, "%c");
  std::int64_t t =
      L.isNoneOrNil(2) ? static_cast<std::int64_t>(std::time(nullptr)) : checkTime(L, 2);
  auto result = text::osDate(format, t);
  if (const auto* s = std::get_if<std::string>(&result)) {
    L.pushString(*s);
  } else {
    L.newTable(0, 9);
    setDateFields(L, std::get<text::DateFields>(result));
  }
  return 1;
}

int osTime(Thread& L) {
  if (L.isNoneOrNil(1)) {
    L.pushInteger(static_cast<std::int64_t>(std::time(nullptr)));
    return 1;
  }
  L.checkType(1, Type::Table);
  L.setTop(1);
  // Each field read stays on the stack while the engine looks at it.
  text::OsTimeResult result = text::osTime([&L](std::string_view key) {
    L.getField(1, key);
    return lib::toLibValue(L, -1);
  });
  L.setTop(1);
  setDateFields(L, result.normalized); // Lua writes the normalised fields back
  L.pushInteger(result.time);
  return 1;
}

int osDifftime(Thread& L) {
  std::int64_t t1 = checkTime(L, 1);
  std::int64_t t2 = checkTime(L, 2);
  L.pushNumber(std::difftime(static_cast<std::time_t>(t1), static_cast<std::time_t>(t2)));
  return 1;
}

int osSetLocale(Thread& L) {
  static constexpr int kCategories[] = {LC_ALL,      LC_COLLATE, LC_CTYPE,
                                        LC_MONETARY, LC_NUMERIC, LC_TIME};
  bool query = L.isNoneOrNil(1);
  std::string locale(L.optString(1, {}));
  int option =
      lib::checkOption(L, 2, "all", {"all", "collate", "ctype", "monetary", "numeric", "time"});
  const char* result = std::setlocale(kCategories[option], query ? nullptr : locale.c_str());
  if (result != nullptr)
    L.pushString(result);
  else
    L.pushNil();
  return 1;
}

int osExit(Thread& L) {
  int status;
  if (L.type(1) == Type::Boolean)
    status = L.toBoolean(1) ? EXIT_SUCCESS : EXIT_FAILURE;
  else
    status = static_cast<int>(L.optInteger(1, EXIT_SUCCESS));
  if (runtime::Runtime* runtime = runtime::Runtime::find(L))
    runtime->beforeExit(status); // no task's command outlives the run; the history records it
  std::fflush(nullptr);
  std::exit(status);
}

} // namespace

void openOs(Thread& L) {
  lib::newLibrary(L, "os",
                  {{"clock", osClock},
                   {"date", withLibErrors<osDate>},
                   {"difftime", osDifftime},
                   {"execute", osExecute},
                   {"exit", osExit},
                   {"getenv", osGetenv},
                   {"remove", osRemove},
                   {"rename", osRename},
                   {"setlocale", osSetLocale},
                   {"time", withLibErrors<osTime>},
                   {"tmpname", osTmpName}});
  L.pop();
}

} // namespace sloth::stdlib
