#include "StringDump.h"

#include "sloth/defs/Defs.h"
#include "sloth/vm/Bundle.h"
#include "sloth/vm/Object.h"

#include <fmt/format.h>

namespace sloth::stdlib::lib {

namespace {

// The module signatures this binary carries: a chunk dumped by a build with other signatures is
// refused, as a bundle is.
std::uint64_t signatureHash() {
  static const std::uint64_t hash = vm::signatureSetHash(defs::files());
  return hash;
}

} // namespace

int strDump(vm::Thread& L) {
  L.checkType(1, vm::Type::Function);
  bool strip = L.toBoolean(2);
  const vm::Value& f = L.at(1);
  if (f.tt != vm::Tag::LuaClosure)
    L.runError("unable to dump given function");
  vm::Bundle chunk;
  chunk.kind = vm::BundleKind::Function;
  chunk.stripped = strip;
  chunk.signatureHash = signatureHash();
  chunk.main = vm::toLClosure(f)->p->src;
  L.pushString(vm::writeBundle(chunk));
  return 1;
}

vm::Status loadBinaryChunk(vm::Thread& L, std::string_view chunk, std::string_view chunkName) {
  vm::Bundle bundle;
  std::string error;
  if (!vm::readBundle(chunk, signatureHash(), bundle, error)) {
    // Named as lundump.c names it: "=name"/"@name" without the prefix, the chunk itself (the
    // default name) as "binary string".
    std::string_view name = chunkName;
    if (name.starts_with('=') || name.starts_with('@'))
      name.remove_prefix(1);
    else if (name.starts_with('\x1b'))
      name = "binary string";
    L.pushString(fmt::format("{}: bad binary format ({})", name, error));
    return vm::Status::ErrSyntax;
  }
  L.load(std::move(bundle.main));
  return vm::Status::Ok;
}

} // namespace sloth::stdlib::lib
