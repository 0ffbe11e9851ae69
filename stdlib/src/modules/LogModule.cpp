// The log module (stdlib/defs/log.lua): structured messages on the run's log, tagged with the
// task that logged them.
#include "sloth/stdlib/Modules.h"
#include "sloth/stdlib/Stdlib.h"
#include "sloth/stdlib/runtime/Runtime.h"
#include "sloth/stdlib/runtime/Scheduler.h" // toJson

#include "lib/LibSupport.h"
#include "runtime/Options.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace sloth::stdlib {

using runtime::LogField;
using runtime::LogLevel;
using runtime::Runtime;
using vm::Thread;
using vm::Type;

namespace {

// `json`: the log is in JSON, which writes a table field as JSON, not as its text.
std::vector<LogField> readFields(Thread& L, int index, std::string_view function, bool json) {
  std::vector<LogField> fields;
  if (L.isNoneOrNil(index))
    return fields;
  if (!L.isTable(index))
    L.runError(fmt::format("{}: fields must be a table, got {}", function, L.typeNameAt(index)));
  L.pushNil();
  while (L.next(index)) {
    LogField field;
    field.key = std::string(L.toDisplayString(-2));
    L.pop(); // the key's display string
    Type type = L.type(-1);
    field.quoted = !(type == Type::Number || type == Type::Boolean);
    if (type == Type::Table) { // {code = 7, host = "db1"}, not "table: 0x55..."
      if (json) { // keys named like secrets redacted at any depth, as the text shows them
        nlohmann::json table = runtime::withoutSecrets(runtime::toJson(L, -1), "[redacted]");
        field.json = table.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      }
      field.value = lib::errorValueText(L, -1);
      L.pop();
    } else {
      field.value = std::string(L.toDisplayString(-1));
      L.pop(2); // its display string and the value
    }
    fields.push_back(std::move(field));
  }
  // Table order is arbitrary: sort so the same call always prints the same line.
  std::sort(fields.begin(), fields.end(),
            [](const LogField& a, const LogField& b) { return a.key < b.key; });
  return fields;
}

template <LogLevel Level> int logAt(Thread& L) {
  static constexpr std::string_view kNames[] = {"log.debug", "log.info", "log.warn", "log.error"};
  std::string_view function = kNames[static_cast<int>(Level)];
  Runtime& runtime = Runtime::of(L);
  L.checkAny(1);
  std::string message(L.toDisplayString(1));
  L.pop();
  std::vector<LogField> fields =
      readFields(L, 2, function, runtime.logger().format() == runtime::LogFormat::Json);
  runtime.logger().write(Level, runtime.groupName(runtime.currentGroup()), message, fields);
  return 0;
}

} // namespace

void openLog(Thread& L) {
  L.newTable();
  L.pushNative(logAt<LogLevel::Debug>, 0, "log.debug", true);
  L.setField(-2, "debug");
  L.pushNative(logAt<LogLevel::Info>, 0, "log.info", true);
  L.setField(-2, "info");
  L.pushNative(logAt<LogLevel::Warn>, 0, "log.warn", true);
  L.setField(-2, "warn");
  L.pushNative(logAt<LogLevel::Error>, 0, "log.error", true);
  L.setField(-2, "error");
  L.pushValue(-1);
  L.setGlobal("log");
  registerLoadedModule(L, "log");
}

} // namespace sloth::stdlib
