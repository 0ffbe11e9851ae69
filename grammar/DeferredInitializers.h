// The static initializers of the generated Lua parser, run on first use instead of at start-up.
//
// ANTLR's generated parser deserializes its ATN in a static initializer (about a million
// instructions and a megabyte of allocations), which every process linking it would pay before
// main, though `sloth run` of a bundle never parses. The build moves the parser library's
// initializers, and the one of the ANTLR runtime's XPath lexer, from .init_array to the section
// sloth_deferred_init (grammar/CMakeLists.txt; neither the generated code nor the runtime's
// sources are edited), and this function runs them.
#pragma once

namespace sloth::grammar {

/// Runs the generated parser's static initializers once (thread-safe); call it before
/// constructing a LuaParser.
void runDeferredInitializers();

} // namespace sloth::grammar
