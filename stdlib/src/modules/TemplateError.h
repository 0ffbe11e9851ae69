#pragma once
// What the template engine throws: the template line (0 when none applies) and the cause. The
// bindings add the function and, for files, the template's path ("t.j2:3: ...").

#include <stdexcept>
#include <string>

namespace sloth::stdlib::modules {

struct TemplateError : std::runtime_error {
  TemplateError(int line, const std::string& cause)
      : std::runtime_error(line > 0 ? "line " + std::to_string(line) + ": " + cause : cause),
        line(line), cause(cause) {}
  int line;
  std::string cause;
};

} // namespace sloth::stdlib::modules
