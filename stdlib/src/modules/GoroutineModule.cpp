// goroutine.parallel (stdlib/defs/goroutine.lua): runs functions as coroutines on the event loop
// and waits for all of them; a function waiting on a process or timer lets the others run.
#include "sloth/stdlib/Modules.h"
#include "sloth/stdlib/Stdlib.h"
#include "sloth/stdlib/runtime/Runtime.h"

#include "runtime/Options.h"

#include <fmt/core.h>

#include <limits>
#include <memory>

namespace sloth::stdlib {

using runtime::Runtime;
using vm::Thread;
using vm::Type;

namespace {

struct ParallelRun {
  std::size_t total = 0;
  std::size_t started = 0;
  std::size_t finished = 0;
  std::size_t maxConcurrent = 0;
  std::string firstError;
  std::shared_ptr<runtime::Wait> allDone = std::make_shared<runtime::Wait>();
};

// Starts the next function of the list at stack index `functions` (results into `results`).
void startNext(Thread& L, Runtime& rt, const std::shared_ptr<ParallelRun>& run, int functions,
               int results) {
  std::size_t i = ++run->started;
  L.pushValue(results);
  L.pushInteger(static_cast<std::int64_t>(i));
  L.rawGetI(functions, static_cast<std::int64_t>(i));
  L.pushValue(functions);
  rt.spawn(
      L, 4, rt.currentGroup(),
      [](Thread& co) {
        // Stack: results, i, function, functions.
        co.pushValue(3);
        co.call(0, 1);
        co.rawSetI(1, co.toInteger(2));
      },
      [&rt, run, &L, functions, results](bool ok, const std::string& error) {
        ++run->finished;
        if (!ok && run->firstError.empty())
          run->firstError = error;
        if (run->started < run->total)
          startNext(L, rt, run, functions, results);
        if (run->finished == run->total)
          rt.complete(run->allDone);
      });
}

int parallel(Thread& L) {
  constexpr std::string_view kName = "goroutine.parallel";
  Runtime& rt = Runtime::of(L);
  L.checkType(1, Type::Table);
  std::size_t maxConcurrent = std::numeric_limits<std::size_t>::max();
  int functions = 1;
  L.getField(1, "tasks");
  if (!L.isNil(-1)) {
    // The options form: {tasks = {...}, max_concurrent = n}.
    runtime::checkOptionKeys(L, 1, kName, {"tasks", "max_concurrent"});
    if (!L.isTable(-1))
      L.runError(fmt::format("{}: option 'tasks' must be a list of functions, got {}", kName,
                             L.typeNameAt(-1)));
    functions = L.top();
    if (auto n = runtime::numberOption(L, 1, "max_concurrent", kName)) {
      if (*n < 1)
        L.runError(fmt::format("{}: option 'max_concurrent' must be >= 1", kName));
      maxConcurrent = static_cast<std::size_t>(*n);
    }
  } else {
    L.pop();
  }
  auto run = std::make_shared<ParallelRun>();
  run->total = L.rawLen(functions);
  for (std::size_t i = 1; i <= run->total; ++i) {
    if (L.rawGetI(functions, static_cast<std::int64_t>(i)) != Type::Function)
      L.runError(fmt::format("{}: item {} is a {}, not a function", kName, i, L.typeNameAt(-1)));
    L.pop();
  }
  L.newTable(static_cast<int>(run->total), 0);
  int results = L.top();
  if (run->total == 0)
    return 1;
  // The stack of this native holds `functions` and `results` until every coroutine ended.
  std::size_t first = std::min(run->total, maxConcurrent);
  for (std::size_t i = 0; i < first; ++i)
    startNext(L, rt, run, functions, results);
  rt.await(L, run->allDone);
  if (!run->firstError.empty()) {
    L.pushString(run->firstError); // already names where it was raised
    L.error();
  }
  L.pushValue(results);
  return 1;
}

} // namespace

void openGoroutine(Thread& L) {
  L.newTable();
  L.pushNative(parallel, 0, "goroutine.parallel", true);
  L.setField(-2, "parallel");
  L.pushValue(-1);
  L.setGlobal("goroutine");
  registerLoadedModule(L, "goroutine");
}

} // namespace sloth::stdlib
