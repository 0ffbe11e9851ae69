// The metrics registry and its text exposition, and the Pushgateway URL helpers, on fixed inputs.
// The whole path through `sloth run` and a real Pushgateway is in test/lit/modules/metrics-*.
#include "sloth/stdlib/modules/MetricsExport.h"
#include "sloth/stdlib/modules/MetricsRegistry.h"

#include <cmath>
#include <functional>
#include <gtest/gtest.h>
#include <limits>

namespace {

using namespace sloth::stdlib::metrics;

std::string errorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const MetricsError& e) {
    return e.what();
  }
  return "no error";
}

TEST(MetricsRegistry, SampleValuesRoundTripAndSpecialValues) {
  EXPECT_EQ(formatSampleValue(3), "3");
  EXPECT_EQ(formatSampleValue(0.1), "0.1");
  EXPECT_EQ(formatSampleValue(-3.25), "-3.25");
  EXPECT_EQ(formatSampleValue(1e21), "1e+21");
  EXPECT_EQ(formatSampleValue(std::nan("")), "NaN");
  EXPECT_EQ(formatSampleValue(std::numeric_limits<double>::infinity()), "+Inf");
  EXPECT_EQ(formatSampleValue(-std::numeric_limits<double>::infinity()), "-Inf");
}

TEST(MetricsRegistry, LabelValuesEscapeBackslashQuoteNewline) {
  EXPECT_EQ(escapeLabelValue("a\\b\"c\nd\te"), "a\\\\b\\\"c\\nd\te");
}

TEST(MetricsRegistry, NamesFollowPrometheusRules) {
  EXPECT_EQ(errorOf([] { validateMetricName("ns:requests_total"); }), "no error");
  EXPECT_NE(errorOf([] { validateMetricName(""); }), "no error");
  EXPECT_NE(errorOf([] { validateMetricName("9lives"); }), "no error");
  EXPECT_NE(errorOf([] { validateMetricName("caf\xc3\xa9"); }), "no error");
  EXPECT_EQ(errorOf([] { validateLabelName("m", "_x1", MetricType::Gauge); }), "no error");
  EXPECT_NE(errorOf([] { validateLabelName("m", "a:b", MetricType::Gauge); }), "no error");
  EXPECT_NE(errorOf([] { validateLabelName("m", "__x", MetricType::Gauge); }), "no error");
  EXPECT_EQ(errorOf([] { validateLabelName("m", "le", MetricType::Gauge); }), "no error");
  EXPECT_NE(errorOf([] { validateLabelName("m", "le", MetricType::Histogram); }), "no error");
}

TEST(MetricsRegistry, BucketBoundsAreInclusive) {
  MetricsRegistry r;
  r.observe("d", 0.005, {}); // exactly on a bound: counted in le="0.005"
  r.observe("d", -1, {});    // below every bound
  r.observe("d", 10.5, {});  // only in +Inf
  std::string text = r.exposition();
  EXPECT_NE(text.find("d_bucket{le=\"0.005\"} 2\n"), std::string::npos) << text;
  EXPECT_NE(text.find("d_bucket{le=\"10\"} 2\n"), std::string::npos) << text;
  EXPECT_NE(text.find("d_bucket{le=\"+Inf\"} 3\n"), std::string::npos) << text;
  EXPECT_NE(text.find("d_sum 9.505\n"), std::string::npos) << text;
  EXPECT_NE(text.find("d_count 3\n"), std::string::npos) << text;
}

TEST(MetricsRegistry, HistogramLabelsComeBeforeLe) {
  MetricsRegistry r;
  r.observe("d", 1, {{"zone", "a"}, {"app", "web"}});
  EXPECT_NE(r.exposition().find("d_bucket{app=\"web\",zone=\"a\",le=\"1\"} 1\n"),
            std::string::npos);
}

TEST(MetricsRegistry, RefusedCallsLeaveNoFamily) {
  MetricsRegistry r;
  EXPECT_NE(errorOf([&] { r.set("g", 1, {{"bad-name", "x"}}); }), "no error");
  EXPECT_NE(errorOf([&] { r.add("c", -1, {}); }), "no error");
  EXPECT_NE(errorOf([&] { r.set("g", 1, {{"a", "1"}, {"a", "2"}}); }), "no error");
  EXPECT_TRUE(r.empty());
  EXPECT_EQ(r.exposition(), "");
}

TEST(MetricsRegistry, SampleNameClashesEitherWay) {
  MetricsRegistry r;
  r.add("jobs_sum", 1, {});
  EXPECT_EQ(errorOf([&] { r.observe("jobs", 1, {}); }),
            "'jobs' clashes with counter 'jobs_sum', which writes 'jobs_sum'");
  r.observe("latency", 1, {});
  EXPECT_EQ(errorOf([&] { r.set("latency_bucket", 1, {}); }),
            "'latency_bucket' clashes with histogram 'latency', which writes 'latency_bucket'");
}

TEST(MetricsExport, RedactedUrlDropsCredentials) {
  EXPECT_EQ(redactedUrl("http://user:pa%40ss@gw:9091/prefix"), "http://gw:9091/prefix");
  EXPECT_EQ(redactedUrl("https://token@gw"), "https://gw");
  EXPECT_EQ(redactedUrl("http://gw:9091/path@x"), "http://gw:9091/path@x");
  EXPECT_EQ(redactedUrl("http://gw:9091"), "http://gw:9091");
}

TEST(MetricsExport, GroupingUrlEncodesValues) {
  EXPECT_EQ(groupingUrl({"http://gw:9091/", "deploy", "web 1"}),
            "http://gw:9091/metrics/job/deploy/instance/web%201");
  // '/' and empty values use the Pushgateway's @base64 form (URL-safe alphabet, padded).
  EXPECT_EQ(groupingUrl({"http://gw:9091", "deploy", "web/1"}),
            "http://gw:9091/metrics/job/deploy/instance@base64/d2ViLzE=");
  EXPECT_EQ(groupingUrl({"http://gw:9091", "a/b?>", ""}),
            "http://gw:9091/metrics/job@base64/YS9iPz4=/instance@base64/=");
}

} // namespace
