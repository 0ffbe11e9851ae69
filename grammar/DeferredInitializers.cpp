#include "DeferredInitializers.h"

#include "sloth/DeferredInitializers.h"

#include <mutex>

SLOTH_DEFERRED_INITIALIZERS(sloth_deferred_antlr);
SLOTH_DEFERRED_INITIALIZERS(sloth_deferred_lua_parser);
SLOTH_DEFERRED_INITIALIZERS(sloth_deferred_annotation_parser);

namespace sloth::grammar {

namespace {

void runRuntimeInitializers() {
  static std::once_flag once;
  std::call_once(
      once, [] { runInitializers(__start_sloth_deferred_antlr, __stop_sloth_deferred_antlr); });
}

} // namespace

void runDeferredInitializers() {
  runRuntimeInitializers();
  static std::once_flag once;
  std::call_once(once, [] {
    runInitializers(__start_sloth_deferred_lua_parser, __stop_sloth_deferred_lua_parser);
  });
}

void runAnnotationParserInitializers() {
  runRuntimeInitializers();
  static std::once_flag once;
  std::call_once(once, [] {
    runInitializers(__start_sloth_deferred_annotation_parser,
                    __stop_sloth_deferred_annotation_parser);
  });
}

} // namespace sloth::grammar
