#include "DataLuaTables.h"

#include "DataError.h"

#include <cctype>

namespace sloth::stdlib::modules {

bool isSequence(vm::Thread& L, int index) {
  index = L.absIndex(index);
  std::int64_t count = 0;
  std::int64_t largest = 0;
  L.pushNil();
  while (L.next(index)) {
    L.pop();
    if (L.type(-1) != vm::Type::Number || !L.isInteger(-1) || L.toInteger(-1) < 1) {
      L.pop();
      return false;
    }
    count++;
    largest = std::max(largest, L.toInteger(-1));
  }
  return count > 0 && largest == count;
}

std::string keyPath(std::string_view path, vm::Thread& L, int keyIndex) {
  std::string result(path);
  if (L.type(keyIndex) == vm::Type::Number) {
    std::string_view digits = L.toDisplayString(keyIndex);
    result += "[" + std::string(digits) + "]";
    L.pop();
    return result;
  }
  std::string_view key;
  if (L.type(keyIndex) == vm::Type::Boolean)
    return result + (L.toBoolean(keyIndex) ? "[true]" : "[false]");
  if (L.type(keyIndex) != vm::Type::String || !L.toStringView(keyIndex, key))
    return result + "[" + L.typeNameAt(keyIndex) + " key]";
  bool identifier = !key.empty() && !std::isdigit(static_cast<unsigned char>(key[0]));
  for (char c : key)
    identifier = identifier && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
  if (identifier)
    return result + (result.empty() ? "" : ".") + std::string(key);
  return result + "[\"" + std::string(key) + "\"]";
}

std::string objectKey(vm::Thread& L, int keyIndex, const std::string& path) {
  if (L.type(keyIndex) == vm::Type::String) {
    std::string_view key;
    L.toStringView(keyIndex, key);
    return std::string(key);
  }
  if (L.type(keyIndex) == vm::Type::Number && L.isInteger(keyIndex))
    return std::to_string(L.toInteger(keyIndex));
  throw DataError("at " + path + ": object keys must be strings or integers, got " +
                  L.typeNameAt(keyIndex));
}

void VisitedTables::enter(vm::Thread& L, int index, std::string_view path) {
  std::string at = "at " + (path.empty() ? std::string("the top") : std::string(path));
  if (tables.size() >= kMaxTableNesting)
    throw DataError(at + ": tables nested more than " + std::to_string(kMaxTableNesting) +
                    " levels deep");
  if (!tables.insert(L.toPointer(index)).second)
    throw DataError(at + ": a table contains itself");
}

void VisitedTables::leave(vm::Thread& L, int index) {
  tables.erase(L.toPointer(index));
}

} // namespace sloth::stdlib::modules
