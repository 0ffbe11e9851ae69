// Lua bindings of the state module. Each vm::State opens the database once, on first use, and
// keeps the connection in its registry (closed by the userdata's finalizer).
#include "sloth/stdlib/modules/StateModule.h"

#include "ModuleErrors.h"
#include "StateError.h"
#include "StateStore.h"
#include "StateValueCodec.h"
#include "lib/LibSupport.h"
#include "sloth/stdlib/modules/CheckMode.h"
#include "sloth/stdlib/modules/Options.h"

#include <cmath>
#include <memory>
#include <new>

namespace sloth::stdlib {

using namespace modules;
using vm::Thread;

namespace {

constexpr const char* kStoreRegistryKey = "sloth.state_store";
constexpr const char* kStoreMetatable = "sloth.StateStore";

struct StoreBox {
  StateStore* store;
};

int closeStore(Thread& L) {
  auto* box = static_cast<StoreBox*>(L.toUserdata(1));
  delete box->store;
  box->store = nullptr;
  return 0;
}

StateStore& store(Thread& L, const char* function) {
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
  StateStore& db = store(L, function);
  bool changed =
      reportingErrors<StateError>(L, function, [&] { return db.put(key, value, ttl, dryRun); });
  return pushResult(L, changed, key);
}

int stateGet(Thread& L) {
  const char* function = "state.get";
  std::string key = keyArgument(L, function);
  StateStore& db = store(L, function);
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
  StateStore& db = store(L, function);
  L.pushBoolean(reportingErrors<StateError>(
      L, function, [&] { return db.put(key, value, std::nullopt, dryRun); }));
  return 1;
}

int stateClear(Thread& L) {
  const char* function = "state.clear";
  std::string key = keyArgument(L, function);
  bool dryRun = checkMode(L);
  StateStore& db = store(L, function);
  bool existed = reportingErrors<StateError>(L, function, [&] { return db.remove(key, dryRun); });
  return pushResult(L, existed, key);
}

} // namespace

void openState(Thread& L) {
  lib::newLibrary(
      L, "state",
      {{"set", stateSet}, {"get", stateGet}, {"changed", stateChanged}, {"clear", stateClear}});
  L.pop();
}

} // namespace sloth::stdlib
