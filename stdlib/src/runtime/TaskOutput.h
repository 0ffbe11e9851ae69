#pragma once
// What a task prints goes to the run's view with the task's name, like its shell commands'
// output ("build | compiling..."), instead of straight to stdout: parallel tasks' lines stay
// attributable, the live progress lines are not torn, and `--output json` keeps stdout for the
// JSON document. While a TaskOutputRedirect lives, the global `print` and the io library's
// writes to stdout and stderr (io.write, io.stdout:write, io.stderr:write) called from a task's
// coroutines (and the goroutines it starts) hand each call's text to the sink; elsewhere (the
// script's top level, workflow hooks) they write as usual.

#include "sloth/vm/State.h"

#include <functional>
#include <string>
#include <string_view>

namespace sloth::stdlib::runtime {

class TaskOutputRedirect {
public:
  /// `sink(task, stream, text)`: stream 1 (stdout) or 2 (stderr); print's text ends with '\n',
  /// io.write's is what the call wrote (the view joins partial lines).
  using Sink = std::function<void(const std::string& task, int stream, std::string_view text)>;
  TaskOutputRedirect(vm::Thread& L, Sink sink);
  ~TaskOutputRedirect(); // puts the original print back, lets io write to the streams again
  TaskOutputRedirect(const TaskOutputRedirect&) = delete;
  TaskOutputRedirect& operator=(const TaskOutputRedirect&) = delete;

private:
  vm::Thread& L_;
  Sink sink_;
};

} // namespace sloth::stdlib::runtime
