#pragma once
// A task's output as whole lines prefixed with its name ("build | compiling..."), for the run's
// views. Chunks of stdout and stderr arrive separately and each stream keeps its own unfinished
// line, so that a partial line of one is never glued to the other's.

#include <fmt/core.h>

#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace sloth::cli {

class PrefixedLines {
public:
  /// Adds a chunk of `stream` (1 or 2) and calls emit(line) for each line it completes.
  template <typename Emit>
  void add(const std::string& task, int stream, std::string_view chunk, Emit&& emit) {
    std::string& pending = partial_[{task, stream}];
    pending.append(chunk);
    for (std::size_t nl; (nl = pending.find('\n')) != std::string::npos;) {
      emit(fmt::format("{} | {}", task, std::string_view(pending).substr(0, nl)));
      pending.erase(0, nl + 1);
    }
  }

  /// The task ended: emits what is left of its streams' last lines.
  template <typename Emit> void flush(const std::string& task, Emit&& emit) {
    for (int stream : {1, 2})
      if (auto it = partial_.find({task, stream}); it != partial_.end()) {
        if (!it->second.empty())
          emit(fmt::format("{} | {}", task, it->second));
        partial_.erase(it);
      }
  }

private:
  std::map<std::pair<std::string, int>, std::string> partial_;
};

} // namespace sloth::cli
