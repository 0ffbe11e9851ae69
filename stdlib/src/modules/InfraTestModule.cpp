// Lua bindings of the infra_test module. Each check returns nothing when it holds and raises
// "infra_test.X: <what was checked>: expected <this>, found <that>" when it does not.
#include "sloth/stdlib/modules/InfraTestModule.h"

#include "FileError.h"
#include "FileMode.h"
#include "FileOwners.h"
#include "InfraTestProbes.h"
#include "ModuleErrors.h"
#include "lib/LibSupport.h"
#include "sloth/Duration.h"
#include "sloth/stdlib/modules/Options.h"
#include "sloth/stdlib/runtime/ChildProcess.h"
#include "sloth/stdlib/runtime/Runtime.h"

#include <fmt/core.h>

#include <cmath>
#include <fstream>
#include <grp.h>
#include <pwd.h>
#include <sstream>
#include <sys/stat.h>

namespace sloth::stdlib {

using namespace modules;
using runtime::Runtime;
using vm::Thread;

namespace {

// Output shown in a message: at most this many bytes, quoted, control characters escaped.
std::string excerpt(std::string_view text) {
  constexpr std::size_t kLimit = 200;
  std::string shown;
  for (char c : text.substr(0, kLimit)) {
    if (c == '\n')
      shown += "\\n";
    else if (c == '"' || c == '\\')
      shown += std::string("\\") + c;
    else if (static_cast<unsigned char>(c) < 0x20)
      shown += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
    else
      shown += c;
  }
  return "\"" + shown + "\"" +
         (text.size() > kLimit ? fmt::format(" (first {} bytes)", kLimit) : "");
}

double timeoutOption(Thread& L, Options& options, const char* function, double fallback) {
  std::optional<double> timeout = options.number("timeout");
  if (!timeout)
    return fallback;
  // Past ten years the probes' millisecond timers overflow (1e300 timed out after 5 ms).
  if (!(*timeout > 0 && *timeout <= kMaxDurationSeconds))
    L.runError(fmt::format("{}: option 'timeout' must be a positive number of seconds, at most "
                           "ten years, got {:g}",
                           function, *timeout));
  return *timeout;
}

std::optional<std::int64_t> integerOption(Thread& L, Options& options, const char* function,
                                          const char* key) {
  std::optional<double> value = options.number(key);
  if (!value)
    return std::nullopt;
  if (std::floor(*value) != *value || std::fabs(*value) > 1e15)
    L.runError(fmt::format("{}: option '{}' must be an integer, got {:g}", function, key, *value));
  return static_cast<std::int64_t>(*value);
}

int infraPort(Thread& L) {
  const char* function = "infra_test.port";
  std::string host(L.checkString(1));
  std::int64_t port = L.checkInteger(2);
  if (port < 1 || port > 65535)
    L.runError(fmt::format("{}: port must be between 1 and 65535, got {}", function, port));
  Options options(L, 3, function, {"timeout", "should_be_open"});
  double timeout = timeoutOption(L, options, function, 5);
  bool shouldBeOpen = options.boolean("should_be_open").value_or(true);
  PortProbe probe = probePort(L, host, static_cast<int>(port), timeout);
  if (probe.open != shouldBeOpen)
    L.runError(fmt::format("{}: {}:{}: expected {}, found {}", function, host, port,
                           shouldBeOpen ? "open" : "closed",
                           probe.open ? "open" : "closed (" + probe.detail + ")"));
  return 0;
}

int infraHttp(Thread& L) {
  const char* function = "infra_test.http";
  std::string url(L.checkString(1));
  Options options(L, 2, function, {"status_code", "contains", "timeout"});
  std::optional<std::int64_t> status = integerOption(L, options, function, "status_code");
  std::optional<std::string> contains = options.string("contains");
  double timeout = timeoutOption(L, options, function, 10);
  HttpProbe response = fetchHttp(L, url, timeout);
  if (!response.answered)
    L.runError(fmt::format("{}: GET {}: expected {}, found no response ({})", function, url,
                           status ? fmt::format("status {}", *status) : "a 2xx status",
                           response.error));
  bool statusOk =
      status ? response.status == *status : response.status >= 200 && response.status < 300;
  if (!statusOk)
    L.runError(fmt::format("{}: GET {}: expected {}, found status {}", function, url,
                           status ? fmt::format("status {}", *status) : "a 2xx status",
                           response.status));
  if (contains && response.body.find(*contains) == std::string::npos)
    L.runError(fmt::format("{}: GET {}: expected the body to contain {}, found {}", function, url,
                           excerpt(*contains), excerpt(response.body)));
  return 0;
}

int infraCommand(Thread& L) {
  const char* function = "infra_test.command";
  std::string command(L.checkString(1));
  Options options(L, 2, function, {"exit_code", "stdout_contains", "stderr_contains", "timeout"});
  std::int64_t expectedCode = integerOption(L, options, function, "exit_code").value_or(0);
  std::optional<std::string> stdoutContains = options.string("stdout_contains");
  std::optional<std::string> stderrContains = options.string("stderr_contains");
  runtime::ProcessSpec spec;
  spec.argv = {"/bin/sh", "-c", command};
  spec.timeoutSeconds = timeoutOption(L, options, function, 0);
  Runtime& rt = Runtime::of(L);
  spec.cwd = rt.groupWorkdir(rt.currentGroup());
  runtime::ProcessResult result = runtime::runProcess(L, function, spec);
  if (result.timedOut)
    L.runError(fmt::format("{}: '{}': expected exit code {}, found no exit within {:g} s", function,
                           command, expectedCode, spec.timeoutSeconds));
  if (result.exitCode != expectedCode)
    L.runError(fmt::format("{}: '{}': expected exit code {}, found {} (stderr: {})", function,
                           command, expectedCode, result.exitCode, excerpt(result.stderrText)));
  if (stdoutContains && result.stdoutText.find(*stdoutContains) == std::string::npos)
    L.runError(fmt::format("{}: '{}': expected stdout to contain {}, found {}", function, command,
                           excerpt(*stdoutContains), excerpt(result.stdoutText)));
  if (stderrContains && result.stderrText.find(*stderrContains) == std::string::npos)
    L.runError(fmt::format("{}: '{}': expected stderr to contain {}, found {}", function, command,
                           excerpt(*stderrContains), excerpt(result.stderrText)));
  return 0;
}

std::string userName(uid_t uid) {
  const passwd* entry = getpwuid(uid);
  return entry ? entry->pw_name : std::to_string(uid);
}

std::string groupName(gid_t gid) {
  const group* entry = getgrgid(gid);
  return entry ? entry->gr_name : std::to_string(gid);
}

int infraFile(Thread& L) {
  const char* function = "infra_test.file";
  std::string path(L.checkString(1));
  Options options(L, 2, function, {"exists", "mode", "owner", "group", "contains"});
  bool shouldExist = options.boolean("exists").value_or(true);
  std::optional<std::string> modeText = options.string("mode");
  std::optional<mode_t> mode;
  if (modeText && !(mode = parseOctalMode(*modeText)))
    L.runError(fmt::format("{}: option 'mode' must be an octal mode such as \"0644\", got \"{}\"",
                           function, *modeText));
  std::optional<std::string> owner = options.string("owner");
  std::optional<std::string> group = options.string("group");
  std::optional<std::string> contains = options.string("contains");
  if (!shouldExist && (mode || owner || group || contains))
    L.runError(
        fmt::format("{}: options mode, owner, group and contains need exists = true", function));
  struct stat info {};
  bool exists = ::stat(path.c_str(), &info) == 0;
  if (!exists && errno != ENOENT && errno != ENOTDIR)
    L.runError(fmt::format("{}: cannot inspect '{}': {}", function, path, std::strerror(errno)));
  if (exists != shouldExist)
    L.runError(fmt::format("{}: '{}': expected it to {}, found it {}", function, path,
                           shouldExist ? "exist" : "be absent", exists ? "present" : "missing"));
  if (!exists)
    return 0;
  if (mode && (info.st_mode & 07777) != *mode)
    L.runError(fmt::format("{}: '{}': expected mode {:04o}, found {:04o}", function, path, *mode,
                           info.st_mode & 07777));
  if (owner) {
    uid_t expected = reportingErrors<FileError>(L, function, [&] { return userId(*owner); });
    if (info.st_uid != expected)
      L.runError(fmt::format("{}: '{}': expected owner {}, found {}", function, path, *owner,
                             userName(info.st_uid)));
  }
  if (group) {
    gid_t expected = reportingErrors<FileError>(L, function, [&] { return groupId(*group); });
    if (info.st_gid != expected)
      L.runError(fmt::format("{}: '{}': expected group {}, found {}", function, path, *group,
                             groupName(info.st_gid)));
  }
  if (contains) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    if (!in)
      L.runError(fmt::format("{}: cannot read '{}': {}", function, path, std::strerror(errno)));
    if (content.str().find(*contains) == std::string::npos)
      L.runError(fmt::format("{}: '{}': expected the content to contain {}, found {}", function,
                             path, excerpt(*contains), excerpt(content.str())));
  }
  return 0;
}

} // namespace

void openInfraTest(Thread& L) {
  lib::newModule(
      L, "infra_test",
      {{"port", infraPort}, {"http", infraHttp}, {"command", infraCommand}, {"file", infraFile}});
  L.pop();
}

} // namespace sloth::stdlib
