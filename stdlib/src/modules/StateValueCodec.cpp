#include "StateValueCodec.h"

#include "DataLuaTables.h" // kMaxTableNesting
#include "StateError.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace sloth::stdlib::modules {

namespace {

enum Tag : char {
  kTrue = 'T',
  kFalse = 'F',
  kInteger = 'i',
  kFloat = 'd',
  kString = 's',
  kTable = 't',
};

void appendUint64(std::string& out, std::uint64_t n) {
  for (int i = 0; i < 8; i++)
    out.push_back(static_cast<char>((n >> (8 * i)) & 0xff));
}

class Encoder {
public:
  Encoder(vm::Thread& L, std::string_view key) : L(L), key(key) {}

  std::string encode(int index, const std::string& place) {
    std::string out;
    L.checkStack(4);
    switch (L.type(index)) {
    case vm::Type::Boolean:
      out.push_back(L.toBoolean(index) ? kTrue : kFalse);
      return out;
    case vm::Type::Number:
      if (L.isInteger(index)) {
        out.push_back(kInteger);
        appendUint64(out, static_cast<std::uint64_t>(L.toInteger(index)));
      } else {
        out.push_back(kFloat);
        appendUint64(out, std::bit_cast<std::uint64_t>(L.toNumber(index)));
      }
      return out;
    case vm::Type::String: {
      std::string_view s;
      L.toStringView(index, s);
      out.push_back(kString);
      appendUint64(out, s.size());
      out.append(s);
      return out;
    }
    case vm::Type::Table:
      return encodeTable(index, place);
    default:
      fail(place, std::string("a ") + L.typeNameAt(index));
    }
  }

private:
  std::string encodeTable(int index, const std::string& place) {
    if (inProgress.size() >= kMaxTableNesting)
      fail(place, "tables nested more than " + std::to_string(kMaxTableNesting) + " levels deep");
    if (!inProgress.insert(L.toPointer(index)).second)
      fail(place, "a table that contains itself");
    std::vector<std::pair<std::string, std::string>> entries;
    L.pushNil();
    while (L.next(index)) {
      std::string keyPlace = place + "[" + std::string(L.toDisplayString(-2)) + "]";
      L.pop(); // the display string
      std::string encodedKey = encode(L.absIndex(-2), keyPlace);
      std::string encodedValue = encode(L.absIndex(-1), keyPlace);
      entries.emplace_back(std::move(encodedKey), std::move(encodedValue));
      L.pop();
    }
    inProgress.erase(L.toPointer(index));
    std::sort(entries.begin(), entries.end());
    std::string out(1, kTable);
    appendUint64(out, entries.size());
    for (const auto& [k, v] : entries)
      out += k + v;
    return out;
  }

  [[noreturn]] void fail(const std::string& place, const std::string& what) {
    throw StateError("cannot store " + what + " under '" + std::string(key) + "'" +
                     (place.empty() ? "" : " (at " + place + ")") +
                     "; values are strings, numbers, booleans and tables of them");
  }

  vm::Thread& L;
  std::string_view key;
  std::unordered_set<const void*> inProgress;
};

class Decoder {
public:
  Decoder(vm::Thread& L, std::string_view bytes, std::string_view key)
      : L(L), bytes(bytes), key(key) {}

  void pushAll() {
    pushOne();
    if (!bytes.empty())
      corrupted();
  }

private:
  void pushOne() {
    L.checkStack(4);
    char tag = take(1)[0];
    switch (tag) {
    case kTrue:
    case kFalse:
      L.pushBoolean(tag == kTrue);
      return;
    case kInteger:
      L.pushInteger(static_cast<std::int64_t>(takeUint64()));
      return;
    case kFloat:
      L.pushNumber(std::bit_cast<double>(takeUint64()));
      return;
    case kString: {
      std::uint64_t size = takeUint64();
      if (size > bytes.size())
        corrupted();
      L.pushString(take(static_cast<std::size_t>(size)));
      return;
    }
    case kTable: {
      std::uint64_t count = takeUint64();
      if (count > bytes.size())
        corrupted();
      L.newTable(0, static_cast<int>(count));
      for (std::uint64_t i = 0; i < count; i++) {
        pushOne();
        pushOne();
        L.rawSet(-3);
      }
      return;
    }
    default:
      corrupted();
    }
  }

  std::string_view take(std::size_t n) {
    if (bytes.size() < n)
      corrupted();
    std::string_view taken = bytes.substr(0, n);
    bytes.remove_prefix(n);
    return taken;
  }

  std::uint64_t takeUint64() {
    std::string_view raw = take(8);
    std::uint64_t n = 0;
    for (int i = 7; i >= 0; i--)
      n = (n << 8) | static_cast<unsigned char>(raw[static_cast<std::size_t>(i)]);
    return n;
  }

  [[noreturn]] void corrupted() {
    throw StateError("the stored value of '" + std::string(key) + "' is corrupted");
  }

  vm::Thread& L;
  std::string_view bytes;
  std::string_view key;
};

} // namespace

std::string encodeStateValue(vm::Thread& L, int index, std::string_view key) {
  Encoder encoder(L, key);
  return encoder.encode(L.absIndex(index), "");
}

void pushStateValue(vm::Thread& L, std::string_view bytes, std::string_view key) {
  int top = L.top();
  try {
    Decoder(L, bytes, key).pushAll();
  } catch (...) {
    L.setTop(top);
    throw;
  }
}

} // namespace sloth::stdlib::modules
