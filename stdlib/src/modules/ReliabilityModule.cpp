// Lua bindings of the reliability module: retry, circuit_breaker and timeout around a function.
#include "sloth/stdlib/modules/ReliabilityModule.h"

#include "ReliabilityCircuit.h"
#include "lib/LibSupport.h"
#include "sloth/stdlib/modules/Options.h"
#include "sloth/stdlib/runtime/Runtime.h"
#include "sloth/stdlib/runtime/Sleep.h"

#include <boost/asio/steady_timer.hpp>
#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <random>

namespace sloth::stdlib {

using namespace modules;
using runtime::Runtime;
using vm::Thread;
using vm::Type;

namespace {

// A number option that must lie in [low, high] (integral when `integer`); `fallback` when absent.
double boundedOption(Thread& L, Options& options, const char* function, const char* key,
                     double fallback, double low, double high, bool integer = false) {
  std::optional<double> value = options.number(key);
  if (!value)
    return fallback;
  bool ok = std::isfinite(*value) && *value >= low && *value <= high &&
            (!integer || std::floor(*value) == *value);
  if (!ok) {
    std::string range = high == HUGE_VAL ? fmt::format(">= {:g}", low)
                                         : fmt::format("between {:g} and {:g}", low, high);
    L.runError(fmt::format("{}: option '{}' must be {} {}, got {:g}", function, key,
                           integer ? "an integer" : "a number", range, *value));
  }
  return *value;
}

// ---- retry ----

struct RetryPolicy {
  int attempts = 3;
  double initialDelay = 1;
  double maxDelay = 30;
  double factor = 2;
  double jitter = 0; // each wait varies by up to this fraction, either way
};

double jittered(double delay, double jitter, double maxDelay) {
  if (jitter <= 0)
    return delay;
  static thread_local std::mt19937_64 random{std::random_device{}()};
  std::uniform_real_distribution<double> spread(-jitter, jitter);
  return std::clamp(delay * (1 + spread(random)), 0.0, maxDelay);
}

int reliabilityRetry(Thread& L) {
  const char* function = "reliability.retry";
  L.checkType(1, Type::Function);
  Options options(L, 2, function,
                  {"max_attempts", "initial_delay", "max_delay", "backoff_factor", "jitter"});
  RetryPolicy policy;
  policy.attempts =
      static_cast<int>(boundedOption(L, options, function, "max_attempts", 3, 1, 1000000, true));
  policy.initialDelay = boundedOption(L, options, function, "initial_delay", 1, 0, HUGE_VAL);
  policy.maxDelay = boundedOption(L, options, function, "max_delay", 30, 0, HUGE_VAL);
  policy.factor = boundedOption(L, options, function, "backoff_factor", 2, 1, HUGE_VAL);
  policy.jitter = boundedOption(L, options, function, "jitter", 0, 0, 1);
  L.setTop(1);
  double delay = std::min(policy.initialDelay, policy.maxDelay);
  for (int attempt = 1;; ++attempt) {
    L.pushValue(1);
    if (L.pcall(0, vm::kMultRet) == vm::Status::Ok)
      return L.top() - 1;
    Runtime& rt = Runtime::of(L);
    // The last attempt, or the task being cancelled (a timeout): the error goes on as it was.
    if (attempt >= policy.attempts || rt.groupCancelled(rt.currentGroup()))
      L.error();
    double wait = jittered(delay, policy.jitter, policy.maxDelay);
    rt.logger().write(runtime::LogLevel::Warn, rt.groupName(rt.currentGroup()),
                      fmt::format("{}: attempt {} of {} failed: {}; retrying in {:.3g} s", function,
                                  attempt, policy.attempts, lib::errorValueText(L, -1), wait),
                      {});
    L.setTop(1);
    runtime::sleepFor(L, wait);
    delay = std::min(delay * policy.factor, policy.maxDelay);
  }
}

// ---- circuit breaker ----

int reliabilityCircuitBreaker(Thread& L) {
  const char* function = "reliability.circuit_breaker";
  L.checkType(1, Type::Function);
  Options options(L, 2, function, {"name", "failure_threshold", "timeout", "success_threshold"});
  CircuitPolicy policy;
  std::optional<std::string> name = options.string("name");
  if (name && name->empty())
    L.runError(std::string(function) + ": option 'name' is empty");
  policy.failureThreshold = static_cast<std::int64_t>(
      boundedOption(L, options, function, "failure_threshold", 5, 1, 1e9, true));
  policy.timeout = boundedOption(L, options, function, "timeout", 60, 0, HUGE_VAL);
  policy.successThreshold = static_cast<std::int64_t>(
      boundedOption(L, options, function, "success_threshold", 1, 1, 1e9, true));
  if (!name) { // one circuit per call site: "deploy.lua:12" (through pcall: its caller's)
    std::string where;
    for (int level = 1; level <= 3 && where.empty(); ++level)
      where = L.where(level);
    name = where.substr(0, where.find_last_not_of(": ") + 1);
  }
  L.setTop(1);
  CircuitBreakers circuits(L, function);
  std::string refusal = circuits.admit(*name, policy);
  if (!refusal.empty())
    L.runError(std::string(function) + ": " + refusal);
  L.pushValue(1);
  bool ok = L.pcall(0, vm::kMultRet) == vm::Status::Ok;
  circuits.record(*name, policy, ok);
  if (!ok)
    L.error();
  return L.top() - 1;
}

// ---- timeout ----

struct TimeoutRun {
  bool finished = false;
  bool timedOut = false;
  std::shared_ptr<runtime::Wait> done = std::make_shared<runtime::Wait>();
};

int reliabilityTimeout(Thread& L) {
  const char* function = "reliability.timeout";
  L.checkType(1, Type::Function);
  double seconds = L.checkNumber(2);
  if (!(seconds > 0 && std::isfinite(seconds)))
    L.runError(fmt::format("{}: the limit must be a positive number of seconds, got {:g}", function,
                           seconds));
  Runtime& rt = Runtime::of(L);
  L.setTop(1);
  L.newTable(); // 2: the results: {n = count, ...} or {failed = true, error = value}
  // fn runs as a coroutine of its own group, so the timeout cancels exactly its waits and kills
  // exactly its processes; it keeps the task's name in the log and its working directory.
  int outer = rt.currentGroup();
  int group = rt.newGroup(rt.groupName(outer));
  rt.setGroupWorkdir(group, rt.groupWorkdir(outer));
  auto run = std::make_shared<TimeoutRun>();
  L.pushValue(1);
  L.pushValue(2);
  rt.spawn(
      L, 2, group,
      [](Thread& co) {
        co.pushValue(1);
        if (co.pcall(0, vm::kMultRet) != vm::Status::Ok) {
          co.setField(2, "error");
          co.pushBoolean(true);
          co.setField(2, "failed");
          return;
        }
        int n = co.top() - 2;
        for (int i = n; i >= 1; --i)
          co.rawSetI(2, i);
        co.pushInteger(n);
        co.setField(2, "n");
      },
      [&rt, run](bool, const std::string&) {
        run->finished = true;
        rt.complete(run->done);
      });
  auto timer = std::make_shared<boost::asio::steady_timer>(rt.io());
  timer->expires_after(std::chrono::duration_cast<std::chrono::steady_clock::duration>(
      std::chrono::duration<double>(seconds)));
  std::string reason =
      fmt::format("{}: the function did not finish within {:g} s", function, seconds);
  timer->async_wait([&rt, run, group, reason](const boost::system::error_code& ec) {
    if (ec || run->finished || run->timedOut)
      return;
    run->timedOut = true;
    rt.cancelGroup(group, reason); // closes fn's coroutine at its wait, kills its processes
  });
  // Lua code in fn that never waits (`while true do end`) keeps the timer from firing: the
  // runtime's deadline watch interrupts it, and this check raises the timeout in fn's coroutine.
  // It asks for another interrupt first, so a pcall inside fn cannot keep the loop going.
  auto expiry = timer->expiry();
  auto deadlineCheck = rt.deadlines().watch([&rt, run, group, expiry, reason](Thread& co) {
    if (run->finished || rt.currentGroup() != group || std::chrono::steady_clock::now() < expiry)
      return;
    run->timedOut = true;
    rt.state().requestInterrupt();
    co.runError(reason);
  });
  // Leaving early (this task cancelled itself) takes fn and the timer along.
  struct Cleanup {
    Runtime& rt;
    std::shared_ptr<TimeoutRun> run;
    std::shared_ptr<boost::asio::steady_timer> timer;
    int group;
    ~Cleanup() {
      timer->cancel();
      if (!run->finished)
        rt.cancelGroup(group, "cancelled with the task that started it");
      else if (run->timedOut) // stopped by the deadline check: end what fn started in its group
        rt.cancelGroup(group, "timed out");
    }
  } cleanup{rt, run, timer, group};
  rt.await(L, run->done);
  if (run->timedOut)
    L.runError(reason);
  if (L.getField(2, "failed") != Type::Nil) {
    L.getField(2, "error");
    L.error();
  }
  L.setTop(2);
  L.getField(2, "n");
  auto n = static_cast<int>(L.toInteger(-1));
  L.pop();
  L.checkStack(n);
  for (int i = 1; i <= n; ++i)
    L.rawGetI(2, i);
  return n;
}

} // namespace

void openReliability(Thread& L) {
  lib::newModule(L, "reliability",
                 {{"retry", reliabilityRetry},
                  {"circuit_breaker", reliabilityCircuitBreaker},
                  {"timeout", reliabilityTimeout}});
  L.pop();
}

} // namespace sloth::stdlib
