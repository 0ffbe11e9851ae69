#pragma once
// The run's log (the `log` module's output): one line per message on stderr, as text
// (`INFO  [task] message key=value`) or as one JSON object per line. Values of fields whose names
// look like secrets (password, token, secret, ...) are replaced by "[redacted]".

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sloth::stdlib::runtime {

enum class LogLevel { Debug, Info, Warn, Error };
enum class LogFormat { Text, Json };

/// One structured field; `quoted` is false for numbers and booleans (shown and encoded as-is).
struct LogField {
  std::string key;
  std::string value;
  bool quoted = true;
  std::string json; // a table's value as JSON, for --log-format json (empty for other values)
};

class Logger {
public:
  static std::optional<LogLevel> parseLevel(std::string_view name);   // "debug", "info", ...
  static std::optional<LogFormat> parseFormat(std::string_view name); // "text", "json"
  /// Whether a field of this name holds a secret whose value must never be shown.
  static bool isSecretKey(std::string_view key);

  void setLevel(LogLevel level) { level_ = level; }
  void setFormat(LogFormat format) { format_ = format; }
  void setStream(std::FILE* stream) { stream_ = stream; }
  bool enabled(LogLevel level) const { return level >= level_; }
  LogFormat format() const { return format_; }

  /// Writes one message; `task` is empty outside a task.
  void write(LogLevel level, std::string_view task, std::string_view message,
             const std::vector<LogField>& fields) const;

private:
  LogLevel level_ = LogLevel::Info;
  LogFormat format_ = LogFormat::Text;
  std::FILE* stream_ = stderr;
};

/// A JSON value (nlohmann's json or ordered_json) with what is under keys named like secrets, at
/// any depth, replaced by `shownAs` ("[redacted]" in logs, "(sensitive)" in listings).
template <class Json> Json withoutSecrets(Json value, const char* shownAs) {
  if (value.is_object()) {
    for (auto& [key, item] : value.items())
      item = Logger::isSecretKey(key) ? Json(shownAs) : withoutSecrets(std::move(item), shownAs);
  } else if (value.is_array()) {
    for (Json& item : value)
      item = withoutSecrets(std::move(item), shownAs);
  }
  return value;
}

} // namespace sloth::stdlib::runtime
