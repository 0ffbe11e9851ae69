// The compile cache of `sloth run` (docs/cli.md, "Compile cache"): a script given as source, Lua
// or YAML, is kept compiled as a bundle in $SLOTH_HOME/cache, and the next run of the same text
// from the same path by the same sloth executable loads it instead of parsing. Parsing is most of
// what running a short script costs: the generated parser deserializes its grammar (1.8 M
// instructions) before its first parse (docs/startup.md).
//
// A cached bundle is used only on an exact match: its metadata holds the executable's build ID,
// the path and the whole source text it was compiled from, compared byte for byte, and
// vm::readBundle() verifies it (format version, module-signature hash, checksum, bytecode) as it
// does any bundle. A miss, a damaged or foreign file, or a cache directory that another user
// could write to all mean compiling as if there were no cache. Storing is best-effort and
// silent: the cache never fails or changes a run.
#pragma once

#include "sloth/vm/Proto.h"

#include <memory>
#include <optional>
#include <string>

namespace sloth::cli {

struct CachedScript {
  std::shared_ptr<const vm::Proto> main;
  std::string sourceText; // as the compiler showed it (a YAML file's own text)
};

class CompileCache {
public:
  /// The cache entry for the script file at `path`, read now. nullopt when the script is not a
  /// regular file, caching is off ($SLOTH_NO_CACHE set, no home directory) or the executable
  /// has no build ID.
  static std::optional<CompileCache> forScript(const std::string& path);

  /// The compiled script, when the cache holds this exact text.
  std::optional<CachedScript> load() const;
  /// Keeps `script`, compiled from `compiledText` (the text the compiler read, which is stored
  /// only when it is still the text this entry was made for).
  void store(const CachedScript& script, std::string_view compiledText) const;

private:
  std::string directory_;
  std::string entry_;    // the bundle's path in the directory
  std::string identity_; // the bundle metadata that says which compile it holds
  std::string source_;
};

} // namespace sloth::cli
