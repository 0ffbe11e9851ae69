// toml++'s compiled part, built here from the installed headers (Debian ships it as a shared
// library; sloth links its C++ dependencies statically, cmake/SlothLinking.cmake). Users of the
// library see TOML_HEADER_ONLY=0 and take these definitions.
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
