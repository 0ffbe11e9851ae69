#include "ReliabilityCircuit.h"

#include "ModuleErrors.h"
#include "StateError.h"
#include "StateRunStore.h"
#include "StateValueCodec.h"
#include "sloth/stdlib/modules/CheckMode.h"

#include <fmt/core.h>

#include <chrono>
#include <cmath>

namespace sloth::stdlib::modules {

namespace {

constexpr const char* kCircuitsKey = "sloth.reliability.circuits";

double now() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string stateKey(const std::string& name) {
  return "reliability.circuit." + name;
}

} // namespace

void CircuitBreakers::pushCircuits() {
  if (L.getField(vm::kRegistryIndex, kCircuitsKey) == vm::Type::Table)
    return;
  L.pop();
  L.newTable();
  L.pushValue(-1);
  L.setField(vm::kRegistryIndex, kCircuitsKey);
}

CircuitBreakers::Circuit CircuitBreakers::load(const std::string& name) {
  pushCircuits();
  if (L.getField(-1, name) != vm::Type::Table) {
    L.pop();
    // First use in this run: what an earlier run left in the state database.
    StateStore& db = runStateStore(L, function);
    std::string key = stateKey(name);
    auto stored = reportingErrors<StateError>(L, function, [&] { return db.get(key); });
    if (!stored) {
      L.newTable();
    } else {
      reportingErrors<StateError>(L, function, [&] { pushStateValue(L, *stored, key); });
      if (!L.isTable(-1)) {
        L.pop();
        L.newTable();
      }
    }
    L.pushValue(-1);
    L.setField(-3, name);
  }
  Circuit circuit;
  if (L.getField(-1, "state") == vm::Type::String) {
    std::string_view state;
    L.toStringView(-1, state);
    circuit.state = std::string(state);
  }
  L.pop();
  L.getField(-1, "failures");
  circuit.failures = L.isInteger(-1) ? L.toInteger(-1) : 0;
  L.pop();
  L.getField(-1, "successes");
  circuit.successes = L.isInteger(-1) ? L.toInteger(-1) : 0;
  L.pop();
  L.getField(-1, "opened_at");
  circuit.openedAt = L.type(-1) == vm::Type::Number ? L.toNumber(-1) : 0;
  L.pop(3); // opened_at, the circuit, the circuits
  return circuit;
}

void CircuitBreakers::save(const std::string& name, const Circuit& circuit) {
  pushCircuits();
  L.newTable(0, 4);
  L.pushString(circuit.state);
  L.setField(-2, "state");
  L.pushInteger(circuit.failures);
  L.setField(-2, "failures");
  L.pushInteger(circuit.successes);
  L.setField(-2, "successes");
  L.pushNumber(circuit.openedAt);
  L.setField(-2, "opened_at");
  L.pushValue(-1);
  L.setField(-3, name);
  if (!checkMode(L)) {
    std::string key = stateKey(name);
    StateStore& db = runStateStore(L, function);
    std::string bytes =
        reportingErrors<StateError>(L, function, [&] { return encodeStateValue(L, -1, key); });
    reportingErrors<StateError>(L, function,
                                [&] { return db.put(key, bytes, std::nullopt, false); });
  }
  L.pop(2);
}

std::string CircuitBreakers::admit(const std::string& name, const CircuitPolicy& policy) {
  Circuit circuit = load(name);
  if (circuit.state != "open")
    return {};
  double remaining = circuit.openedAt + policy.timeout - now();
  if (remaining > 0)
    return fmt::format("circuit '{}' is open after {} failures in a row; calls are refused for "
                       "another {:.1f} s",
                       name, circuit.failures, std::ceil(remaining * 10) / 10);
  circuit.state = "half_open";
  circuit.successes = 0;
  save(name, circuit);
  return {};
}

void CircuitBreakers::record(const std::string& name, const CircuitPolicy& policy, bool succeeded) {
  Circuit circuit = load(name);
  if (succeeded) {
    if (circuit.state == "half_open" && ++circuit.successes < policy.successThreshold) {
      save(name, circuit);
      return;
    }
    circuit = Circuit{}; // closed, counts reset
  } else if (circuit.state == "half_open" || ++circuit.failures >= policy.failureThreshold) {
    if (circuit.state == "half_open")
      ++circuit.failures;
    circuit.state = "open";
    circuit.successes = 0;
    circuit.openedAt = now();
  }
  save(name, circuit);
}

} // namespace sloth::stdlib::modules
