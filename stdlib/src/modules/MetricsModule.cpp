// Lua bindings of the metrics module. The registry lives in the State's registry as a userdata
// (freed by its finalizer), created by the first recorded metric.
#include "sloth/stdlib/modules/MetricsModule.h"

#include "ModuleErrors.h"
#include "lib/LibSupport.h"
#include "sloth/stdlib/modules/Options.h"

#include <optional>

namespace sloth::stdlib {

using namespace metrics;
using vm::Thread;

namespace {

constexpr const char* kRegistryKey = "sloth.metrics_registry";
constexpr const char* kRegistryMetatable = "sloth.MetricsRegistry";

struct RegistryBox {
  MetricsRegistry* registry;
};

int closeRegistry(Thread& L) {
  auto* box = static_cast<RegistryBox*>(L.toUserdata(1));
  delete box->registry;
  box->registry = nullptr;
  return 0;
}

MetricsRegistry* existingRegistry(Thread& L) {
  MetricsRegistry* registry = nullptr;
  if (L.getField(vm::kRegistryIndex, kRegistryKey) == vm::Type::Userdata)
    registry = static_cast<RegistryBox*>(L.toUserdata(-1))->registry;
  L.pop();
  return registry;
}

MetricsRegistry& registry(Thread& L) {
  if (MetricsRegistry* existing = existingRegistry(L))
    return *existing;
  auto* box = static_cast<RegistryBox*>(L.newUserdata(sizeof(RegistryBox)));
  box->registry = new MetricsRegistry();
  if (L.newMetatable(kRegistryMetatable)) {
    L.pushNative(closeRegistry, 0, "metrics.close");
    L.setField(-2, "__gc");
  }
  L.setMetatable(-2);
  L.setField(vm::kRegistryIndex, kRegistryKey);
  return *box->registry;
}

// The labels table at `index` (absent or nil: none): string keys to string values.
LabelSet labelsArgument(Thread& L, int index, const std::string& function) {
  LabelSet labels;
  if (L.isNoneOrNil(index))
    return labels;
  index = L.absIndex(index);
  if (!L.isTable(index))
    L.runError(function + ": labels must be a table of strings, got " +
               std::string(L.typeNameAt(index)));
  L.pushNil();
  while (L.next(index)) {
    if (L.type(-2) != vm::Type::String)
      L.runError(function + ": label names must be strings, got " + std::string(L.typeNameAt(-2)));
    std::string_view name, value;
    L.toStringView(-2, name);
    if (L.type(-1) != vm::Type::String)
      L.runError(function + ": label '" + std::string(name) + "' must be a string, got " +
                 std::string(L.typeNameAt(-1)));
    L.toStringView(-1, value);
    labels.emplace_back(std::string(name), std::string(value));
    L.pop();
  }
  return labels;
}

int recordMetric(Thread& L, const char* function, MetricType type, double value, LabelSet labels) {
  std::string name(L.checkString(1));
  modules::reportingErrors<MetricsError>(
      L, function, [&] { registry(L).record(type, name, value, std::move(labels)); });
  return 0;
}

int metricsCounter(Thread& L) {
  const char* function = "metrics.counter";
  L.checkString(1);
  double increment = L.isNoneOrNil(2) ? 1.0 : L.checkNumber(2);
  return recordMetric(L, function, MetricType::Counter, increment, labelsArgument(L, 3, function));
}

int metricsGauge(Thread& L) {
  const char* function = "metrics.gauge";
  L.checkString(1);
  double value = L.checkNumber(2);
  return recordMetric(L, function, MetricType::Gauge, value, labelsArgument(L, 3, function));
}

int metricsHistogram(Thread& L) {
  const char* function = "metrics.histogram";
  L.checkString(1);
  double value = L.checkNumber(2);
  return recordMetric(L, function, MetricType::Histogram, value, labelsArgument(L, 3, function));
}

int metricsCustom(Thread& L) {
  const char* function = "metrics.custom";
  L.checkString(1);
  double value = L.checkNumber(2);
  if (L.isNoneOrNil(3))
    L.runError(std::string(function) + ": options with 'type' (\"counter\", \"gauge\" or "
                                       "\"histogram\") are required");
  modules::Options options(L, 3, function, {"type", "labels"});
  std::optional<std::string> typeName = options.string("type");
  std::optional<MetricType> type;
  if (typeName == "counter")
    type = MetricType::Counter;
  else if (typeName == "gauge")
    type = MetricType::Gauge;
  else if (typeName == "histogram")
    type = MetricType::Histogram;
  if (!type)
    L.runError(std::string(function) + ": option 'type' must be \"counter\", \"gauge\" or " +
               "\"histogram\", got " + (typeName ? "\"" + *typeName + "\"" : "nothing"));
  L.getField(3, "labels");
  LabelSet labels = labelsArgument(L, -1, function);
  L.pop();
  return recordMetric(L, function, *type, value, std::move(labels));
}

} // namespace

const MetricsRegistry* recordedMetrics(Thread& L) {
  return existingRegistry(L);
}

void openMetrics(Thread& L) {
  lib::newModule(L, "metrics",
                 {{"counter", metricsCounter},
                  {"gauge", metricsGauge},
                  {"histogram", metricsHistogram},
                  {"custom", metricsCustom}});
  L.pop();
}

} // namespace sloth::stdlib
