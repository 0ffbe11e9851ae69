// Lua bindings of the state module. Each vm::State opens the database once, on first use, and
// keeps the connection in its registry (closed by the userdata's finalizer).
#include "sloth/stdlib/modules/StateModule.h"

#include "ModuleErrors.h"
#include "StateError.h"
#include "StateRunStore.h"
#include "StateValueCodec.h"
#include "lib/LibSupport.h"
#include "sloth/stdlib/modules/CheckMode.h"
#include "sloth/stdlib/modules/Options.h"
#include "sloth/stdlib/runtime/Sleep.h"

#include <fmt/core.h>

#include <chrono>
#include <cmath>
#include <memory>
#include <new>

namespace sloth::stdlib {

namespace modules {

namespace {

constexpr const char* kStoreRegistryKey = "sloth.state_store";
constexpr const char* kStoreMetatable = "sloth.StateStore";

struct StoreBox {
  StateStore* store;
};

int closeStore(vm::Thread& L) {
  auto* box = static_cast<StoreBox*>(L.toUserdata(1));
  if (box->store)
    box->store->unlockAll(); // a run that ends (or fails) holding a lock lets it go
  delete box->store;
  box->store = nullptr;
  return 0;
}

} // namespace

StateStore& runStateStore(vm::Thread& L, const char* function) {
  if (L.getField(vm::kRegistryIndex, kStoreRegistryKey) == vm::Type::Userdata) {
    auto* box = static_cast<StoreBox*>(L.toUserdata(-1));
    L.pop();
    return *box->store;
  }
  L.pop();
  auto opened = reportingErrors<StateError>(
      L, function, [] { return std::make_unique<StateStore>(StateStore::defaultPath()); });
  auto* box = static_cast<StoreBox*>(L.newUserdata(sizeof(StoreBox)));
  box->store = opened.release();
  if (L.newMetatable(kStoreMetatable)) {
    L.pushNative(closeStore, 0, "state.close");
    L.setField(-2, "__gc");
  }
  L.setMetatable(-2);
  L.setField(vm::kRegistryIndex, kStoreRegistryKey);
  return *box->store;
}

} // namespace modules

using namespace modules;
using vm::Thread;

namespace {

std::string keyArgument(Thread& L, const char* function) {
  std::string_view key = L.checkString(1);
  if (key.empty())
    L.runError(std::string(function) + ": the key is empty");
  return std::string(key);
}

std::string valueArgument(Thread& L, int arg, const std::string& key, const char* function) {
  if (L.isNoneOrNil(arg))
    L.runError(std::string(function) + ": no value for '" + key +
               "' (to remove a key, use state.clear)");
  return reportingErrors<StateError>(L, function, [&] { return encodeStateValue(L, arg, key); });
}

int pushResult(Thread& L, bool changed, const std::string& key) {
  L.newTable(0, 2);
  L.pushBoolean(changed);
  L.setField(-2, "changed");
  L.pushString(key);
  L.setField(-2, "key");
  return 1;
}

int stateSet(Thread& L) {
  const char* function = "state.set";
  std::string key = keyArgument(L, function);
  std::string value = valueArgument(L, 2, key, function);
  Options options(L, 3, function, {"ttl"});
  std::optional<double> ttl = options.number("ttl");
  if (ttl && !(*ttl > 0 && std::isfinite(*ttl)))
    L.runError(std::string(function) + ": option 'ttl' must be a positive number of seconds");
  bool dryRun = checkMode(L);
  StateStore& db = runStateStore(L, function);
  bool changed =
      reportingErrors<StateError>(L, function, [&] { return db.put(key, value, ttl, dryRun); });
  return pushResult(L, changed, key);
}

int stateGet(Thread& L) {
  const char* function = "state.get";
  std::string key = keyArgument(L, function);
  StateStore& db = runStateStore(L, function);
  reportingErrors<StateError>(L, function, [&] {
    if (auto value = db.get(key))
      pushStateValue(L, *value, key);
    else
      L.pushNil();
  });
  return 1;
}

int stateChanged(Thread& L) {
  const char* function = "state.changed";
  std::string key = keyArgument(L, function);
  std::string value = valueArgument(L, 2, key, function);
  bool dryRun = checkMode(L);
  StateStore& db = runStateStore(L, function);
  L.pushBoolean(reportingErrors<StateError>(
      L, function, [&] { return db.put(key, value, std::nullopt, dryRun); }));
  return 1;
}

int stateClear(Thread& L) {
  const char* function = "state.clear";
  std::string key = keyArgument(L, function);
  bool dryRun = checkMode(L);
  StateStore& db = runStateStore(L, function);
  bool existed = reportingErrors<StateError>(L, function, [&] { return db.remove(key, dryRun); });
  return pushResult(L, existed, key);
}

int stateExists(Thread& L) {
  const char* function = "state.exists";
  std::string key = keyArgument(L, function);
  StateStore& db = runStateStore(L, function);
  L.pushBoolean(reportingErrors<StateError>(L, function, [&] { return db.get(key).has_value(); }));
  return 1;
}

int stateKeys(Thread& L) {
  const char* function = "state.keys";
  std::string prefix(L.optString(1, ""));
  StateStore& db = runStateStore(L, function);
  auto keys = reportingErrors<StateError>(L, function, [&] { return db.keys(prefix); });
  L.newTable(static_cast<int>(keys.size()), 0);
  std::int64_t i = 1;
  for (const std::string& key : keys) {
    L.pushString(key);
    L.rawSetI(-2, i++);
  }
  return 1;
}

int stateIncrement(Thread& L) {
  const char* function = "state.increment";
  std::string key = keyArgument(L, function);
  if (!L.isNoneOrNil(2) && L.type(2) != vm::Type::Number)
    L.runError(std::string(function) + ": the amount must be a number, got " +
               std::string(L.typeNameAt(2)));
  int by = L.top() + 1;
  if (L.isNoneOrNil(2))
    L.pushInteger(1);
  else
    L.pushValue(2);
  bool dryRun = checkMode(L);
  StateStore& db = runStateStore(L, function);
  // The sum is Lua's (integers stay integers, wrapping; a float makes a float), computed inside
  // the store's transaction so two processes incrementing at once both count.
  std::string updated = reportingErrors<StateError>(L, function, [&] {
    return db.update(
        key,
        [&](const std::optional<std::string>& current) {
          if (!current) {
            L.pushInteger(0);
          } else {
            pushStateValue(L, *current, key);
            if (L.type(-1) != vm::Type::Number)
              throw StateError("'" + key + "' holds a " + std::string(L.typeNameAt(-1)) +
                               ", not a number");
          }
          L.pushValue(by);
          L.arith(vm::ArithOp::Add);
          std::string encoded = encodeStateValue(L, -1, key);
          L.pop();
          return encoded;
        },
        dryRun);
  });
  pushResult(L, !(L.toNumber(by) == 0), key);
  pushStateValue(L, updated, key);
  L.setField(-2, "value");
  return 1;
}

// ---- locks ----

std::string lockName(Thread& L, const char* function) {
  std::string_view name = L.checkString(1);
  if (name.empty())
    L.runError(std::string(function) + ": the lock name is empty");
  return std::string(name);
}

std::optional<double> lockTimeout(Thread& L, int arg, const char* function) {
  Options options(L, arg, function, {"timeout"});
  std::optional<double> timeout = options.number("timeout");
  if (timeout && !(*timeout >= 0 && std::isfinite(*timeout)))
    L.runError(std::string(function) + ": option 'timeout' must be a number of seconds >= 0");
  return timeout;
}

// Waits for the lock on the event loop (other tasks run meanwhile), polling the database with
// a growing interval; raises when `timeout` seconds pass first. Locks are taken in check mode
// too: they coordinate runs and leave nothing behind.
void acquireLock(Thread& L, const char* function, const std::string& name,
                 std::optional<double> timeout) {
  StateStore& db = runStateStore(L, function);
  auto start = std::chrono::steady_clock::now();
  double interval = 0.01;
  for (;;) {
    std::string holder;
    if (reportingErrors<StateError>(L, function, [&] { return db.tryLock(name, &holder); }))
      return;
    double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (timeout && waited >= *timeout)
      L.runError(std::string(function) + ": lock '" + name + "' is still held by " + holder +
                 " after " + fmt::format("{:g}", *timeout) + " s");
    double pause = interval;
    if (timeout)
      pause = std::min(pause, *timeout - waited);
    runtime::sleepFor(L, pause);
    interval = std::min(interval * 2, 0.2);
  }
}

int pushLockResult(Thread& L, bool changed, const std::string& name) {
  L.newTable(0, 2);
  L.pushBoolean(changed);
  L.setField(-2, "changed");
  L.pushString(name);
  L.setField(-2, "name");
  return 1;
}

int stateLock(Thread& L) {
  const char* function = "state.lock";
  std::string name = lockName(L, function);
  acquireLock(L, function, name, lockTimeout(L, 2, function));
  return pushLockResult(L, true, name);
}

int stateUnlock(Thread& L) {
  const char* function = "state.unlock";
  std::string name = lockName(L, function);
  StateStore& db = runStateStore(L, function);
  std::string holder;
  bool released =
      reportingErrors<StateError>(L, function, [&] { return db.unlock(name, &holder); });
  if (!released && !holder.empty())
    L.runError(std::string(function) + ": lock '" + name + "' is held by " + holder +
               ", not by this run");
  return pushLockResult(L, released, name);
}

int stateWithLock(Thread& L) {
  const char* function = "state.with_lock";
  std::string name = lockName(L, function);
  L.checkType(2, vm::Type::Function);
  std::optional<double> timeout = lockTimeout(L, 3, function);
  L.setTop(2);
  acquireLock(L, function, name, timeout);
  // Released however fn ends: returning, raising, or its task being cancelled (which unwinds
  // this frame).
  StateStore& db = runStateStore(L, function);
  struct Release {
    StateStore& db;
    const std::string& name;
    ~Release() {
      try {
        db.unlock(name, nullptr);
      } catch (const StateError&) {
        // The database went away; the lock frees itself when this process ends.
      }
    }
  } release{db, name};
  L.pushValue(2);
  L.call(0, vm::kMultRet);
  return L.top() - 2;
}

} // namespace

void openState(Thread& L) {
  lib::newModule(L, "state",
                 {{"set", stateSet},
                  {"get", stateGet},
                  {"changed", stateChanged},
                  {"clear", stateClear},
                  {"delete", stateClear},
                  {"exists", stateExists},
                  {"keys", stateKeys},
                  {"increment", stateIncrement},
                  {"lock", stateLock},
                  {"unlock", stateUnlock},
                  {"with_lock", stateWithLock}});
  L.pop();
}

} // namespace sloth::stdlib
