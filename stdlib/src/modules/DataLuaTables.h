#pragma once
// Walking Lua values for the encoders: which tables are sequences, and the key path of a nested
// value for messages ("servers[2].port").

#include "sloth/vm/State.h"

#include <string>
#include <string_view>
#include <unordered_set>

namespace sloth::stdlib::modules {

/// A table whose keys are exactly the integers 1..n for some n >= 1.
bool isSequence(vm::Thread& L, int index);

/// `path` extended by a key: ".name" for identifiers, "[2]" for integers, "[\"a b\"]" otherwise.
std::string keyPath(std::string_view path, vm::Thread& L, int keyIndex);

/// The key at `keyIndex` as an object/table key: a string as it is, an integer as its digits
/// ({[10] = x} has no array form); throws DataError "at PATH: object keys must be strings or
/// integers, got T" for other keys (`path` is the entry's).
std::string objectKey(vm::Thread& L, int keyIndex, const std::string& path);

/// How deep tables may nest in what the data, state and template functions read and write:
/// deeper values would exhaust the C++ stack (a task's coroutine has a small one); config data
/// nests a few levels.
inline constexpr std::size_t kMaxTableNesting = 200;

/// Tables being encoded, to refuse cycles and nesting deeper than kMaxTableNesting.
class VisitedTables {
public:
  /// Throws DataError "at PATH: a table contains itself" when already being encoded, "at PATH:
  /// tables nested more than 200 levels deep" past kMaxTableNesting.
  void enter(vm::Thread& L, int index, std::string_view path);
  void leave(vm::Thread& L, int index);

private:
  std::unordered_set<const void*> tables;
};

} // namespace sloth::stdlib::modules
