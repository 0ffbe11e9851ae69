#include "TaskOutput.h"

#include "lib/StandardStreams.h"
#include "sloth/stdlib/runtime/Runtime.h"

namespace sloth::stdlib::runtime {

namespace {

constexpr const char* kOriginalPrintKey = "sloth.run.original_print";

// upvalue 1: the redirect's sink (light userdata); upvalue 2: the original print.
int taskPrint(vm::Thread& L) {
  Runtime& runtime = Runtime::of(L);
  std::string task = runtime.groupName(runtime.currentGroup());
  auto* sink = static_cast<TaskOutputRedirect::Sink*>(L.toUserdata(vm::upvalueIndex(1)));
  if (task.empty() || !sink) {
    int n = L.top();
    L.pushValue(vm::upvalueIndex(2));
    L.insert(1);
    L.call(n, 0);
    return 0;
  }
  // As print does: tostring of each argument, tab-separated, then a newline.
  std::string text;
  int n = L.top();
  for (int i = 1; i <= n; ++i) {
    if (i > 1)
      text += '\t';
    text += L.toDisplayString(i);
    L.pop();
  }
  text += '\n';
  (*sink)(task, 1, text);
  return 0;
}

// io.write and friends (lib/StandardStreams.h): a task's writes go to the sink.
bool taskWrite(vm::Thread& L, int stream, std::string_view text, void* context) {
  Runtime& runtime = Runtime::of(L);
  std::string task = runtime.groupName(runtime.currentGroup());
  if (task.empty())
    return false;
  (*static_cast<TaskOutputRedirect::Sink*>(context))(task, stream, text);
  return true;
}

} // namespace

TaskOutputRedirect::TaskOutputRedirect(vm::Thread& L, Sink sink) : L_(L), sink_(std::move(sink)) {
  L.getGlobal("print");
  L.pushValue(-1);
  L.setField(vm::kRegistryIndex, kOriginalPrintKey);
  L.pushLightUserdata(&sink_);
  L.insert(-2);
  L.pushNative(taskPrint, 2, "print");
  L.setGlobal("print");
  lib::setStandardStreamHook(taskWrite, &sink_);
}

TaskOutputRedirect::~TaskOutputRedirect() {
  lib::setStandardStreamHook(nullptr, nullptr);
  L_.getField(vm::kRegistryIndex, kOriginalPrintKey);
  L_.setGlobal("print");
  L_.pushNil();
  L_.setField(vm::kRegistryIndex, kOriginalPrintKey);
}

} // namespace sloth::stdlib::runtime
