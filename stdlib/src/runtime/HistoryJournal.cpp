#include "sloth/stdlib/runtime/History.h"
#include "sloth/stdlib/runtime/SqliteDatabase.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <string_view>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sloth::stdlib::runtime {

namespace {

using Json = nlohmann::json;

constexpr int kJournalFormat = 1;

[[noreturn]] void fail(const std::string& doing, const std::string& path) {
  throw std::runtime_error("cannot " + doing + " '" + path + "': " + std::strerror(errno));
}

// Closes the journal (which also drops its flock) on every path out.
class OpenJournal {
public:
  OpenJournal(const std::string& path, int flags, int lockMode) : path_(path) {
    fd_ = ::open(path.c_str(), flags | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd_ < 0)
      return;
    while (::flock(fd_, lockMode) != 0)
      if (errno != EINTR)
        fail("lock", path);
  }
  ~OpenJournal() {
    if (fd_ >= 0)
      ::close(fd_);
  }
  OpenJournal(const OpenJournal&) = delete;
  OpenJournal& operator=(const OpenJournal&) = delete;

  bool isOpen() const { return fd_ >= 0; }
  int fd() const { return fd_; }

  void writeAll(std::string_view bytes) const {
    while (!bytes.empty()) {
      ssize_t n = ::write(fd_, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0) {
        int cause = errno;
        // End the torn line, if there is room, so that the next run's event starts a line of
        // its own and only this one is dropped when the journal is folded.
        [[maybe_unused]] ssize_t ignored = ::write(fd_, "\n", 1);
        errno = cause != 0 ? cause : ENOSPC;
        fail("write", path_);
      }
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
  }

  std::uint64_t size() const {
    struct stat st {};
    if (::fstat(fd_, &st) != 0)
      fail("read", path_);
    return static_cast<std::uint64_t>(st.st_size);
  }

private:
  std::string path_;
  int fd_ = -1;
};

Json optionalNumber(const std::optional<double>& value) {
  return value ? Json(*value) : Json();
}

std::optional<double> optionalNumber(const Json& value) {
  return value.is_number() ? std::optional<double>(value.get<double>()) : std::nullopt;
}

std::string toLine(const HistoryEvent& event) {
  const RunRecord& run = event.run;
  Json line = {
      {"v", kJournalFormat},   {"event", event.kind == HistoryEvent::Kind::Start ? "start" : "end"},
      {"key", run.key},        {"script", run.script},
      {"dry_run", run.dryRun}, {"started_at", run.startedAt}};
  if (event.kind == HistoryEvent::Kind::End) {
    line["workflow"] = run.workflow;
    line["status"] = run.status;
    line["ended_at"] = optionalNumber(run.endedAt);
    line["message"] = run.message;
    Json tasks = Json::array();
    for (const TaskRecord& t : run.tasks)
      tasks.push_back({{"name", t.name},
                       {"status", t.status},
                       {"changed", t.changed},
                       {"message", t.message},
                       {"started_at", optionalNumber(t.startedAt)},
                       {"ended_at", t.endedAt},
                       {"attempts", t.attempts},
                       {"would_change", t.wouldChange}});
    line["tasks"] = std::move(tasks);
  }
  // Invalid UTF-8 in a message (a command's output) is replaced rather than refused: the run
  // is still recorded.
  return line.dump(-1, ' ', false, Json::error_handler_t::replace) + '\n';
}

// A line written by toLine, or nothing (a torn write, another format).
std::optional<HistoryEvent> fromLine(std::string_view text) {
  Json line = Json::parse(text, nullptr, false);
  if (!line.is_object() || line.value("v", 0) != kJournalFormat)
    return std::nullopt;
  try {
    HistoryEvent event;
    std::string kind = line.at("event").get<std::string>();
    if (kind != "start" && kind != "end")
      return std::nullopt;
    event.kind = kind == "start" ? HistoryEvent::Kind::Start : HistoryEvent::Kind::End;
    RunRecord& run = event.run;
    run.key = line.at("key").get<std::string>();
    run.script = line.at("script").get<std::string>();
    run.dryRun = line.at("dry_run").get<bool>();
    run.startedAt = line.at("started_at").get<double>();
    if (event.kind == HistoryEvent::Kind::End) {
      run.workflow = line.at("workflow").get<std::string>();
      run.status = line.at("status").get<std::string>();
      run.endedAt = optionalNumber(line.at("ended_at"));
      run.message = line.at("message").get<std::string>();
      for (const Json& t : line.at("tasks")) {
        TaskRecord task;
        task.name = t.at("name").get<std::string>();
        task.status = t.at("status").get<std::string>();
        task.changed = t.at("changed").get<bool>();
        task.message = t.at("message").get<std::string>();
        task.startedAt = optionalNumber(t.at("started_at"));
        task.endedAt = t.at("ended_at").get<double>();
        task.attempts = t.at("attempts").get<int>();
        task.wouldChange = t.at("would_change").get<int>();
        run.tasks.push_back(std::move(task));
      }
    }
    return event;
  } catch (const Json::exception&) {
    return std::nullopt; // a field missing or of the wrong type
  }
}

} // namespace

HistoryJournal::HistoryJournal(const std::string& databasePath) {
  std::string::size_type slash = databasePath.rfind('/');
  path_ = (slash == std::string::npos ? std::string() : databasePath.substr(0, slash + 1)) +
          "history-journal.jsonl";
}

std::uint64_t HistoryJournal::append(const HistoryEvent& event) {
  std::string line = toLine(event);
  constexpr int kFlags = O_WRONLY | O_APPEND | O_CREAT;
  OpenJournal journal(path_, kFlags, LOCK_SH);
  if (!journal.isOpen() && errno == ENOENT) {
    createPrivateParentDirectory(path_); // the first run of this user
    OpenJournal created(path_, kFlags, LOCK_SH);
    if (!created.isOpen())
      fail("write", path_);
    created.writeAll(line);
    return created.size();
  }
  if (!journal.isOpen())
    fail("write", path_);
  journal.writeAll(line);
  return journal.size();
}

int HistoryJournal::foldInto(HistoryStore& store) {
  OpenJournal journal(path_, O_RDWR, LOCK_EX);
  if (!journal.isOpen()) {
    if (errno == ENOENT)
      return 0; // nothing recorded since the last fold
    fail("read", path_);
  }
  std::string text;
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(journal.fd(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      fail("read", path_);
    if (n == 0)
      break;
    text.append(buffer, static_cast<std::size_t>(n));
  }
  std::vector<HistoryEvent> events;
  int dropped = 0;
  std::string_view rest = text;
  while (!rest.empty()) {
    std::size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    if (line.empty())
      continue;
    std::optional<HistoryEvent> event =
        end == std::string_view::npos ? std::nullopt : fromLine(line); // unended: torn
    if (event)
      events.push_back(std::move(*event));
    else
      ++dropped;
  }
  if (!events.empty())
    store.record(events);
  if (::ftruncate(journal.fd(), 0) != 0)
    fail("empty", path_);
  return dropped;
}

} // namespace sloth::stdlib::runtime
