// libFuzzer target: any byte string through the bundle reader and the bytecode verifier, and what
// the verifier accepts through the disassembler and the interpreter. The checksum is resealed
// first, so mutations reach the payload parser and the verifier instead of stopping at the CRC.
// A refusal is fine; a crash, a sanitizer report or a hang is a bug (docs/bundle-format.md:
// "never a crash"). Accepted code may loop: it is interrupted every 200 ms, as a task timeout
// interrupts a script, and may not use more than 64 MB.
#include "sloth/vm/Bundle.h"
#include "sloth/vm/Disassembler.h"
#include "sloth/vm/State.h"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sloth::vm;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  resealBundle(bytes);
  Bundle bundle;
  std::string error;
  if (!readBundle(bytes, 0, bundle, error))
    return 0;
  (void)disassemble(*bundle.main);

  State state;
  state.setMemoryLimit(64 << 20);
  state.setInterruptHandler([](Thread& L) { L.runError("interrupted"); });
  std::mutex mutex;
  std::condition_variable finished;
  bool done = false;
  std::thread watchdog([&] {
    std::unique_lock lock(mutex);
    while (!finished.wait_for(lock, std::chrono::milliseconds(200), [&] { return done; }))
      state.requestInterrupt(); // again and again: a loop may catch the first error
  });
  state.main().load(bundle.main);
  (void)state.main().pcall(0, kMultRet, 0);
  {
    std::lock_guard lock(mutex);
    done = true;
  }
  finished.notify_one();
  watchdog.join();
  return 0;
}
