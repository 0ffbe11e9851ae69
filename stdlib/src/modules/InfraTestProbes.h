#pragma once
// The network probes behind infra_test.port and infra_test.http. Each suspends the calling
// coroutine on the event loop until it has an answer or its time is up, so other tasks run.

#include "sloth/vm/State.h"

#include <string>

namespace sloth::stdlib::modules {

struct PortProbe {
  bool open = false;
  std::string detail; // why it is not open: "connection refused", "no answer within 5 s", ...
};

/// Tries a TCP connection to host:port (resolving the name first).
PortProbe probePort(vm::Thread& L, const std::string& host, int port, double timeoutSeconds);

struct HttpProbe {
  bool answered = false; // false: `error` says why there is no response
  long status = 0;
  std::string body;
  std::string error;
};

/// GETs the URL through libcurl (redirects followed, certificates verified).
HttpProbe fetchHttp(vm::Thread& L, const std::string& url, double timeoutSeconds);

} // namespace sloth::stdlib::modules
