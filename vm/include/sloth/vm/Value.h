// Lua values.
//
// A Value is a 16-byte tagged union (payload + tag), like Lua's TValue. Why not NaN-boxing: Lua 5.4
// integers are full 64-bit and cannot share the NaN space with pointers without boxing, and a
// 16-byte value keeps integer arithmetic and type tests branch-cheap and portable.
#pragma once

#include <cstdint>

namespace sloth::vm {

// Variant tags. Collectable values (the payload is a GCObject*) are those >= Tag::ShortString.
enum class Tag : std::uint8_t {
  Nil,
  Boolean,
  LightUserdata,
  Integer,
  Float,
  ShortString, // interned, compared by pointer
  LongString,
  Table,
  LuaClosure,
  NativeClosure,
  Userdata,
  Thread,
  // Internal objects, never seen as first-class values.
  Proto,
  UpVal,
  DeadKey, // a table key whose entry was removed and whose object may already be collected
};

// Basic types as seen by the language (type()).
enum class Type : std::int8_t {
  None = -1, // an absent stack index in the API
  Nil,
  Boolean,
  LightUserdata,
  Number,
  String,
  Table,
  Function,
  Userdata,
  Thread,
};

struct GCObject;
struct LString;
struct Table;

struct Value {
  union {
    GCObject* gc;
    void* p;
    std::int64_t i;
    double n;
    bool b;
  };
  Tag tt = Tag::Nil;

  Value() : i(0) {}

  static Value nil() { return Value(); }
  static Value boolean(bool v) {
    Value r;
    r.b = v;
    r.tt = Tag::Boolean;
    return r;
  }
  static Value integer(std::int64_t v) {
    Value r;
    r.i = v;
    r.tt = Tag::Integer;
    return r;
  }
  static Value number(double v) {
    Value r;
    r.n = v;
    r.tt = Tag::Float;
    return r;
  }
  static Value lightUserdata(void* v) {
    Value r;
    r.p = v;
    r.tt = Tag::LightUserdata;
    return r;
  }
  static Value object(GCObject* o, Tag t) {
    Value r;
    r.gc = o;
    r.tt = t;
    return r;
  }

  bool isNil() const { return tt == Tag::Nil; }
  bool isFalsy() const { return tt == Tag::Nil || (tt == Tag::Boolean && !b); }
  bool isInteger() const { return tt == Tag::Integer; }
  bool isFloat() const { return tt == Tag::Float; }
  bool isNumber() const { return tt == Tag::Integer || tt == Tag::Float; }
  bool isString() const { return tt == Tag::ShortString || tt == Tag::LongString; }
  bool isTable() const { return tt == Tag::Table; }
  bool isFunction() const { return tt == Tag::LuaClosure || tt == Tag::NativeClosure; }
  bool isCollectable() const { return tt >= Tag::ShortString; }

  LString* str() const { return reinterpret_cast<LString*>(gc); }
  Table* table() const { return reinterpret_cast<Table*>(gc); }
  // Numeric value as a double (caller checked isNumber()).
  double asFloat() const { return tt == Tag::Integer ? static_cast<double>(i) : n; }

  Type type() const {
    switch (tt) {
    case Tag::Nil:
      return Type::Nil;
    case Tag::Boolean:
      return Type::Boolean;
    case Tag::LightUserdata:
      return Type::LightUserdata;
    case Tag::Integer:
    case Tag::Float:
      return Type::Number;
    case Tag::ShortString:
    case Tag::LongString:
      return Type::String;
    case Tag::Table:
      return Type::Table;
    case Tag::LuaClosure:
    case Tag::NativeClosure:
      return Type::Function;
    case Tag::Userdata:
      return Type::Userdata;
    case Tag::Thread:
      return Type::Thread;
    default:
      return Type::None;
    }
  }
};

static_assert(sizeof(Value) == 16, "values are two words");

// Name of a basic type as Lua prints it ("nil", "number", ...; "no value" for None).
const char* typeName(Type t);

} // namespace sloth::vm
