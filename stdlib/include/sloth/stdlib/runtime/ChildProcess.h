#pragma once
// Child processes on the event loop: spawned in their own process group (so a timeout or Ctrl-C
// kills the whole pipeline), their output read through pipes and their exit seen through a pidfd,
// all while the calling coroutine is suspended, so processes of parallel tasks overlap.

#include "sloth/vm/State.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace sloth::stdlib::runtime {

struct ProcessSpec {
  std::vector<std::string> argv;     // argv[0] is looked up in PATH when it has no '/'
  std::string cwd;                   // empty: the current directory
  std::vector<std::string> extraEnv; // "NAME=value", added to the inherited environment
  double timeoutSeconds = 0;         // 0: no limit
  // Called with each chunk of output as it arrives (stream 1 or 2), besides collecting it.
  std::function<void(int stream, std::string_view chunk)> onOutput;
  // os.execute: stdout and stderr are sloth's own (nothing is collected), and so is stdin unless
  // it is a terminal (the process group of its own could not read it: /dev/null instead).
  bool inheritStdio = false;
};

struct ProcessResult {
  int exitCode = 0;   // 128 + N when killed by signal N
  int termSignal = 0; // N when killed by signal N, else 0
  std::string stdoutText;
  std::string stderrText;
  double duration = 0; // seconds
  bool timedOut = false;
};

/// Runs the command as `user` through `sudo -n -u` (non-interactive: a password prompt would hang
/// the run) unless that is the current user; raises "`function`: unknown user 'x'".
void runAsUser(vm::Thread& L, std::string_view function, ProcessSpec& spec,
               const std::string& user);

/// Runs the process to its end and returns what it did. A process that cannot be started raises
/// a Lua error "`function`: cannot run 'prog': reason".
ProcessResult runProcess(vm::Thread& L, std::string_view function, const ProcessSpec& spec);

} // namespace sloth::stdlib::runtime
