#include "sloth/stdlib/runtime/Sleep.h"

#include "sloth/stdlib/runtime/Runtime.h"

#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <memory>

namespace sloth::stdlib::runtime {

void sleepFor(vm::Thread& L, double seconds) {
  if (!(seconds > 0))
    return;
  Runtime& rt = Runtime::of(L);
  auto wait = std::make_shared<Wait>();
  auto timer = std::make_shared<boost::asio::steady_timer>(rt.io());
  timer->expires_after(std::chrono::duration_cast<std::chrono::steady_clock::duration>(
      std::chrono::duration<double>(seconds)));
  timer->async_wait([&rt, wait, timer](const boost::system::error_code&) { rt.complete(wait); });
  // A cancelled task leaves await() by an error: the timer must not outlive this frame's run.
  struct CancelOnExit {
    std::shared_ptr<boost::asio::steady_timer> timer;
    ~CancelOnExit() { timer->cancel(); }
  } cancelOnExit{timer};
  rt.await(L, wait);
}

} // namespace sloth::stdlib::runtime
