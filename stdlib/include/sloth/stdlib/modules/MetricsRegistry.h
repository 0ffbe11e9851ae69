#pragma once
// The metrics a run records (stdlib/defs/metrics.lua): counters, gauges and histograms, each a
// family of series told apart by their labels, and their exposition in the Prometheus text format
// (version 0.0.4, which the Pushgateway and every Prometheus server read). Names are validated as
// Prometheus requires; a misuse throws MetricsError with a message naming the metric or label.

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sloth::stdlib::metrics {

class MetricsError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

enum class MetricType { Counter, Gauge, Histogram };

std::string_view metricTypeName(MetricType type); // "counter", "gauge", "histogram"

/// Label names and values, sorted by name (one series per distinct set).
using LabelSet = std::vector<std::pair<std::string, std::string>>;

/// The upper bounds of a histogram's buckets (Prometheus clients' defaults, in seconds).
const std::vector<double>& defaultBuckets();

/// Throws unless `name` matches [a-zA-Z_:][a-zA-Z0-9_:]*.
void validateMetricName(std::string_view name);
/// Throws unless `name` matches [a-zA-Z_][a-zA-Z0-9_]* and is not reserved (`__` prefix, and
/// `le` on a histogram).
void validateLabelName(std::string_view metric, std::string_view name, MetricType type);

/// A sample value as the text format writes it: shortest round-trip decimal, NaN, +Inf, -Inf.
std::string formatSampleValue(double value);
/// A label value in double quotes' escaping: backslash, double quote and newline.
std::string escapeLabelValue(std::string_view value);

class MetricsRegistry {
public:
  /// Adds `increment` (finite, >= 0) to the counter series.
  void add(const std::string& name, double increment, LabelSet labels);
  /// Sets the gauge series to `value`.
  void set(const std::string& name, double value, LabelSet labels);
  /// Counts `value` (not NaN) in the histogram series' buckets, sum and count.
  void observe(const std::string& name, double value, LabelSet labels);
  /// One of the three, by type.
  void record(MetricType type, const std::string& name, double value, LabelSet labels);

  bool empty() const { return families_.empty(); }

  /// Every family in name order, its series in label order: # HELP and # TYPE lines, then the
  /// samples (histograms as _bucket{le=...} cumulative counts, _sum and _count).
  std::string exposition() const;

private:
  struct Series {
    double value = 0;                   // counter or gauge
    std::vector<std::uint64_t> buckets; // histogram: observations per bucket (not cumulative)
    double sum = 0;
    std::uint64_t count = 0;
  };
  struct Family {
    MetricType type;
    std::map<LabelSet, Series> series;
  };

  // The family `name` of `type`, created on first use after checking that neither its name nor
  // the sample names it writes (name_bucket, ...) collide with another family's.
  Family& family(const std::string& name, MetricType type);
  Series& series(const std::string& name, MetricType type, LabelSet labels);

  std::map<std::string, Family> families_;
  std::map<std::string, std::string> sampleNames_; // sample name -> the family that writes it
};

} // namespace sloth::stdlib::metrics
