#include "Interrupts.h"

#include "sloth/vm/State.h"

#include <array>
#include <atomic>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace sloth::stdlib::runtime::interrupts {

namespace {

constexpr std::size_t kMaxTracked = 4096;
std::array<std::atomic<pid_t>, kMaxTracked> gChildren{};
std::atomic<bool> gGraceful{false};
std::atomic<int> gSignals{0};
std::atomic<int> gLastSignal{0};
std::atomic<vm::State*> gVm{nullptr};
std::atomic<bool> gLuaStop{false};
int gPipe[2] = {-1, -1};

void killTracked() {
  for (auto& slot : gChildren)
    if (pid_t pgid = slot.load(); pgid > 0)
      ::kill(-pgid, SIGKILL);
}

void onSignal(int sig) {
  int count = ++gSignals;
  gLastSignal = sig;
  if (gGraceful.load() && count == 1) {
    char byte = static_cast<char>(sig);
    [[maybe_unused]] auto n = ::write(gPipe[1], &byte, 1);
    gLuaStop = true;
    if (vm::State* state = gVm.load())
      state->requestInterrupt(); // only sets an atomic flag
    return;
  }
  killTracked();
  if (gGraceful.load())
    ::_exit(128 + sig);
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

} // namespace

int install() {
  if (gPipe[0] >= 0)
    return gPipe[0];
  if (::pipe2(gPipe, O_CLOEXEC | O_NONBLOCK) != 0)
    return -1;
  struct sigaction action {};
  action.sa_handler = onSignal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  ::sigaction(SIGINT, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
  return gPipe[0];
}

void setGraceful(bool graceful) {
  gGraceful = graceful;
}

void trackChild(pid_t pgid) {
  for (auto& slot : gChildren) {
    pid_t empty = 0;
    if (slot.compare_exchange_strong(empty, pgid))
      return;
  }
}

void untrackChild(pid_t pgid) {
  for (auto& slot : gChildren) {
    pid_t expected = pgid;
    if (slot.compare_exchange_strong(expected, 0))
      return;
  }
}

int lastSignal() {
  return gLastSignal.load();
}

void setInterruptedVm(vm::State* state) {
  gVm = state;
}

bool luaStopPending() {
  return gLuaStop.load();
}

void clearLuaStop() {
  gLuaStop = false;
}

} // namespace sloth::stdlib::runtime::interrupts
