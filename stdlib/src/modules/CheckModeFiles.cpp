#include "CheckModeFiles.h"

namespace sloth::stdlib::modules {

namespace {

// registry[kKey] = { [path] = content }, made on the first check-mode write of the run.
constexpr const char* kKey = "sloth.check_mode.files";

} // namespace

void rememberDryRunFile(vm::Thread& L, const std::string& path, std::string_view content) {
  if (L.getField(vm::kRegistryIndex, kKey) != vm::Type::Table) {
    L.pop();
    L.newTable();
    L.pushValue(-1);
    L.setField(vm::kRegistryIndex, kKey);
  }
  L.pushString(content);
  L.setField(-2, path);
  L.pop();
}

std::optional<std::string> dryRunFile(vm::Thread& L, const std::string& path) {
  std::optional<std::string> content;
  if (L.getField(vm::kRegistryIndex, kKey) == vm::Type::Table) {
    std::string_view text;
    if (L.getField(-1, path) == vm::Type::String && L.toStringView(-1, text))
      content = std::string(text);
    L.pop();
  }
  L.pop();
  return content;
}

} // namespace sloth::stdlib::modules
