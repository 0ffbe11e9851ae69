// Bundles: compiled scripts as versioned binary files, and the bytecode verifier.
//
// Format (version 1; integers little-endian, "varint" = LEB128 unsigned):
//   8 bytes   magic "SLOTHBC\n"
//   u32       format version (kBundleVersion)
//   u64       hash of the module signature set the script was checked against
//   varint n, n bytes   metadata (opaque to the VM: the analyzer's task/workflow description)
//   varint n, n bytes   source text (for showing the offending line of a run-time error)
//   function  the main chunk, recursively:
//     string source; varint linedefined, lastlinedefined; u8 numparams, is_vararg, maxstacksize
//     varint n, n x u32 code
//     varint n, n constants: u8 tag (0 nil, 1 false, 2 true, 3 integer i64, 4 float f64,
//                                    5 string) and the payload
//     varint n, n upvalues: u8 instack, u8 index, u8 kind, string name
//     varint n, n nested functions
//     varint n, n x varint lines
//     varint n, n locals: string name, varint startpc, varint endpc
//   (string = varint length + bytes)
//
// readBundle() refuses anything malformed with a message, never crashes: truncation, bad magic,
// version or signature mismatch, and bytecode that fails verifyProto().
#pragma once

#include "sloth/vm/Proto.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace sloth::vm {

inline constexpr std::uint32_t kBundleVersion = 1;

struct Bundle {
  std::uint64_t signatureHash = 0;
  std::string metadata;
  std::string sourceText;
  std::shared_ptr<Proto> main;
};

std::string writeBundle(const Bundle& b);

// Parses and verifies. On failure returns false and sets error (e.g. "truncated bundle",
// "bundle format version 2 is not supported (expected 1)"). expectedSignatureHash == 0 skips the
// signature check.
bool readBundle(std::string_view bytes, std::uint64_t expectedSignatureHash, Bundle& out,
                std::string& error);

// Checks that executing p cannot go out of bounds: registers, constants (and their types where
// the interpreter relies on them), upvalues, nested functions, jump targets, the instruction
// pairs the interpreter reads together (test+JMP, NEWTABLE+EXTRAARG, ...), and that the code
// cannot run off its end. Returns "" when p (and its nested functions) are valid, else a message
// naming the function and instruction.
std::string verifyProto(const Proto& p);

} // namespace sloth::vm
