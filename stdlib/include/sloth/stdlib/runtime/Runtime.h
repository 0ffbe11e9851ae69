#pragma once
// The event loop of a run (design §5): one Boost.Asio io_context per State, and the coroutines
// that wait on it. Tasks and goroutines are VM coroutines owned by the Runtime; a native that
// waits (a process, a timer) calls await(), which suspends its coroutine and lets the others run;
// the operation's completion handler calls complete(), and runUntil() resumes the coroutine.
// Outside a Runtime coroutine (the main chunk, a coroutine the script created itself) await()
// runs the loop in place until the operation completes, so every native works everywhere.
//
// Coroutines belong to a group (a task and the goroutines it starts): cancelGroup() kills the
// group's child processes and closes its coroutines, unwinding their native frames.

#include "sloth/stdlib/runtime/DeadlineWatch.h"
#include "sloth/stdlib/runtime/Logger.h"
#include "sloth/vm/State.h"

#include <boost/asio/io_context.hpp>

#include <sys/types.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace sloth::stdlib::runtime {

class Runtime;

/// An operation one coroutine waits for; completed once by Runtime::complete.
class Wait {
public:
  bool done() const { return done_; }

private:
  friend class Runtime;
  bool done_ = false;
  vm::Thread* waiter_ = nullptr; // the suspended coroutine, when one is
  std::uint64_t serial_ = 0;
};

class Runtime {
public:
  /// Attaches the runtime to `state` (natives find it with Runtime::of). Destroy it before the
  /// State: its destructor kills child processes and closes the coroutines it owns.
  explicit Runtime(vm::State& state);
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  /// The runtime attached to L's State; raises a Lua error when there is none.
  static Runtime& of(vm::Thread& L);
  /// The runtime attached to L's State, or null.
  static Runtime* find(vm::Thread& L);

  boost::asio::io_context& io() { return io_; }
  Logger& logger() { return logger_; }
  vm::State& state() { return state_; }

  // ---- coroutines ----
  using Body = std::function<void(vm::Thread& co)>;
  using Done = std::function<void(bool ok, const std::string& error)>;
  /// Starts body on a new coroutine of `group`; the top nargs values of L are its stack (1..nargs).
  /// done runs when the body returns (ok), raises or is cancelled (the message).
  void spawn(vm::Thread& L, int nargs, int group, Body body, Done done);
  /// Waits until `wait` is completed: suspends L when it is a runtime coroutine, else runs the
  /// loop here. Raises the cancellation reason if L's group is cancelled meanwhile.
  void await(vm::Thread& L, const std::shared_ptr<Wait>& wait);
  void complete(const std::shared_ptr<Wait>& wait);
  /// Runs ready coroutines and the event loop on L until done() holds.
  void runUntil(vm::Thread& L, const std::function<bool()>& done);

  // ---- groups ----
  static constexpr int kNoGroup = 0;
  /// A new group whose log lines and output carry `name` (a task's name).
  int newGroup(std::string name);
  int currentGroup() const { return currentGroup_; }
  std::string groupName(int group) const;
  /// The working directory exec uses by default inside the group (a task's workdir).
  void setGroupWorkdir(int group, std::string dir) { groupWorkdirs_[group] = std::move(dir); }
  std::string groupWorkdir(int group) const {
    auto it = groupWorkdirs_.find(group);
    return it == groupWorkdirs_.end() ? std::string() : it->second;
  }
  /// Kills the group's processes at once; its coroutines are closed by the running loop.
  void cancelGroup(int group, std::string reason);
  bool groupCancelled(int group) const;

  // ---- child processes (their process groups) ----
  void addChild(pid_t pgid, int group);
  void removeChild(pid_t pgid);
  void killChildren(int group);
  void killAllChildren();

  // ---- os.exit ----
  /// `hook(status)` runs when the script calls os.exit (the host records the run's end there).
  void setExitHook(std::function<void(int status)> hook) { exitHook_ = std::move(hook); }
  /// os.exit is about to end the process: kills the run's child processes (a task's command
  /// would outlive sloth) and runs the exit hook.
  void beforeExit(int status);

  // ---- interruption ----
  /// From now on Ctrl-C (SIGINT/SIGTERM) kills the children and calls handler once on the loop
  /// (when the loop runs: a native waits) instead of ending the process; Lua code that never
  /// waits is stopped at its next call or loop iteration with the error "interrupted". A second
  /// Ctrl-C exits with 130 at once.
  void handleInterrupts(std::function<void()> handler);
  /// The signal that interrupted the run (SIGINT or SIGTERM), 0 when none did.
  int interruptSignal() const;
  /// The State's one VM-interrupt handler: deadlines that stop Lua code which never waits.
  DeadlineWatch& deadlines() { return deadlines_; }

private:
  struct Coroutine;
  void resumeOne(vm::Thread& L, vm::Thread* co, std::uint64_t serial);
  void finish(vm::Thread& L, vm::Thread* co, bool ok, const std::string& error);
  void processCancellations(vm::Thread& L);
  void anchor(vm::Thread& L, vm::Thread* thread, bool keep);
  void watchInterruptPipe();
  void armInterruptReader();
  // Reacts to a Ctrl-C read from the pipe: kills children, runs the run's handler.
  void takeInterrupt();

  vm::State& state_;
  boost::asio::io_context io_;
  Logger logger_;
  std::map<vm::Thread*, std::unique_ptr<Coroutine>> coroutines_;
  std::deque<std::pair<vm::Thread*, std::uint64_t>> ready_;
  std::uint64_t nextSerial_ = 1;
  int currentGroup_ = kNoGroup;
  std::vector<std::string> groupNames_{""};
  std::map<int, std::string> groupWorkdirs_;
  std::map<int, std::string> cancelled_; // group -> reason
  std::vector<int> pendingCancels_;
  std::map<pid_t, int> children_; // process group -> coroutine group
  std::function<void()> interruptHandler_;
  std::function<void(int)> exitHook_;
  std::unique_ptr<struct InterruptReader> interruptReader_;
  int interruptFd_ = -1; // the signal handler's pipe, once interrupts are taken over
  DeadlineWatch deadlines_{state_};
};

} // namespace sloth::stdlib::runtime
