// `sloth history [--limit N] [--format json]`: the most recent runs from the run history in the
// state database (design §9), newest first, each with its tasks.
#include "Commands.h"
#include "DryRunView.h" // firstLineOf

#include "sloth/stdlib/runtime/History.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <exception>
#include <memory>
#include <string>

namespace sloth::cli {

namespace {

namespace rt = stdlib::runtime;

// Local time for people, "2026-11-26 23:10:01".
std::string localTime(double unixSeconds) {
  std::time_t t = static_cast<std::time_t>(unixSeconds);
  std::tm local{};
  localtime_r(&t, &local);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &local);
  return text;
}

// RFC 3339 UTC with milliseconds for machines, "2026-11-26T23:10:01.123Z".
std::string utcTime(double unixSeconds) {
  std::time_t t = static_cast<std::time_t>(unixSeconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
  int millis = static_cast<int>((unixSeconds - std::floor(unixSeconds)) * 1000);
  return fmt::format("{}.{:03}Z", text, millis);
}

std::string formatDuration(double seconds) {
  if (seconds < 60)
    return fmt::format("{:.2f}s", seconds);
  int total = static_cast<int>(seconds);
  return fmt::format("{}m{:02}s", total / 60, total % 60);
}

nlohmann::ordered_json textOrNull(const std::string& text) {
  return text.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(text);
}

nlohmann::ordered_json optionalTime(const std::optional<double>& t) {
  return t ? nlohmann::ordered_json(utcTime(*t)) : nlohmann::ordered_json();
}

nlohmann::ordered_json toJson(const rt::RunRecord& run) {
  nlohmann::ordered_json doc;
  doc["id"] = run.id;
  doc["script"] = run.script;
  doc["workflow"] = textOrNull(run.workflow);
  doc["dry_run"] = run.dryRun;
  doc["status"] = run.status;
  doc["started_at"] = utcTime(run.startedAt);
  doc["ended_at"] = optionalTime(run.endedAt);
  doc["duration"] =
      run.endedAt ? nlohmann::ordered_json(*run.endedAt - run.startedAt) : nlohmann::ordered_json();
  doc["message"] = textOrNull(run.message);
  nlohmann::ordered_json tasks = nlohmann::ordered_json::array();
  for (const rt::TaskRecord& t : run.tasks) {
    nlohmann::ordered_json task;
    task["name"] = t.name;
    task["status"] = t.status;
    task["changed"] = t.changed;
    task["message"] = textOrNull(t.message);
    task["started_at"] = optionalTime(t.startedAt);
    task["ended_at"] = utcTime(t.endedAt);
    task["duration"] =
        t.startedAt ? nlohmann::ordered_json(t.endedAt - *t.startedAt) : nlohmann::ordered_json();
    task["attempts"] = t.attempts;
    if (run.dryRun)
      task["would_change"] = t.wouldChange;
    tasks.push_back(std::move(task));
  }
  doc["tasks"] = std::move(tasks);
  return doc;
}

void printText(const std::vector<rt::RunRecord>& runs) {
  for (const rt::RunRecord& run : runs) {
    std::string what = run.workflow.empty() ? run.script : run.workflow + "  " + run.script;
    fmt::print("#{}  {}  {}{}  {}  {}\n", run.id, localTime(run.startedAt), run.status,
               run.dryRun ? " (dry run)" : "",
               run.endedAt ? formatDuration(*run.endedAt - run.startedAt) : "-", what);
    // A message's first line keeps the listing one line per task (--format json has it whole).
    if (!run.message.empty())
      fmt::print("    {}\n", firstLineOf(run.message));
    std::size_t width = 0;
    for (const rt::TaskRecord& t : run.tasks)
      width = std::max(width, t.name.size());
    for (const rt::TaskRecord& t : run.tasks) {
      std::string status = t.status == "success" && !t.changed ? "ok" : t.status;
      std::string line =
          fmt::format("    {:<{}}  {:<8}  {:>8}", t.name, width, status,
                      t.startedAt ? formatDuration(t.endedAt - *t.startedAt) : std::string("-"));
      if (run.dryRun && t.wouldChange > 0)
        line += fmt::format("  [{} would change]", t.wouldChange);
      if (!t.message.empty())
        line += "  " + firstLineOf(t.message);
      fmt::print("{}\n", line);
    }
  }
}

// Runs record themselves in the journal; they reach the database here (History.h). A journal
// that cannot be folded leaves the database as it was: shown, with a warning.
void foldJournal(rt::HistoryStore& store, const std::string& databasePath) {
  rt::HistoryJournal journal(databasePath);
  try {
    if (int dropped = journal.foldInto(store); dropped > 0)
      fmt::print(stderr, "sloth: warning: {} unreadable line{} of {} dropped (a write cut short)\n",
                 dropped, dropped == 1 ? "" : "s", journal.path());
  } catch (const std::exception& e) {
    fmt::print(stderr, "sloth: warning: the latest runs may be missing: {}\n", e.what());
  }
}

int history(int limit, const std::string& format) {
  std::string path;
  std::vector<rt::RunRecord> runs;
  try {
    path = rt::HistoryStore::defaultPath();
    rt::HistoryStore store(path);
    foldJournal(store, path);
    runs = store.recentRuns(limit);
  } catch (const std::exception& e) {
    fmt::print(stderr, "sloth: cannot read the run history: {}\n", e.what());
    return 1;
  }
  if (format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const rt::RunRecord& run : runs)
      list.push_back(toJson(run));
    nlohmann::ordered_json doc;
    doc["format_version"] = 1;
    doc["database"] = path;
    doc["runs"] = std::move(list);
    fmt::print("{}\n", doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    return 0;
  }
  if (runs.empty())
    fmt::print("no runs recorded yet in {}\n", path);
  printText(runs);
  return 0;
}

} // namespace

Action addHistoryCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "history", "Show the most recent runs and their tasks (from $SLOTH_HOME/state.db)");
  auto limit = std::make_shared<int>(20);
  auto format = std::make_shared<std::string>("text");
  cmd->add_option("--limit", *limit, "How many runs to show, newest first (default 20)")
      ->check(CLI::Range(1, 1000000));
  cmd->add_option("--format", *format, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  return [cmd, limit, format]() -> int {
    if (!*cmd)
      return -1;
    return history(*limit, *format);
  };
}

} // namespace sloth::cli
