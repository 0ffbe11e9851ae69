// Pushing a run's metrics to a Prometheus Pushgateway with libcurl: one PUT of the text format to
// the group /metrics/job/JOB/instance/INSTANCE (https://github.com/prometheus/pushgateway#url).
// PUT replaces every metric of the group, so the group always shows the latest run, whole.
#include "sloth/stdlib/modules/MetricsExport.h"
#include "sloth/stdlib/modules/MetricsRegistry.h"

#include <curl/curl.h>
#include <fmt/core.h>

#include <memory>

namespace sloth::stdlib::metrics {

namespace {

// URL-safe base64 with padding, as the Pushgateway's `@base64` path elements take.
std::string base64Url(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) |
                 (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                 static_cast<unsigned char>(bytes[i + 2]);
    out += {kAlphabet[(n >> 18) & 63], kAlphabet[(n >> 12) & 63], kAlphabet[(n >> 6) & 63],
            kAlphabet[n & 63]};
  }
  if (std::size_t rest = bytes.size() - i) {
    unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
    if (rest == 2)
      n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += {kAlphabet[(n >> 18) & 63], kAlphabet[(n >> 12) & 63],
            rest == 2 ? kAlphabet[(n >> 6) & 63] : '=', '='};
  }
  // An empty value is a lone "=" (the Pushgateway's convention for an empty label value).
  return bytes.empty() ? "=" : out;
}

using Curl = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;

std::string percentEncoded(CURL* curl, std::string_view value) {
  char* escaped = curl_easy_escape(curl, value.data(), static_cast<int>(value.size()));
  std::string out = escaped ? escaped : "";
  curl_free(escaped);
  return out;
}

std::string groupingElement(CURL* curl, std::string_view label, std::string_view value) {
  if (value.empty() || value.find('/') != std::string_view::npos)
    return fmt::format("/{}@base64/{}", label, base64Url(value));
  return fmt::format("/{}/{}", label, percentEncoded(curl, value));
}

std::size_t collect(char* data, std::size_t size, std::size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

// The Pushgateway's answer for a message: its first line, at most 300 characters.
std::string firstLine(std::string text) {
  text = text.substr(0, text.find('\n'));
  return text.size() > 300 ? text.substr(0, 300) + "..." : text;
}

} // namespace

std::string redactedUrl(std::string_view url) {
  std::size_t scheme = url.find("://");
  std::size_t start = scheme == std::string_view::npos ? 0 : scheme + 3;
  std::size_t end = url.find_first_of("/?#", start);
  std::size_t at = url.substr(0, end).rfind('@');
  if (at == std::string_view::npos || at < start)
    return std::string(url);
  return std::string(url.substr(0, start)) + std::string(url.substr(at + 1));
}

std::string groupingUrl(const PushTarget& target) {
  Curl curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl)
    throw MetricsError("cannot initialise libcurl");
  std::string base = target.url;
  while (!base.empty() && base.back() == '/')
    base.pop_back();
  return base + "/metrics" + groupingElement(curl.get(), "job", target.job) +
         groupingElement(curl.get(), "instance", target.instance);
}

std::optional<std::string> pushTargetProblem(const PushTarget& target) {
  if (target.url.rfind("http://", 0) != 0 && target.url.rfind("https://", 0) != 0)
    return fmt::format("the Pushgateway URL must start with http:// or https://, got '{}'",
                       redactedUrl(target.url));
  if (target.job.empty())
    return "the Pushgateway job name is empty";
  return std::nullopt;
}

void pushToGateway(const PushTarget& target, std::string_view body) {
  if (std::optional<std::string> problem = pushTargetProblem(target))
    throw MetricsError(*problem);
  std::string shown = redactedUrl(target.url);
  std::string url = groupingUrl(target);
  Curl curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl)
    throw MetricsError("cannot initialise libcurl");
  std::string answer;
  char error[CURL_ERROR_SIZE] = {};
  curl_slist* headers =
      curl_slist_append(nullptr, "Content-Type: text/plain; version=0.0.4; charset=utf-8");
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, "PUT");
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  CURLcode result = curl_easy_perform(c);
  curl_slist_free_all(headers);
  if (result != CURLE_OK)
    throw MetricsError(fmt::format("cannot push to the Pushgateway at {}: {}", shown,
                                   error[0] ? error : curl_easy_strerror(result)));
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status >= 300)
    throw MetricsError(fmt::format("the Pushgateway at {} refused the push: HTTP {}{}{}", shown,
                                   status, answer.empty() ? "" : ": ", firstLine(answer)));
}

} // namespace sloth::stdlib::metrics
