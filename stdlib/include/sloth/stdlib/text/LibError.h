#pragma once
// The one error type of the VM-independent string/os/utf8/math engines.

#include <stdexcept>
#include <string>

namespace sloth::stdlib::text {

/// An error the binding layer re-raises as a Lua error.
///
/// `message` is the exact text Lua produces. When `argument` is non-zero the error is an argument
/// error: Lua reports it as `bad argument #<argument> to '<function>' (<message>)`, so the binding
/// adds that prefix (adjusting the index for method calls as luaL_argerror does). When `argument`
/// is zero, the message is raised as is (Lua adds only the `file:line:` position).
class LibError : public std::runtime_error {
public:
  explicit LibError(std::string message, int argument = 0)
      : std::runtime_error(message), message_(std::move(message)), argument_(argument) {}

  const std::string& message() const { return message_; }
  /// 1-based index of the offending argument, or 0 for a plain error.
  int argument() const { return argument_; }

private:
  std::string message_;
  int argument_;
};

} // namespace sloth::stdlib::text
