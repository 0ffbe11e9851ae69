#pragma once
// Stops Lua code that never waits (`while true do end`) once a deadline has passed. The VM has
// one interrupt handler per State; this is that handler, shared by every deadline: task and
// workflow timeouts (the scheduler) and reliability.timeout each register a check. While any
// check is registered, a watchdog thread requests a VM interrupt every 50 ms, and the checks run
// on the Lua thread that is running; a check whose deadline has passed raises its error there.

#include "sloth/vm/State.h"

#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

namespace sloth::stdlib::runtime {

class DeadlineWatch {
public:
  /// Runs on the VM's thread at an interrupt, with the running Lua thread; raises to stop it.
  using Check = std::function<void(vm::Thread& running)>;

  explicit DeadlineWatch(vm::State& state);
  ~DeadlineWatch();
  DeadlineWatch(const DeadlineWatch&) = delete;
  DeadlineWatch& operator=(const DeadlineWatch&) = delete;

  /// Keeps `check` registered (and the watchdog running) while it lives.
  class Registration {
  public:
    Registration(DeadlineWatch& watch, int id) : watch_(watch), id_(id) {}
    ~Registration() { watch_.remove(id_); }
    Registration(const Registration&) = delete;
    Registration& operator=(const Registration&) = delete;

  private:
    DeadlineWatch& watch_;
    int id_;
  };
  [[nodiscard]] Registration watch(Check check);

private:
  void remove(int id);
  void runChecks(vm::Thread& running);
  void startWatchdog();
  void stopWatchdog();

  vm::State& state_;
  std::map<int, Check> checks_; // touched on the VM's thread only
  int nextId_ = 1;
  std::thread watchdog_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
};

} // namespace sloth::stdlib::runtime
