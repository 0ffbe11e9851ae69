#pragma once
// Circuit breakers by name. A circuit is closed (calls go through), open (calls are refused until
// `timeout` seconds have passed since it opened) or half-open (trial calls go through; enough
// successes close it, one failure opens it again). The circuits of a run live in the State's
// registry; each is read from the state database on its first use in the run and written back
// after every call (not in check mode), under the key "reliability.circuit.NAME", so a circuit
// opened by one run is still open for the next.

#include "sloth/vm/State.h"

#include <cstdint>
#include <string>

namespace sloth::stdlib::modules {

struct CircuitPolicy {
  std::int64_t failureThreshold = 5; // consecutive failures that open a closed circuit
  double timeout = 60;               // seconds an open circuit refuses calls
  std::int64_t successThreshold = 1; // successful trial calls that close a half-open circuit
};

class CircuitBreakers {
public:
  CircuitBreakers(vm::Thread& L, const char* function) : L(L), function(function) {}

  /// Whether a call may go through now: "" when it may (an open circuit whose timeout passed
  /// becomes half-open), else why it may not.
  std::string admit(const std::string& name, const CircuitPolicy& policy);
  /// Counts the call's outcome, opening or closing the circuit as the policy says.
  void record(const std::string& name, const CircuitPolicy& policy, bool succeeded);

private:
  struct Circuit {
    std::string state = "closed"; // "closed", "open", "half_open"
    std::int64_t failures = 0;    // consecutive
    std::int64_t successes = 0;   // trial calls while half-open
    double openedAt = 0;          // seconds since the epoch
  };
  Circuit load(const std::string& name);
  void save(const std::string& name, const Circuit& circuit);
  void pushCircuits(); // the registry table name -> circuit table

  vm::Thread& L;
  const char* function;
};

} // namespace sloth::stdlib::modules
