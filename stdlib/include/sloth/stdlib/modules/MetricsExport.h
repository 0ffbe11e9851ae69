#pragma once
// Exporting a run's metrics when it ends (docs/modules/metrics.md): to a file in the Prometheus
// text format (`sloth run --metrics-file PATH`) and to a Prometheus Pushgateway
// (`--pushgateway URL` or $SLOTH_PUSHGATEWAY), grouped by job and instance. Credentials in the URL
// (http://user:password@host:9091) are used for the request and never appear in a message.

#include "sloth/vm/State.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sloth::stdlib::metrics {

struct PushTarget {
  std::string url;      // the Pushgateway's base URL: http[s]://[user:password@]host:port[/prefix]
  std::string job;      // grouping key `job`
  std::string instance; // grouping key `instance`
};

struct ExportSettings {
  std::string file;               // empty: no file
  std::optional<PushTarget> push; // none: no push
};

/// The settings of `sloth run`: `file` from --metrics-file; the Pushgateway URL from `pushgateway`
/// (--pushgateway) or else $SLOTH_PUSHGATEWAY; job from $SLOTH_PUSHGATEWAY_JOB or the script's
/// file name without extension; instance from $SLOTH_PUSHGATEWAY_INSTANCE or the host name.
ExportSettings exportSettingsForRun(std::string file, std::string pushgateway,
                                    std::string_view scriptPath);

/// What is wrong with the target before anything is sent (a URL that is not http:// or
/// https://, an empty job), or nothing: `sloth run` asks before the script runs, so a mistyped
/// --pushgateway is a usage error rather than a failure after the whole run.
std::optional<std::string> pushTargetProblem(const PushTarget& target);

/// `url` with any user:password@ removed, for messages.
std::string redactedUrl(std::string_view url);

/// The URL a push goes to: BASE/metrics/job/JOB/instance/INSTANCE, each value percent-encoded, or
/// written `@base64` (URL-safe) when it holds a '/' or is empty, as the Pushgateway requires.
std::string groupingUrl(const PushTarget& target);

/// PUTs `body` (text format) to the target's group, replacing what the group held. Throws
/// MetricsError naming the redacted URL and the cause (connection, HTTP status and the
/// Pushgateway's answer).
void pushToGateway(const PushTarget& target, std::string_view body);

/// Writes the metrics recorded in L's State (none: an empty exposition) as `settings` say; in
/// check mode (--dry-run) the file is written but nothing is pushed. Returns one message per
/// failure (empty when all went well) and says on stderr when a dry run skipped the push.
std::vector<std::string> exportRunMetrics(vm::Thread& L, const ExportSettings& settings);

} // namespace sloth::stdlib::metrics
