#pragma once
// Permission strings: octal ("0644", "755") everywhere, and chmod's symbolic clauses ("u+x",
// "go-w", "a=rX,u+s") for file.chmod.

#include <optional>
#include <string_view>
#include <sys/types.h>

namespace sloth::stdlib::modules {

/// An octal mode of 3 or 4 digits up to 07777; nullopt when the string is not one.
std::optional<mode_t> parseOctalMode(std::string_view text);

/// The mode a path with `current` permissions gets from `spec`, octal or symbolic (as chmod(1),
/// except that a clause without u/g/o/a applies to all, ignoring the umask). `isDirectory` decides
/// what `X` means. Nullopt when the spec is malformed.
std::optional<mode_t> applyModeSpec(std::string_view spec, mode_t current, bool isDirectory);

} // namespace sloth::stdlib::modules
