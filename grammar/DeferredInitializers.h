// The static initializers of the ANTLR runtime and of the generated parsers, run on first use.
//
// ANTLR's generated parsers deserialize their ATN in static initializers (the Lua parser's: about
// a million instructions and a megabyte of allocations), and the runtime builds its shared
// objects (empty contexts, error DFA states, its own XPath lexer's ATN) the same way: every
// process linking them paid that before main, though `sloth run` of a bundle never parses. The
// build moves those initializers out of .init_array (grammar/CMakeLists.txt; neither the
// generated code nor the runtime's sources are edited; sloth/DeferredInitializers.h), and these
// functions run them, the runtime's first.
#pragma once

namespace sloth::grammar {

/// Runs the runtime's and the Lua parser's initializers once (thread-safe); call it before
/// using the ANTLR runtime or constructing a LuaParser.
void runDeferredInitializers();

/// The same for the annotation parser (LuaAnnotationLexer, LuaAnnotationParser).
void runAnnotationParserInitializers();

} // namespace sloth::grammar
