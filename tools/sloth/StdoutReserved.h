#pragma once
// Stdout kept for a command's own result (a JSON document, a listing): while it lives, what the
// script prints (its top level, hooks, commands run by os.execute) goes to stderr; release()
// gives stdout back for the result.

#include <cstdio>
#include <unistd.h>

namespace sloth::cli {

class StdoutReserved {
public:
  StdoutReserved() {
    std::fflush(stdout);
    saved_ = ::dup(STDOUT_FILENO);
    if (saved_ >= 0)
      ::dup2(STDERR_FILENO, STDOUT_FILENO);
  }
  ~StdoutReserved() { release(); }
  StdoutReserved(const StdoutReserved&) = delete;
  StdoutReserved& operator=(const StdoutReserved&) = delete;
  void release() {
    if (saved_ < 0)
      return;
    std::fflush(stdout);
    ::dup2(saved_, STDOUT_FILENO);
    ::close(saved_);
    saved_ = -1;
  }

private:
  int saved_ = -1;
};

} // namespace sloth::cli
