#include "sloth/stdlib/runtime/Logger.h"

#include "sloth/SecretNames.h"

#include <nlohmann/json.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>

namespace sloth::stdlib::runtime {

namespace {

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

const char* levelName(LogLevel level) {
  switch (level) {
  case LogLevel::Debug:
    return "debug";
  case LogLevel::Info:
    return "info";
  case LogLevel::Warn:
    return "warn";
  case LogLevel::Error:
    return "error";
  }
  return "info";
}

std::string timestamp() {
  auto now = std::chrono::system_clock::now();
  std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()) % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
  return fmt::format("{}.{:03}Z", text, millis.count());
}

// A text-format value: bare when it is a simple word, else quoted.
std::string textValue(const LogField& field) {
  if (!field.quoted)
    return field.value;
  bool plain = !field.value.empty() &&
               std::all_of(field.value.begin(), field.value.end(),
                           [](unsigned char c) { return std::isgraph(c) && c != '"' && c != '='; });
  return plain ? field.value : nlohmann::json(field.value).dump();
}

} // namespace

std::optional<LogLevel> Logger::parseLevel(std::string_view name) {
  std::string n = lowercase(name);
  if (n == "debug")
    return LogLevel::Debug;
  if (n == "info")
    return LogLevel::Info;
  if (n == "warn" || n == "warning")
    return LogLevel::Warn;
  if (n == "error")
    return LogLevel::Error;
  return std::nullopt;
}

std::optional<LogFormat> Logger::parseFormat(std::string_view name) {
  std::string n = lowercase(name);
  if (n == "text")
    return LogFormat::Text;
  if (n == "json")
    return LogFormat::Json;
  return std::nullopt;
}

bool Logger::isSecretKey(std::string_view key) {
  return isSecretName(key);
}

void Logger::write(LogLevel level, std::string_view task, std::string_view message,
                   const std::vector<LogField>& fields) const {
  if (!enabled(level))
    return;
  std::string line;
  if (format_ == LogFormat::Json) {
    nlohmann::ordered_json record;
    record["time"] = timestamp();
    record["level"] = levelName(level);
    if (!task.empty())
      record["task"] = std::string(task);
    record["message"] = std::string(message);
    for (const LogField& field : fields) {
      if (isSecretKey(field.key))
        record[field.key] = "[redacted]";
      else if (auto table = nlohmann::json::parse(field.json, nullptr, false);
               !field.json.empty() && !table.is_discarded())
        record[field.key] = std::move(table); // an object or an array, as the table holds
      else if (field.quoted)
        record[field.key] = field.value;
      else if (auto value = nlohmann::json::parse(field.value, nullptr, false);
               !value.is_discarded())
        record[field.key] = value;
      else
        record[field.key] = field.value; // nan, inf: not JSON numbers
    }
    line = record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  } else {
    std::string name = lowercase(levelName(level));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    line = fmt::format("{:<5}", name);
    if (!task.empty())
      line += fmt::format(" [{}]", task);
    line += fmt::format(" {}", message);
    for (const LogField& field : fields)
      line += fmt::format(" {}={}", field.key,
                          isSecretKey(field.key) ? std::string("[redacted]") : textValue(field));
  }
  line += '\n';
  std::fflush(stdout); // keeps the order of output and log lines when both go to one file
  std::fwrite(line.data(), 1, line.size(), stream_);
  std::fflush(stream_);
}

} // namespace sloth::stdlib::runtime
