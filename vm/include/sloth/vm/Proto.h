// A function prototype as the compiler produces it: plain C++ data, no GC involved.
//
// Modelled on Lua 5.4's Proto (lobject.h). The runtime converts a Proto into its own
// garbage-collected form when a chunk is loaded (State::load), so a Proto can be built, inspected,
// serialized into a bundle and dropped freely.
//
// Conventions, as in Lua 5.4:
// - A main chunk is a vararg function with no fixed parameters whose first instruction is
//   VARARGPREP 0, and whose upvalue 0 is _ENV (instack = true, index = 0, name "_ENV"); the
//   loader sets that upvalue to the globals table.
// - Registers 0..numparams-1 hold the fixed parameters on entry.
// - maxstacksize counts every register the function uses (at least numparams, at most MAXREGS).
// - lineinfo has one entry per instruction (absolute line numbers, unlike Lua's compressed form).
// - locvars are in order of declaration; a local is live for startpc <= pc < endpc. The runtime
//   uses them (and upvalue names, and the code itself) to name variables in error messages, like
//   "attempt to index a nil value (local 't')".
#pragma once

#include "sloth/vm/Opcodes.h"

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace sloth::vm {

// A constant: nil, boolean, integer, float or string. Integer and float are distinct (1 vs 1.0).
struct Constant {
  struct Nil {
    bool operator==(const Nil&) const = default;
  };
  std::variant<Nil, bool, std::int64_t, double, std::string> value;

  Constant() = default;
  static Constant nil() { return Constant{}; }
  static Constant boolean(bool b) { return Constant{b}; }
  static Constant integer(std::int64_t i) { return Constant{i}; }
  static Constant number(double d) { return Constant{d}; }
  static Constant string(std::string s) { return Constant{std::move(s)}; }

  bool isNil() const { return std::holds_alternative<Nil>(value); }
  bool operator==(const Constant&) const = default;

private:
  template <class T> explicit Constant(T v) : value(std::move(v)) {}
};

// Describes how a closure captures an upvalue when CLOSURE creates it.
struct UpvalDesc {
  std::string name;       // for debug info / error messages
  bool instack = false;   // true: a register (index) of the enclosing function
  std::uint8_t index = 0; // register of the enclosing function, or its upvalue number
  std::uint8_t kind = 0;  // Lua 5.4: 0 regular, 1 <const>, 2 <close>, 3 compile-time constant
};

// A local variable's name and live range, for debug info.
struct LocVar {
  std::string name;
  int startpc = 0; // first pc where the variable is active
  int endpc = 0;   // first pc where it is dead
};

struct Proto {
  std::string source = "?"; // chunk name as used in messages, e.g. "deploy.lua"
  int linedefined = 0;      // 0 for the main chunk
  int lastlinedefined = 0;
  std::uint8_t numparams = 0;
  bool is_vararg = false;
  std::uint8_t maxstacksize = 2;

  std::vector<Instruction> code;
  std::vector<Constant> k;
  std::vector<std::shared_ptr<Proto>> p; // nested functions, indexed by CLOSURE's Bx
  std::vector<UpvalDesc> upvalues;

  // Debug information.
  std::vector<int> lineinfo; // lineinfo[pc] = source line of code[pc]; may be empty
  std::vector<LocVar> locvars;

  int lineAt(int pc) const {
    return pc >= 0 && static_cast<std::size_t>(pc) < lineinfo.size() ? lineinfo[pc] : -1;
  }
};

} // namespace sloth::vm
