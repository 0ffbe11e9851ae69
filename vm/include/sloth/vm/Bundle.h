// Bundles: compiled scripts as versioned binary files (`slothc build`), the binary chunks of
// `string.dump`, and the bytecode verifier.
//
// Both share one container (docs/bundle-format.md describes it byte by byte):
//   32-byte header: magic "\x1bSLOTH\r\n", u32 format version, u8 kind, u8 flags, u16 reserved,
//                   u64 module-signature hash, u32 payload size, u32 CRC-32 of the header's
//                   first 28 bytes followed by the payload
//   payload:        kind Script:   metadata (string), source text (string), main function
//                   kind Function: the function
// The first byte is ESC, as in Lua's binary chunks, so `load` tells binary from text the same way.
//
// readBundle() refuses anything malformed with a message, never crashes: bad magic, version or
// signature mismatch, truncation, a checksum mismatch, a malformed payload, and bytecode that
// fails verifyProto(). The checksum catches accidental damage; verifyProto() is what makes a
// deliberately crafted file safe to run.
#pragma once

#include "sloth/EmbeddedFile.h"
#include "sloth/Version.h"
#include "sloth/vm/Proto.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace sloth::vm {

inline constexpr std::uint32_t kBundleVersion = kBundleFormatVersion;
inline constexpr std::size_t kBundleHeaderSize = 32;

enum class BundleKind : std::uint8_t {
  Script = 1,   // a whole script: `slothc build`
  Function = 2, // one function: `string.dump`
};

struct Bundle {
  BundleKind kind = BundleKind::Script;
  // Written without debug information (line tables, local and upvalue names, source name):
  // string.dump(f, true).
  bool stripped = false;
  std::uint64_t signatureHash = 0;
  std::string metadata;   // Script only: the task/workflow description (JSON, see the doc)
  std::string sourceText; // Script only: the script's text, for showing the offending line
  std::shared_ptr<const Proto> main;
};

std::string writeBundle(const Bundle& b);

// Parses and verifies. On failure returns false and sets error (e.g. "truncated: ...",
// "bundle format version 2 is not supported ..."). expectedSignatureHash == 0 skips the
// signature check.
bool readBundle(std::string_view bytes, std::uint64_t expectedSignatureHash, Bundle& out,
                std::string& error);

// True when `bytes` is binary rather than source text: it starts with ESC, the magic's first byte
// (as Lua tells its binary chunks). readBundle() then says whether it is a good bundle.
bool looksLikeBundle(std::string_view bytes);

// Recomputes the checksum of a bundle whose bytes were edited (tests that craft bad bytecode).
// Does nothing to input shorter than the header.
void resealBundle(std::string& bytes);

// The hash of a module-signature set (FNV-1a 64 of each file's name and contents, in order):
// what a bundle records at build time and the runtime compares before running it.
std::uint64_t signatureSetHash(std::span<const EmbeddedFile> files);

// Checks that executing p cannot go out of bounds: registers, constants (and their types where
// the interpreter relies on them), upvalues, nested functions, jump targets, the instruction
// pairs the interpreter reads together (test+JMP, NEWTABLE+EXTRAARG, ...), and that the code
// cannot run off its end. Returns "" when p (and its nested functions) are valid, else a message
// naming the function and instruction.
std::string verifyProto(const Proto& p);

} // namespace sloth::vm
