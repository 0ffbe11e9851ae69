#include "sloth/stdlib/runtime/ChildProcess.h"

#include "sloth/stdlib/runtime/Runtime.h"

#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>

#include <fmt/core.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <pwd.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>

extern char** environ;

namespace sloth::stdlib::runtime {

namespace {

namespace asio = boost::asio;
using Clock = std::chrono::steady_clock;

// After the process exits, output still in the pipes is read for this long: a background
// grandchild that keeps them open must not hold the task forever.
constexpr auto kDrainAfterExit = std::chrono::milliseconds(200);

// One running process and the handlers that watch it; shared by those handlers.
struct ProcessRun : std::enable_shared_from_this<ProcessRun> {
  // outFd/errFd -1: the process writes to sloth's own stdout/stderr, there is nothing to read.
  ProcessRun(Runtime& runtime, pid_t pid, int outFd, int errFd, int pidFd)
      : runtime(runtime), pid(pid), out(runtime.io()), err(runtime.io()),
        exitWatch(runtime.io(), pidFd), timeout(runtime.io()), drain(runtime.io()),
        wait(std::make_shared<Wait>()) {
    openPipes = 0;
    for (auto [pipe, fd] : {std::pair{&out, outFd}, std::pair{&err, errFd}})
      if (fd >= 0) {
        pipe->assign(fd);
        ++openPipes;
      }
  }

  void start(double timeoutSeconds) {
    if (out.is_open())
      read(out, outBuffer, 1);
    if (err.is_open())
      read(err, errBuffer, 2);
    watchExit();
    if (timeoutSeconds > 0) {
      timeout.expires_after(std::chrono::duration_cast<Clock::duration>(
          std::chrono::duration<double>(timeoutSeconds)));
      timeout.async_wait([self = shared_from_this()](const boost::system::error_code& ec) {
        if (ec || self->exited)
          return;
        self->result.timedOut = true;
        ::kill(-self->pid, SIGKILL);
      });
    }
  }

  void read(asio::posix::stream_descriptor& pipe, std::array<char, 65536>& buffer, int stream) {
    pipe.async_read_some(
        asio::buffer(buffer), [self = shared_from_this(), &pipe, &buffer,
                               stream](const boost::system::error_code& ec, std::size_t n) {
          if (n > 0) {
            std::string_view chunk(buffer.data(), n);
            (stream == 1 ? self->result.stdoutText : self->result.stderrText).append(chunk);
            if (self->onOutput)
              self->onOutput(stream, chunk);
          }
          if (ec) {
            boost::system::error_code ignored;
            pipe.close(ignored);
            --self->openPipes;
            self->maybeFinish();
            return;
          }
          self->read(pipe, buffer, stream);
        });
  }

  void watchExit() {
    exitWatch.async_wait(asio::posix::stream_descriptor::wait_read,
                         [self = shared_from_this()](const boost::system::error_code& ec) {
                           if (ec)
                             return;
                           self->reap();
                         });
  }

  void reap() {
    int status = 0;
    if (::waitpid(pid, &status, 0) < 0)
      status = 0;
    exited = true;
    result.termSignal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    result.exitCode = WIFEXITED(status)     ? WEXITSTATUS(status)
                      : WIFSIGNALED(status) ? 128 + WTERMSIG(status)
                                            : 0;
    result.duration = std::chrono::duration<double>(Clock::now() - started).count();
    runtime.removeChild(pid);
    timeout.cancel();
    boost::system::error_code ignored;
    exitWatch.close(ignored);
    drain.expires_after(kDrainAfterExit);
    drain.async_wait([self = shared_from_this()](const boost::system::error_code& ec) {
      if (ec)
        return;
      boost::system::error_code ignoredClose;
      self->out.close(ignoredClose);
      self->err.close(ignoredClose);
    });
    maybeFinish();
  }

  void maybeFinish() {
    if (!exited || openPipes > 0)
      return;
    drain.cancel();
    runtime.complete(wait);
  }

  Runtime& runtime;
  pid_t pid;
  asio::posix::stream_descriptor out, err, exitWatch;
  asio::steady_timer timeout, drain;
  std::array<char, 65536> outBuffer{}, errBuffer{};
  std::function<void(int, std::string_view)> onOutput;
  std::shared_ptr<Wait> wait;
  ProcessResult result;
  Clock::time_point started = Clock::now();
  int openPipes = 0;
  bool exited = false;
};

// The inherited environment with `extra` added or overriding.
std::vector<std::string> buildEnvironment(const std::vector<std::string>& extra) {
  std::map<std::string, std::string> byName;
  auto add = [&](std::string_view entry) {
    auto eq = entry.find('=');
    if (eq != std::string_view::npos)
      byName[std::string(entry.substr(0, eq))] = std::string(entry);
  };
  for (char** e = environ; e && *e; ++e)
    add(*e);
  for (const std::string& entry : extra)
    add(entry);
  std::vector<std::string> env;
  env.reserve(byName.size());
  for (auto& [name, entry] : byName)
    env.push_back(std::move(entry));
  return env;
}

// Kills the process if the waiting native is unwound (its task cancelled or timed out).
struct KillUnlessFinished {
  std::shared_ptr<ProcessRun> run;
  ~KillUnlessFinished() {
    if (!run->exited)
      ::kill(-run->pid, SIGKILL);
  }
};

} // namespace

void runAsUser(vm::Thread& L, std::string_view function, ProcessSpec& spec,
               const std::string& user) {
  if (user.empty())
    return;
  if (const passwd* self = ::getpwuid(::geteuid()); self && user == self->pw_name)
    return;
  if (!::getpwnam(user.c_str()))
    L.runError(fmt::format("{}: unknown user '{}'", function, user));
  std::vector<std::string> argv = {"sudo", "-n", "-u", user, "--"};
  argv.insert(argv.end(), spec.argv.begin(), spec.argv.end());
  spec.argv = std::move(argv);
}

ProcessResult runProcess(vm::Thread& L, std::string_view function, const ProcessSpec& spec) {
  Runtime& runtime = Runtime::of(L);
  if (spec.argv.empty())
    L.runError(fmt::format("{}: the command is empty", function));
  const std::string& program = spec.argv.front();
  if (!spec.cwd.empty()) {
    struct stat info {};
    bool exists = ::stat(spec.cwd.c_str(), &info) == 0;
    if (!exists || !S_ISDIR(info.st_mode))
      L.runError(fmt::format("{}: cannot run '{}': working directory '{}' {}", function, program,
                             spec.cwd, exists ? "is not a directory" : "does not exist"));
  }

  int outPipe[2] = {-1, -1}, errPipe[2] = {-1, -1};
  auto closeAll = [&] {
    for (int fd : {outPipe[0], outPipe[1], errPipe[0], errPipe[1]})
      if (fd >= 0)
        ::close(fd);
  };
  if (!spec.inheritStdio) {
    if (::pipe2(outPipe, O_CLOEXEC) != 0)
      L.runError(fmt::format("{}: cannot create a pipe: {}", function, std::strerror(errno)));
    if (::pipe2(errPipe, O_CLOEXEC) != 0) {
      int saved = errno;
      closeAll();
      L.runError(fmt::format("{}: cannot create a pipe: {}", function, std::strerror(saved)));
    }
  }

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (!spec.inheritStdio || ::isatty(STDIN_FILENO))
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  if (!spec.inheritStdio) {
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1);
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2);
  }
  if (!spec.cwd.empty())
    posix_spawn_file_actions_addchdir_np(&actions, spec.cwd.c_str());
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t defaults, empty;
  sigemptyset(&defaults);
  for (int sig : {SIGINT, SIGTERM, SIGPIPE, SIGQUIT, SIGCHLD})
    sigaddset(&defaults, sig);
  sigemptyset(&empty);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setsigmask(&attributes, &empty);
  posix_spawnattr_setpgroup(&attributes, 0); // its own process group: killed as a whole
  posix_spawnattr_setflags(&attributes,
                           POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

  std::vector<char*> argv;
  for (const std::string& a : spec.argv)
    argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<std::string> envStrings = buildEnvironment(spec.extraEnv);
  std::vector<char*> envp;
  for (std::string& e : envStrings)
    envp.push_back(e.data());
  envp.push_back(nullptr);

  pid_t pid = 0;
  int rc = ::posix_spawnp(&pid, program.c_str(), &actions, &attributes, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  for (int* writeEnd : {&outPipe[1], &errPipe[1]})
    if (*writeEnd >= 0)
      ::close(std::exchange(*writeEnd, -1));
  if (rc != 0) {
    closeAll();
    L.runError(fmt::format("{}: cannot run '{}': {}", function, program, std::strerror(rc)));
  }
  runtime.addChild(pid, runtime.currentGroup());
  int pidFd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
  if (pidFd < 0) {
    int saved = errno;
    ::kill(-pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    runtime.removeChild(pid);
    closeAll();
    L.runError(fmt::format("{}: cannot watch '{}' (pidfd_open: {})", function, program,
                           std::strerror(saved)));
  }

  auto run = std::make_shared<ProcessRun>(runtime, pid, outPipe[0], errPipe[0], pidFd);
  run->onOutput = spec.onOutput;
  run->start(spec.timeoutSeconds);
  KillUnlessFinished guard{run};
  runtime.await(L, run->wait);
  return run->result;
}

} // namespace sloth::stdlib::runtime
