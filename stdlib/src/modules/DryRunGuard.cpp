#include "sloth/stdlib/modules/DryRunGuard.h"

#include "lib/LibSupport.h"

#include "sloth/defs/Defs.h"
#include "sloth/stdlib/runtime/DryRun.h"

#include <fmt/core.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

namespace sloth::stdlib::modules {

namespace {

using runtime::predict;
using runtime::Prediction;
using vm::Thread;
using vm::Type;

// State-changing functions whose natives honour check mode and return `changed` (a boolean or a
// result table with `changed`, and `diff` when they can show one). A module adds its functions
// here once its check mode works; until then the guard refuses them in a dry run.
constexpr std::string_view kCheckModeAware[] = {
    "file.copy",   "file.create",  "file.remove",     "file.chmod",
    "file.chown",  "file.write",   "state.set",       "state.changed",
    "state.clear", "state.delete", "state.increment", "template.render",
};

// Functions that handle the dry run themselves (exec: "would run", nothing executed), and those
// that run for real because they coordinate runs and leave nothing behind (the state locks).
constexpr std::string_view kSelfReporting[] = {"exec.command", "exec.shell",   "exec.script",
                                               "state.lock",   "state.unlock", "state.with_lock"};

bool listed(std::string_view name, const auto& list) {
  return std::find(std::begin(list), std::end(list), name) != std::end(list);
}

} // namespace

// Each `function a.b(...)` of the embedded signature files whose `---@effect` (in the comment
// block above it) is write, exec or net. Methods (`a:b`) are reached through values those
// functions return, so guarding the functions guards them too.
std::vector<std::string> stateChangingFunctions() {
  std::vector<std::string> found;
  for (const EmbeddedFile& file : defs::files()) {
    std::istringstream lines{std::string(file.contents)};
    std::string effect;
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind("---@effect ", 0) == 0) {
        std::istringstream words(line.substr(11));
        words >> effect;
        continue;
      }
      if (line.rfind("function ", 0) != 0)
        continue;
      std::string name = line.substr(9, line.find('(') - 9);
      if ((effect == "write" || effect == "exec" || effect == "net") &&
          name.find(':') == std::string::npos)
        found.push_back(name);
      effect.clear();
    }
  }
  return found;
}

bool supportsDryRun(std::string_view name) {
  return listed(name, kCheckModeAware) || listed(name, kSelfReporting) || name == "os.execute" ||
         name == "infra_test.command";
}

namespace {

// Pushes the table holding the last part of a dotted name (the globals for "print") and returns
// that part; false (nothing pushed) when a table on the way is missing.
bool pushOwner(Thread& L, const std::string& dotted, std::string& last) {
  L.pushGlobalTable();
  std::size_t start = 0;
  for (std::size_t dot; (dot = dotted.find('.', start)) != std::string::npos; start = dot + 1) {
    if (L.getField(-1, dotted.substr(start, dot - start)) != Type::Table) {
      L.pop(2);
      return false;
    }
    L.remove(-2);
  }
  last = dotted.substr(start);
  return true;
}

std::string firstStringArgument(Thread& L, int nargs) {
  std::string_view text;
  for (int i = 1; i <= nargs; ++i)
    if (L.type(i) == Type::String && L.toStringView(i, text))
      return std::string(text);
  return {};
}

std::string upvalueString(Thread& L, int i) {
  std::string_view text;
  L.toStringView(vm::upvalueIndex(i), text);
  return std::string(text);
}

// upvalue 1: the function's name. Records the refusal and raises; nothing is done.
int refuseInDryRun(Thread& L) {
  std::string name = upvalueString(L, 1);
  predict(L, Prediction::Kind::CannotDryRun, name, firstStringArgument(L, L.top()),
          "no check mode yet: not run");
  L.runError(fmt::format("{}: cannot dry-run (this function has no check mode yet), so it was "
                         "not run",
                         name));
}

// upvalues: the name, the real function. Calls it (it honours check mode) and records a
// "would change" prediction when it reports a change.
int reportChanges(Thread& L) {
  std::string name = upvalueString(L, 1);
  int nargs = L.top();
  std::string target = firstStringArgument(L, nargs);
  L.pushValue(vm::upvalueIndex(2));
  L.insert(1);
  L.call(nargs, vm::kMultRet);
  if (L.top() == 0)
    return 0;
  bool changed = false;
  std::string detail;
  if (L.type(1) == Type::Boolean) {
    changed = L.toBoolean(1);
  } else if (L.isTable(1)) {
    L.getField(1, "changed");
    changed = L.toBoolean(-1);
    std::string_view text;
    if (L.getField(1, "path") == Type::String && L.toStringView(-1, text))
      target = std::string(text);
    if (L.getField(1, "diff") == Type::String && L.toStringView(-1, text))
      detail = std::string(text);
    L.pop(3);
  }
  if (changed)
    predict(L, Prediction::Kind::WouldChange, name, std::move(target), std::move(detail));
  return L.top();
}

// io.open reads for real; a mode that writes ("w", "a", "+") is refused.
int openReadOnly(Thread& L) {
  std::string_view mode = "r";
  if (L.type(2) == Type::String)
    L.toStringView(2, mode);
  if (mode.find_first_of("wa+") != std::string_view::npos) {
    predict(L, Prediction::Kind::CannotDryRun, "io.open", firstStringArgument(L, 1),
            fmt::format("mode \"{}\" writes: not opened", mode));
    L.runError(fmt::format("io.open: cannot dry-run opening '{}' with mode \"{}\" (it would "
                           "write), so it was not opened",
                           firstStringArgument(L, 1), mode));
  }
  int nargs = L.top();
  L.pushValue(vm::upvalueIndex(1));
  L.insert(1);
  L.call(nargs, vm::kMultRet);
  return L.top();
}

// os.execute cannot be predicted: it "would run", and reports success as if it had.
int executeWouldRun(Thread& L) {
  if (L.isNoneOrNil(1)) { // os.execute() asks whether a shell exists: a read
    L.pushBoolean(true);
    return 1;
  }
  predict(L, Prediction::Kind::WouldRun, "os.execute", std::string(L.checkString(1)));
  L.pushBoolean(true);
  L.pushString("exit");
  L.pushInteger(0);
  return 3;
}

// upvalue 1: the function's name. A check that runs a shell command (infra_test.command) cannot
// be predicted either: it "would run", nothing is executed, and the check counts as held.
int checkWouldRun(Thread& L) {
  predict(L, Prediction::Kind::WouldRun, upvalueString(L, 1), firstStringArgument(L, L.top()));
  return 0;
}

void replace(Thread& L, const std::string& name, vm::NativeFn guard, bool keepOriginal) {
  std::string field;
  if (!pushOwner(L, name, field))
    return;
  if (L.getField(-1, field) != Type::Function) { // declared but not bound (yet): nothing to guard
    L.pop(2);
    return;
  }
  int original = L.top();
  // A native keeps its name as a pointer: it must outlive the State (not `name`'s buffer).
  const char* nativeName = lib::persistentName(name);
  if (guard == openReadOnly) {
    L.pushValue(original);
    L.pushNative(guard, 1, nativeName);
  } else {
    L.pushString(name);
    if (keepOriginal)
      L.pushValue(original);
    L.pushNative(guard, keepOriginal ? 2 : 1, nativeName);
  }
  L.setField(-3, field);
  L.pop(2);
}

} // namespace

void guardModulesForDryRun(vm::State& state) {
  Thread& L = state.main();
  for (const std::string& name : stateChangingFunctions()) {
    if (listed(name, kSelfReporting))
      continue;
    if (name == "os.execute")
      replace(L, name, executeWouldRun, false);
    else if (name == "infra_test.command")
      replace(L, name, checkWouldRun, false);
    else if (listed(name, kCheckModeAware))
      replace(L, name, reportChanges, true);
    else
      replace(L, name, refuseInDryRun, false);
  }
  replace(L, "io.open", openReadOnly, true);
}

} // namespace sloth::stdlib::modules
