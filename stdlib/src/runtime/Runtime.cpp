#include "sloth/stdlib/runtime/Runtime.h"

#include "Interrupts.h"
#include "lib/LibSupport.h"

#include <boost/asio/posix/stream_descriptor.hpp>

#include <csignal>
#include <unistd.h>
#include <utility>

namespace sloth::stdlib::runtime {

namespace {

constexpr const char* kRuntimeKey = "sloth.runtime";
constexpr const char* kAnchorsKey = "sloth.runtime.coroutines";

// The native every runtime coroutine starts with: runs the C++ body given to spawn().
int runBody(vm::Thread& L) {
  auto* body = static_cast<Runtime::Body*>(L.toUserdata(vm::upvalueIndex(1)));
  (*body)(L);
  return 0;
}

} // namespace

struct Runtime::Coroutine {
  vm::Thread* thread = nullptr;
  std::uint64_t serial = 0;
  int group = kNoGroup;
  int initialArgs = 0;
  bool started = false;
  bool waiting = false; // suspended in await()
  Body body;
  Done done;
};

struct InterruptReader {
  explicit InterruptReader(boost::asio::io_context& io, int fd) : pipe(io, ::dup(fd)) {}
  boost::asio::posix::stream_descriptor pipe;
};

Runtime::Runtime(vm::State& state) : state_(state) {
  // Ctrl-C (or SIGTERM) must not leave the processes a plain script started (os.execute, exec.*,
  // each in a process group of its own, so the terminal's signal does not reach them) running
  // after sloth: the handler kills them, then the signal ends sloth as it would have.
  interrupts::install();
  vm::Thread& L = state.main();
  L.pushLightUserdata(this);
  L.setField(vm::kRegistryIndex, kRuntimeKey);
  L.newTable();
  L.setField(vm::kRegistryIndex, kAnchorsKey);
}

Runtime::~Runtime() {
  interrupts::setGraceful(false);
  interrupts::setInterruptedVm(nullptr);
  killAllChildren();
  vm::Thread& L = state_.main();
  // Close what is still suspended, so no native frame outlives the loop it waits on. Closing can
  // itself fail (out of memory after 100 000 nested goroutines); a destructor must not throw, and
  // the process is ending the run: the error is dropped.
  while (!coroutines_.empty()) {
    auto node = coroutines_.extract(coroutines_.begin());
    try {
      if (node.mapped()->started && L.closeThread(*node.key()) != vm::Status::Ok)
        L.pop();
    } catch (const vm::LuaError&) {
      L.setTop(0);
    }
  }
  interruptReader_.reset();
  L.pushNil();
  L.setField(vm::kRegistryIndex, kRuntimeKey);
}

Runtime* Runtime::find(vm::Thread& L) {
  L.getField(vm::kRegistryIndex, kRuntimeKey);
  auto* runtime = static_cast<Runtime*>(L.toUserdata(-1));
  L.pop();
  return runtime;
}

Runtime& Runtime::of(vm::Thread& L) {
  Runtime* runtime = find(L);
  if (!runtime)
    L.runError("sloth modules need the event loop, which this host did not start");
  return *runtime;
}

void Runtime::anchor(vm::Thread& L, vm::Thread* thread, bool keep) {
  // anchors[lightuserdata(thread)] = the thread on top of L's stack (kept there), or nil.
  int value = L.top();
  L.getField(vm::kRegistryIndex, kAnchorsKey);
  L.pushLightUserdata(thread);
  if (keep)
    L.pushValue(value);
  else
    L.pushNil();
  L.rawSet(-3);
  L.pop();
}

void Runtime::spawn(vm::Thread& L, int nargs, int group, Body body, Done done) {
  auto record = std::make_unique<Coroutine>();
  record->serial = nextSerial_++;
  record->group = group;
  record->initialArgs = nargs;
  record->body = std::move(body);
  record->done = std::move(done);

  vm::Thread* co = L.newThread();
  record->thread = co;
  anchor(L, co, true);
  L.pop(); // the thread (anchored)
  L.pushLightUserdata(&record->body);
  L.pushNative(runBody, 1, "task");
  L.insert(-(nargs + 1));
  L.xmove(*co, nargs + 1);
  // Its arguments go back to the resumer's stack at the first resume; the function stays.
  ready_.emplace_back(co, record->serial);
  coroutines_.emplace(co, std::move(record));
}

void Runtime::complete(const std::shared_ptr<Wait>& wait) {
  if (wait->done_)
    return;
  wait->done_ = true;
  if (wait->waiter_) {
    ready_.emplace_back(wait->waiter_, wait->serial_);
    wait->waiter_ = nullptr;
  }
}

void Runtime::await(vm::Thread& L, const std::shared_ptr<Wait>& wait) {
  auto it = coroutines_.find(&L);
  if (it != coroutines_.end() && L.isYieldable()) {
    Coroutine& self = *it->second;
    while (!wait->done_ && !groupCancelled(self.group)) {
      wait->waiter_ = &L;
      wait->serial_ = self.serial;
      self.waiting = true;
      L.yield(0);
      self.waiting = false;
    }
    if (!wait->done_)
      L.runError(cancelled_.at(self.group));
    return;
  }
  int group = currentGroup_;
  runUntil(L, [&] { return wait->done_ || groupCancelled(group); });
  if (!wait->done_ && groupCancelled(group))
    L.runError(cancelled_.at(group));
}

void Runtime::runUntil(vm::Thread& L, const std::function<bool()>& done) {
  for (;;) {
    processCancellations(L);
    if (done())
      return;
    if (!ready_.empty()) {
      auto [co, serial] = ready_.front();
      ready_.pop_front();
      resumeOne(L, co, serial);
      continue;
    }
    if (io_.stopped())
      io_.restart();
    if (interruptHandler_)
      watchInterruptPipe();
    if (io_.run_one() == 0 && ready_.empty() && pendingCancels_.empty())
      return; // nothing is left that could make progress
  }
}

void Runtime::resumeOne(vm::Thread& L, vm::Thread* co, std::uint64_t serial) {
  auto it = coroutines_.find(co);
  if (it == coroutines_.end() || it->second->serial != serial)
    return;
  Coroutine& c = *it->second;
  int nargs = 0;
  if (!c.started) {
    c.started = true;
    nargs = c.initialArgs;
    L.checkStack(nargs + 1);
    co->xmove(L, nargs);
  } else if (!c.waiting) {
    return;
  }
  int saved = currentGroup_;
  currentGroup_ = c.group;
  int nres = 0;
  vm::Status status = L.resume(*co, nargs, &nres);
  currentGroup_ = saved;
  // Ctrl-C stopped this Lua code (it never waited, so the loop could not see the signal): cancel
  // the run first, so the coroutine's error is seen as part of the interrupt, not a failure.
  if (interruptHandler_ && interrupts::luaStopPending())
    takeInterrupt();
  if (status == vm::Status::Yield) {
    L.pop(nres);
    if (c.waiting)
      return;
    // The script's own coroutine.yield() at the top of a task: there is no coroutine to yield to.
    if (L.closeThread(*co) != vm::Status::Ok)
      L.pop();
    finish(L, co, false, "attempt to yield from outside a coroutine");
    return;
  }
  if (status == vm::Status::Ok) {
    L.pop(nres);
    finish(L, co, true, {});
    return;
  }
  // error({code = 7}) reads as its fields, not "table: 0x55...".
  std::string message = lib::errorValueText(L, -1);
  L.pop(nres);
  finish(L, co, false, message);
}

void Runtime::finish(vm::Thread& L, vm::Thread* co, bool ok, const std::string& error) {
  auto node = coroutines_.extract(co);
  if (node.empty())
    return;
  anchor(L, co, false);
  Done done = std::move(node.mapped()->done);
  node.mapped().reset();
  if (done)
    done(ok, error);
}

int Runtime::newGroup(std::string name) {
  groupNames_.push_back(std::move(name));
  return static_cast<int>(groupNames_.size() - 1);
}

std::string Runtime::groupName(int group) const {
  if (group < 0 || static_cast<std::size_t>(group) >= groupNames_.size())
    return {};
  return groupNames_[static_cast<std::size_t>(group)];
}

void Runtime::cancelGroup(int group, std::string reason) {
  if (group == kNoGroup || groupCancelled(group))
    return;
  cancelled_.emplace(group, std::move(reason));
  pendingCancels_.push_back(group);
  killChildren(group);
}

bool Runtime::groupCancelled(int group) const {
  return cancelled_.count(group) != 0;
}

void Runtime::processCancellations(vm::Thread& L) {
  while (!pendingCancels_.empty()) {
    int group = pendingCancels_.back();
    pendingCancels_.pop_back();
    std::vector<std::pair<vm::Thread*, std::uint64_t>> victims;
    for (auto& [thread, c] : coroutines_)
      if (c->group == group && (c->waiting || !c->started))
        victims.emplace_back(thread, c->serial);
    // Coroutines up the stack (running a nested loop) see the cancellation in their await().
    for (auto [thread, serial] : victims) {
      auto it = coroutines_.find(thread);
      if (it == coroutines_.end() || it->second->serial != serial)
        continue;
      if (it->second->started && L.closeThread(*thread) != vm::Status::Ok)
        L.pop();
      finish(L, thread, false, cancelled_.at(group));
    }
  }
}

void Runtime::addChild(pid_t pgid, int group) {
  children_[pgid] = group;
  interrupts::trackChild(pgid);
}

void Runtime::removeChild(pid_t pgid) {
  children_.erase(pgid);
  interrupts::untrackChild(pgid);
}

void Runtime::killChildren(int group) {
  for (auto [pgid, owner] : children_)
    if (owner == group)
      ::kill(-pgid, SIGKILL);
}

void Runtime::beforeExit(int status) {
  killAllChildren();
  if (auto hook = std::exchange(exitHook_, nullptr))
    hook(status);
}

void Runtime::killAllChildren() {
  for (auto [pgid, owner] : children_)
    ::kill(-pgid, SIGKILL);
}

void Runtime::handleInterrupts(std::function<void()> handler) {
  interruptHandler_ = std::move(handler);
  interruptFd_ = interrupts::install();
  interrupts::setGraceful(true);
  interrupts::setInterruptedVm(&state_);
}

// The pipe is watched from the first time the loop runs, not when interrupts are taken over: a
// script that never waits does not pay for the event loop's reactor (an epoll set, an eventfd, a
// timerfd: a dozen system calls, docs/startup.md). A signal that came before is still in the pipe.
void Runtime::watchInterruptPipe() {
  if (interruptFd_ < 0 || interruptReader_)
    return;
  interruptReader_ = std::make_unique<InterruptReader>(io_, interruptFd_);
  armInterruptReader();
}

void Runtime::armInterruptReader() {
  interruptReader_->pipe.async_wait(boost::asio::posix::stream_descriptor::wait_read,
                                    [this](const boost::system::error_code& ec) {
                                      if (ec)
                                        return;
                                      takeInterrupt();
                                      armInterruptReader();
                                    });
}

void Runtime::takeInterrupt() {
  char bytes[16];
  int fd = interruptReader_ ? interruptReader_->pipe.native_handle() : interruptFd_;
  while (::read(fd, bytes, sizeof bytes) > 0) {
  }
  killAllChildren();
  interruptHandler_();
  interrupts::clearLuaStop();
}

int Runtime::interruptSignal() const {
  return interrupts::lastSignal();
}

} // namespace sloth::stdlib::runtime
