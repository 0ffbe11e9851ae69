#pragma once
// The files a dry run would have written. In check mode `file.write`, `file.create` and
// `template.render` change nothing, so a later step of the same run that reads, tests, chmods or
// renders from such a file would find it missing (or old) and fail where the real run would not:
// "write the config, then chmod it" is the most common pair in a deploy. Each check-mode write
// records the content it would leave; `file.read`, `file.exists`, `file.chmod`, `file.chown` and
// a template's source then see it, as the real run would. Nothing of it reaches the host.

#include "sloth/vm/State.h"

#include <optional>
#include <string>
#include <string_view>

namespace sloth::stdlib::modules {

/// Records that a check-mode write of this run would leave `content` at `path`.
void rememberDryRunFile(vm::Thread& L, const std::string& path, std::string_view content);

/// The content a check-mode write of this run would have left at `path`, if one did.
std::optional<std::string> dryRunFile(vm::Thread& L, const std::string& path);

} // namespace sloth::stdlib::modules
