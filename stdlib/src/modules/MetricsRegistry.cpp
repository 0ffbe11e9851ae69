// Recording metrics and writing them in the Prometheus text exposition format 0.0.4
// (https://prometheus.io/docs/instrumenting/exposition_formats/).
#include "sloth/stdlib/modules/MetricsRegistry.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fmt/core.h>

namespace sloth::stdlib::metrics {

namespace {

bool isLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

// The names a family's samples carry: a histogram writes three series, the others one.
std::vector<std::string> sampleNamesOf(const std::string& name, MetricType type) {
  if (type == MetricType::Histogram)
    return {name + "_bucket", name + "_sum", name + "_count"};
  return {name};
}

void appendLabels(std::string& out, const LabelSet& labels, const std::string* le = nullptr) {
  if (labels.empty() && !le)
    return;
  out += '{';
  bool first = true;
  for (const auto& [name, value] : labels) {
    out += fmt::format("{}{}=\"{}\"", first ? "" : ",", name, escapeLabelValue(value));
    first = false;
  }
  if (le)
    out += fmt::format("{}le=\"{}\"", first ? "" : ",", *le);
  out += '}';
}

} // namespace

std::string_view metricTypeName(MetricType type) {
  switch (type) {
  case MetricType::Counter:
    return "counter";
  case MetricType::Gauge:
    return "gauge";
  case MetricType::Histogram:
    return "histogram";
  }
  return "untyped";
}

const std::vector<double>& defaultBuckets() {
  static const std::vector<double> buckets = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                              0.5,   1,    2.5,   5,    10};
  return buckets;
}

void validateMetricName(std::string_view name) {
  bool valid =
      !name.empty() && !isDigit(name.front()) && std::all_of(name.begin(), name.end(), [](char c) {
        return isLetter(c) || isDigit(c) || c == '_' || c == ':';
      });
  if (!valid)
    throw MetricsError(fmt::format("invalid metric name '{}' (use letters, digits, '_' and ':', "
                                   "not starting with a digit)",
                                   name));
}

void validateLabelName(std::string_view metric, std::string_view name, MetricType type) {
  bool valid = !name.empty() && !isDigit(name.front()) &&
               std::all_of(name.begin(), name.end(),
                           [](char c) { return isLetter(c) || isDigit(c) || c == '_'; });
  if (!valid)
    throw MetricsError(fmt::format("invalid label name '{}' on '{}' (use letters, digits and "
                                   "'_', not starting with a digit)",
                                   name, metric));
  if (name.substr(0, 2) == "__")
    throw MetricsError(fmt::format(
        "label name '{}' on '{}' is reserved (names starting with '__' are Prometheus's)", name,
        metric));
  if (type == MetricType::Histogram && name == "le")
    throw MetricsError(
        fmt::format("label name 'le' on histogram '{}' is reserved for its bucket bounds", metric));
}

std::string formatSampleValue(double value) {
  if (std::isnan(value))
    return "NaN";
  if (std::isinf(value))
    return value > 0 ? "+Inf" : "-Inf";
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

std::string escapeLabelValue(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '"')
      out += "\\\"";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

MetricsRegistry::Family& MetricsRegistry::family(const std::string& name, MetricType type) {
  if (auto it = families_.find(name); it != families_.end()) {
    if (it->second.type != type)
      throw MetricsError(fmt::format("'{}' is a {}, not a {}", name,
                                     metricTypeName(it->second.type), metricTypeName(type)));
    return it->second;
  }
  // Two families must not write the same sample name: a counter "x_count" and a histogram "x".
  std::vector<std::string> samples = sampleNamesOf(name, type);
  for (const std::string& sample : samples)
    if (auto clash = sampleNames_.find(sample); clash != sampleNames_.end())
      throw MetricsError(fmt::format("'{}' clashes with {} '{}', which writes '{}'", name,
                                     metricTypeName(families_.at(clash->second).type),
                                     clash->second, sample));
  for (const std::string& sample : samples)
    sampleNames_[sample] = name;
  return families_.emplace(name, Family{type, {}}).first->second;
}

MetricsRegistry::Series& MetricsRegistry::series(const std::string& name, MetricType type,
                                                 LabelSet labels) {
  // Everything is checked before the family is created, so a refused call leaves no trace.
  validateMetricName(name);
  std::sort(labels.begin(), labels.end());
  for (std::size_t i = 0; i < labels.size(); ++i) {
    validateLabelName(name, labels[i].first, type);
    if (i > 0 && labels[i].first == labels[i - 1].first)
      throw MetricsError(fmt::format("label '{}' given twice on '{}'", labels[i].first, name));
  }
  return family(name, type).series[std::move(labels)];
}

void MetricsRegistry::add(const std::string& name, double increment, LabelSet labels) {
  if (!std::isfinite(increment) || increment < 0)
    throw MetricsError(fmt::format("counter '{}' can only go up: the increment must be a finite "
                                   "number >= 0, got {}",
                                   name, formatSampleValue(increment)));
  series(name, MetricType::Counter, std::move(labels)).value += increment;
}

void MetricsRegistry::set(const std::string& name, double value, LabelSet labels) {
  series(name, MetricType::Gauge, std::move(labels)).value = value;
}

void MetricsRegistry::observe(const std::string& name, double value, LabelSet labels) {
  if (std::isnan(value))
    throw MetricsError(fmt::format("histogram '{}' cannot observe NaN", name));
  Series& s = series(name, MetricType::Histogram, std::move(labels));
  const std::vector<double>& bounds = defaultBuckets();
  if (s.buckets.empty())
    s.buckets.assign(bounds.size() + 1, 0); // the last one is +Inf
  auto bucket = std::lower_bound(bounds.begin(), bounds.end(), value) - bounds.begin();
  ++s.buckets[static_cast<std::size_t>(bucket)];
  s.sum += value;
  ++s.count;
}

void MetricsRegistry::record(MetricType type, const std::string& name, double value,
                             LabelSet labels) {
  switch (type) {
  case MetricType::Counter:
    return add(name, value, std::move(labels));
  case MetricType::Gauge:
    return set(name, value, std::move(labels));
  case MetricType::Histogram:
    return observe(name, value, std::move(labels));
  }
}

std::string MetricsRegistry::exposition() const {
  std::string out;
  for (const auto& [name, family] : families_) {
    std::string_view type = metricTypeName(family.type);
    out += fmt::format("# HELP {} A {} recorded by a sloth run.\n", name, type);
    out += fmt::format("# TYPE {} {}\n", name, type);
    for (const auto& [labels, s] : family.series) {
      if (family.type != MetricType::Histogram) {
        out += name;
        appendLabels(out, labels);
        out += " " + formatSampleValue(s.value) + "\n";
        continue;
      }
      const std::vector<double>& bounds = defaultBuckets();
      std::uint64_t cumulative = 0;
      for (std::size_t i = 0; i <= bounds.size(); ++i) {
        cumulative += s.buckets[i];
        std::string le = i < bounds.size() ? formatSampleValue(bounds[i]) : "+Inf";
        out += name + "_bucket";
        appendLabels(out, labels, &le);
        out += fmt::format(" {}\n", cumulative);
      }
      out += name + "_sum";
      appendLabels(out, labels);
      out += " " + formatSampleValue(s.sum) + "\n";
      out += name + "_count";
      appendLabels(out, labels);
      out += fmt::format(" {}\n", s.count);
    }
  }
  return out;
}

} // namespace sloth::stdlib::metrics
