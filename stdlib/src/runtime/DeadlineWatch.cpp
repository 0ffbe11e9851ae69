#include "sloth/stdlib/runtime/DeadlineWatch.h"

#include "Interrupts.h"

#include <chrono>

namespace sloth::stdlib::runtime {

namespace {
constexpr std::chrono::milliseconds kTick{50};
}

DeadlineWatch::DeadlineWatch(vm::State& state) : state_(state) {
  state_.setInterruptHandler([this](vm::Thread& running) { runChecks(running); });
}

DeadlineWatch::~DeadlineWatch() {
  stopWatchdog();
  state_.setInterruptHandler(nullptr);
}

DeadlineWatch::Registration DeadlineWatch::watch(Check check) {
  int id = nextId_++;
  checks_.emplace(id, std::move(check));
  if (checks_.size() == 1)
    startWatchdog();
  return Registration(*this, id);
}

void DeadlineWatch::remove(int id) {
  if (checks_.erase(id) != 0 && checks_.empty())
    stopWatchdog();
}

void DeadlineWatch::runChecks(vm::Thread& running) {
  // Ctrl-C in a workflow run: stop the Lua code so the event loop gets to cancel the run. Asking
  // again keeps a pcall around a busy loop from swallowing it until the loop has taken over.
  if (interrupts::luaStopPending()) {
    state_.requestInterrupt();
    running.runError("interrupted");
  }
  // A check that raises leaves the loop at once; the others run at the next interrupt.
  for (auto& [id, check] : checks_)
    check(running);
}

void DeadlineWatch::startWatchdog() {
  stopping_ = false;
  watchdog_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, kTick, [this] { return stopping_; }))
      state_.requestInterrupt();
  });
}

void DeadlineWatch::stopWatchdog() {
  if (!watchdog_.joinable())
    return;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  watchdog_.join();
}

} // namespace sloth::stdlib::runtime
