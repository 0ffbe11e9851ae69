#pragma once
// What JSON and YAML can say that plain Lua tables cannot: `data.null` (a null that stays in its
// array slot or object member, unlike nil) and "this table was an array" (so an empty array read
// from JSON is written back as `[]`, not `{}`). Parsers produce both; encoders honour both.

#include "sloth/vm/State.h"

namespace sloth::stdlib::modules {

/// Creates the `data.null` sentinel (a userdata printing as "data.null") once per State and
/// pushes it.
void pushNull(vm::Thread& L);
bool isNull(vm::Thread& L, int index);

/// Gives the table on top of the stack the mark of an array parsed from a document.
void markArray(vm::Thread& L);

/// Whether the table at `index` is written as an array: a sequence (keys 1..n), or an empty
/// table marked by markArray.
bool encodesAsArray(vm::Thread& L, int index);

} // namespace sloth::stdlib::modules
