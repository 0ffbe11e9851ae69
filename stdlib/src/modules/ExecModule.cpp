// The exec module (stdlib/defs/exec.lua): runs commands on the local host through the event loop.
// A non-zero exit is a result, not an error; only a command that cannot start raises.
#include "sloth/stdlib/Modules.h"
#include "sloth/stdlib/Stdlib.h"
#include "sloth/stdlib/runtime/ChildProcess.h"
#include "sloth/stdlib/runtime/DryRun.h"
#include "sloth/stdlib/runtime/Runtime.h"

#include "runtime/Options.h"
#include "sloth/Duration.h"

#include <fmt/core.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <pwd.h>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace sloth::stdlib {

using runtime::ProcessResult;
using runtime::ProcessSpec;
using runtime::Runtime;
using vm::Thread;
using vm::Type;

namespace {

std::vector<std::string> splitWords(std::string_view text) {
  std::vector<std::string> words;
  std::istringstream in{std::string(text)};
  for (std::string word; in >> word;)
    words.push_back(word);
  return words;
}

// A NUL byte ends a C string: the process would get a shorter word than the script gave.
void refuseNul(Thread& L, std::string_view function, std::string_view what, std::string_view text) {
  if (text.find('\0') != std::string_view::npos)
    L.runError(fmt::format("{}: {} holds a NUL byte", function, what));
}

void readEnv(Thread& L, int options, std::string_view function, ProcessSpec& spec) {
  if (!L.isTable(options))
    return;
  Type type = L.getField(options, "env");
  if (type == Type::Nil) {
    L.pop();
    return;
  }
  if (type != Type::Table)
    L.runError(fmt::format("{}: option 'env' must be a table of strings, got {}", function,
                           L.typeNameAt(-1)));
  int env = L.top();
  L.pushNil();
  while (L.next(env)) {
    std::string_view name, value;
    if (L.type(-2) != Type::String || !L.toStringView(-2, name))
      L.runError(fmt::format("{}: option 'env' must map names to strings", function));
    // The environment is NAME=VALUE strings: an '=' in a name would split elsewhere.
    if (name.empty() || name.find_first_of(std::string_view("=\0", 2)) != std::string_view::npos)
      L.runError(fmt::format("{}: env variable name '{}' is empty or holds '=' or a NUL byte",
                             function, name));
    Type valueType = L.type(-1);
    if ((valueType != Type::String && valueType != Type::Number) || !L.toStringView(-1, value))
      L.runError(fmt::format("{}: env variable '{}' must be a string, got {}", function, name,
                             L.typeNameAt(-1)));
    refuseNul(L, function, fmt::format("env variable '{}'", name), value);
    spec.extraEnv.push_back(fmt::format("{}={}", name, value));
    L.pop();
  }
  L.pop();
}

void pushResult(Thread& L, const ProcessResult& result) {
  L.newTable(0, 6);
  L.pushInteger(result.exitCode);
  L.setField(-2, "exit_code");
  L.pushString(result.stdoutText);
  L.setField(-2, "stdout");
  L.pushString(result.stderrText);
  L.setField(-2, "stderr");
  L.pushBoolean(result.exitCode == 0 && !result.timedOut);
  L.setField(-2, "success");
  L.pushNumber(result.duration);
  L.setField(-2, "duration");
  L.pushBoolean(result.timedOut);
  L.setField(-2, "timed_out");
}

// A word as the shell would need it written: bare when safe, else in single quotes.
std::string shellQuoted(const std::string& word) {
  if (!word.empty() && word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                              "0123456789-_./=:,+@%") == std::string::npos)
    return word;
  std::string quoted = "'";
  for (char c : word)
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// In a dry run a command is never executed (its effect cannot be predicted): the call is
// recorded as "would run" with the command as it would be run, and the result says so:
// exit_code 0, success true, empty output, duration 0, dry_run true. Returns false outside a
// dry run.
bool wouldRun(Thread& L, std::string_view function, const ProcessSpec& spec, bool viaShell) {
  if (!runtime::isDryRun(L))
    return false;
  std::string command;
  if (viaShell && spec.argv.front() != "sudo") { // as written, not as `/bin/sh -c '...'`
    command = spec.argv.back();
  } else {
    for (const std::string& word : spec.argv)
      command += (command.empty() ? "" : " ") + shellQuoted(word);
  }
  std::string where = spec.cwd.empty() ? std::string() : "in " + spec.cwd;
  runtime::predict(L, runtime::Prediction::Kind::WouldRun, std::string(function), command, where);
  ProcessResult nothing;
  pushResult(L, nothing);
  L.pushBoolean(true);
  L.setField(-2, "dry_run");
  return true;
}

// The options of every exec function at stack index 2: `cwd` (inside a task its workdir unless
// told otherwise), `timeout`, `env`.
void readRunOptions(Thread& L, std::string_view function, ProcessSpec& spec) {
  Runtime& rt = Runtime::of(L);
  spec.cwd =
      runtime::stringOption(L, 2, "cwd", function).value_or(rt.groupWorkdir(rt.currentGroup()));
  refuseNul(L, function, "option 'cwd'", spec.cwd);
  spec.timeoutSeconds = runtime::numberOption(L, 2, "timeout", function).value_or(0);
  // NaN ran without a limit; infinity and 1e300 overflowed the timer and killed at once.
  if (!(spec.timeoutSeconds >= 0) || spec.timeoutSeconds > kMaxDurationSeconds)
    L.runError(fmt::format("{}: option 'timeout' must be a positive number of seconds, at most "
                           "ten years, got {}",
                           function, spec.timeoutSeconds));
  readEnv(L, 2, function, spec);
  for (const std::string& word : spec.argv)
    refuseNul(L, function, "the command", word);
}

// The `user` option: wraps the complete spec.argv in `sudo -n -u USER --`; returns the user.
std::string runAsOptionUser(Thread& L, std::string_view function, ProcessSpec& spec) {
  std::string user = runtime::stringOption(L, 2, "user", function).value_or("");
  runtime::runAsUser(L, function, spec, user);
  return user;
}

int execCommand(Thread& L) {
  constexpr std::string_view kName = "exec.command";
  ProcessSpec spec;
  if (L.type(1) == Type::String) {
    spec.argv = {"/bin/sh", "-c", std::string(L.checkString(1))};
  } else if (L.isTable(1)) {
    std::size_t n = L.rawLen(1);
    for (std::size_t i = 1; i <= n; ++i) {
      L.rawGetI(1, static_cast<std::int64_t>(i));
      std::string_view word;
      if ((L.type(-1) != Type::String && L.type(-1) != Type::Number) || !L.toStringView(-1, word))
        L.runError(
            fmt::format("{}: command[{}] must be a string, got {}", kName, i, L.typeNameAt(-1)));
      spec.argv.emplace_back(word);
      L.pop();
    }
    if (spec.argv.empty())
      L.runError(fmt::format("{}: the command list is empty", kName));
  } else {
    L.typeError(1, "string or list of strings");
  }
  runtime::checkOptionKeys(L, 2, kName, {"user", "cwd", "env", "timeout"});
  readRunOptions(L, kName, spec);
  runAsOptionUser(L, kName, spec);
  if (wouldRun(L, kName, spec, L.type(1) == Type::String))
    return 1;
  pushResult(L, runtime::runProcess(L, kName, spec));
  return 1;
}

// A script file removed when the run of it ends (also when its task is cancelled).
struct TemporaryScript {
  std::string path;
  ~TemporaryScript() {
    if (!path.empty())
      std::remove(path.c_str());
  }
};

// A script written indented inside a Lua long string, its #! line included (the modules
// reference's own example: `exec.shell([[\n    #!/bin/bash\n    set -e ...]])`), is the script
// without the leading blank lines and without the #! line's indentation on every line, so that
// the kernel sees its #! line. Any other script is left as it is.
std::string withShebangFirst(std::string script) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < script.size() && (script[i] == ' ' || script[i] == '\t' ||
                                                script[i] == '\n' || script[i] == '\r');
       ++i)
    if (script[i] == '\n')
      start = i + 1;
  std::size_t indent = script.find_first_not_of(" \t", start);
  if (indent == std::string::npos || script.compare(indent, 2, "#!") != 0)
    return script;
  indent -= start;
  std::string out;
  for (std::size_t line = start; line < script.size();) {
    std::size_t end = script.find('\n', line);
    end = end == std::string::npos ? script.size() : end + 1;
    std::size_t skip = 0;
    while (skip < indent && line + skip < end &&
           (script[line + skip] == ' ' || script[line + skip] == '\t'))
      ++skip;
    out.append(script, line + skip, end - line - skip);
    line = end;
  }
  return out;
}

int execShell(Thread& L) {
  constexpr std::string_view kName = "exec.shell";
  std::string script = withShebangFirst(std::string(L.checkString(1)));
  refuseNul(L, kName, "the script", script);
  runtime::checkOptionKeys(L, 2, kName, {"user", "cwd", "env", "timeout"});
  ProcessSpec spec;
  readRunOptions(L, kName, spec);
  ProcessSpec shown = spec; // as a dry run shows it (and an unknown user fails here)
  shown.argv = {"/bin/sh", "-c", script};
  std::string user = runAsOptionUser(L, kName, shown);
  if (wouldRun(L, kName, shown, true))
    return 1;
  TemporaryScript file;
  if (script.rfind("#!", 0) == 0) {
    // The kernel runs the interpreter of the #! line on a file holding the script (private,
    // and owned by the `user` who runs it).
    char path[] = "/tmp/sloth-script-XXXXXX";
    int fd = ::mkstemp(path);
    if (fd < 0)
      L.runError(fmt::format("{}: cannot write the script to /tmp", kName));
    file.path = path;
    bool written = ::write(fd, script.data(), script.size()) == static_cast<ssize_t>(script.size());
    ::fchmod(fd, 0700);
    if (const passwd* owner = user.empty() ? nullptr : ::getpwnam(user.c_str()))
      written = written && ::fchown(fd, owner->pw_uid, static_cast<gid_t>(-1)) == 0;
    ::close(fd);
    if (!written)
      L.runError(fmt::format("{}: cannot write the script to /tmp", kName));
    spec.argv = {file.path};
  } else {
    spec.argv = {"/bin/sh", "-c", script};
  }
  runAsOptionUser(L, kName, spec);
  pushResult(L, runtime::runProcess(L, kName, spec));
  return 1;
}

int execScript(Thread& L) {
  constexpr std::string_view kName = "exec.script";
  std::string path(L.checkString(1));
  runtime::checkOptionKeys(L, 2, kName, {"interpreter", "args", "user", "cwd", "env", "timeout"});
  std::ifstream in(path);
  if (!in) // why, from access(): ifstream's errno is not reliable
    L.runError(
        fmt::format("{}: cannot read script '{}': {}", kName, path,
                    ::access(path.c_str(), R_OK) != 0 ? std::strerror(errno) : "cannot open"));
  std::string firstLine;
  std::getline(in, firstLine);

  ProcessSpec spec;
  if (auto interpreter = runtime::stringOption(L, 2, "interpreter", kName)) {
    spec.argv = splitWords(*interpreter);
    if (spec.argv.empty())
      L.runError(fmt::format("{}: option 'interpreter' is empty", kName));
  } else if (firstLine.rfind("#!", 0) == 0) {
    spec.argv = splitWords(std::string_view(firstLine).substr(2));
    if (spec.argv.empty())
      L.runError(fmt::format("{}: '{}' has an empty #! line", kName, path));
  } else {
    spec.argv = {"/bin/sh"};
  }
  spec.argv.push_back(path);
  if (L.isTable(2)) {
    Type type = L.getField(2, "args");
    if (type == Type::Table) {
      std::size_t n = L.rawLen(-1);
      for (std::size_t i = 1; i <= n; ++i) {
        L.rawGetI(-1, static_cast<std::int64_t>(i));
        std::string_view arg;
        if ((L.type(-1) != Type::String && L.type(-1) != Type::Number) || !L.toStringView(-1, arg))
          L.runError(
              fmt::format("{}: args[{}] must be a string, got {}", kName, i, L.typeNameAt(-1)));
        spec.argv.emplace_back(arg);
        L.pop();
      }
    } else if (type != Type::Nil) {
      L.runError(fmt::format("{}: option 'args' must be a list of strings, got {}", kName,
                             L.typeNameAt(-1)));
    }
    L.pop();
  }
  readRunOptions(L, kName, spec);
  runAsOptionUser(L, kName, spec);
  if (wouldRun(L, kName, spec, false))
    return 1;
  pushResult(L, runtime::runProcess(L, kName, spec));
  return 1;
}

} // namespace

void openExec(Thread& L) {
  L.newTable();
  L.pushNative(execCommand, 0, "exec.command", true);
  L.setField(-2, "command");
  L.pushNative(execShell, 0, "exec.shell", true);
  L.setField(-2, "shell");
  L.pushNative(execScript, 0, "exec.script", true);
  L.setField(-2, "script");
  L.pushValue(-1);
  L.setGlobal("exec");
  registerLoadedModule(L, "exec");
}

} // namespace sloth::stdlib
