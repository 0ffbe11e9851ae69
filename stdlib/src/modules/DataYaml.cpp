#include "DataYaml.h"

#include "DataError.h"
#include "DataLuaTables.h"
#include "DataNull.h"
#include "sloth/YamlLibrary.h"
#include "sloth/YamlScalar.h"
#include "sloth/stdlib/modules/DataModule.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <variant>
#include <vector>

namespace sloth::stdlib::modules {

namespace {

std::string place(const YAML::Mark& mark) {
  return "line " + std::to_string(mark.line + 1) + ", column " + std::to_string(mark.column + 1);
}

void pushScalar(vm::Thread& L, const YAML::Node& node) {
  const std::string& tag = node.Tag();
  bool plain = !(tag == "!" || tag == "tag:yaml.org,2002:str"); // quoted, or explicitly a string
  pushYamlScalar(L, yaml::resolveScalar(node.Scalar(), plain), true); // the core schema
}

// Pushes a document's nodes as Lua values. Aliases make the node graph a DAG, or a cycle: an
// alias of a list or mapping is the same Lua table as its anchor (as PyYAML shares objects), so
// aliases repeating a node cost nothing ("billion laughs" stays small); an alias inside the node
// it names (`a: &x [*x]`) is refused, and so is nesting deep enough to exhaust the C++ stack.
class YamlReader {
public:
  static constexpr std::size_t kMaxDepth = 1000;
  static constexpr std::size_t kMaxValues = 10'000'000;

  explicit YamlReader(vm::Thread& L) : L(L) {}

  // Pushes the value of `document` (on a stack slot of its own, the tables made so far under it).
  void pushDocument(const YAML::Node& document) {
    L.checkStack(2);
    L.newTable();
    made_ = L.top();
    push(document);
    L.remove(made_);
  }

private:
  vm::Thread& L;
  int made_ = 0; // stack index of the table of the lists and mappings made, by number
  std::unordered_map<int, std::int64_t> madeAt_; // a node's position -> its number in made_
  std::size_t values_ = 0;
  std::vector<YAML::Node> ancestors_;

  void push(const YAML::Node& node) {
    L.checkStack(3);
    if (++values_ > kMaxValues)
      throw DataError(place(node.Mark()) + ": more than " + std::to_string(kMaxValues) +
                      " values (aliases repeating a node?)");
    if (!node.IsSequence() && !node.IsMap()) {
      if (node.IsScalar())
        pushScalar(L, node);
      else
        pushNull(L);
      return;
    }
    for (const YAML::Node& ancestor : ancestors_)
      if (node.is(ancestor))
        throw DataError(place(node.Mark()) + ": an alias refers to a node that contains it");
    // An alias: its anchor's node, made already (a node is known by where it starts).
    if (auto made = madeAt_.find(node.Mark().pos); made != madeAt_.end()) {
      L.rawGetI(made_, made->second);
      return;
    }
    if (ancestors_.size() >= kMaxDepth)
      throw DataError(place(node.Mark()) + ": nested more than " + std::to_string(kMaxDepth) +
                      " levels");
    ancestors_.push_back(node);
    if (node.IsSequence())
      pushSequence(node);
    else
      pushMap(node);
    ancestors_.pop_back();
    if (node.Mark().pos < 0)
      return; // no position to know it by
    auto number = static_cast<std::int64_t>(madeAt_.size() + 1);
    L.pushValue(-1);
    L.rawSetI(made_, number);
    madeAt_.emplace(node.Mark().pos, number);
  }

  void pushSequence(const YAML::Node& node) {
    L.newTable(static_cast<int>(node.size()), 0);
    std::int64_t i = 1;
    for (const YAML::Node& item : node) {
      push(item);
      L.rawSetI(-2, i++);
    }
    markArray(L);
  }

  void pushMap(const YAML::Node& node) {
    L.newTable(0, static_cast<int>(node.size()));
    for (const auto& entry : node) {
      push(entry.first);
      if (isNull(L, -1)) {
        L.pop();
        throw DataError(place(entry.first.Mark()) + ": a mapping key is null");
      }
      if (L.type(-1) == vm::Type::Number && std::isnan(L.toNumber(-1))) {
        L.pop();
        throw DataError(place(entry.first.Mark()) + ": a mapping key is NaN");
      }
      push(entry.second);
      L.rawSet(-3);
    }
  }
};

// Whether a string written as a plain scalar could read back as something else, under YAML 1.2
// or 1.1 (PyYAML): null, booleans (yes/no/on/off too), numbers in any notation, dates. Those are
// quoted; quoting a few strings that did not need it is harmless.
bool needsQuotes(const std::string& text) {
  if (text.empty())
    return true;
  std::string word = text.substr(text[0] == '-' || text[0] == '+' ? 1 : 0);
  std::transform(word.begin(), word.end(), word.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* keyword : {".inf", ".nan"}) // signed or not
    if (word == keyword)
      return true;
  for (const char* keyword :
       {"~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", "<<", "="})
    if (word == keyword && word.size() == text.size()) // in any case, unsigned
      return true;
  char first = text[0];
  return (first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.';
}

// Floats: the shortest text that reads back as the same double, always with a dot so that
// YAML 1.1 readers (PyYAML wants `1.0e+15`, not `1e+15`) see a float too.
std::string floatText(double n) {
  if (std::isnan(n))
    return ".nan";
  if (std::isinf(n))
    return n > 0 ? ".inf" : "-.inf";
  char buffer[64];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, n);
  std::string text(buffer, error == std::errc() ? end : buffer);
  if (text.find('.') != std::string::npos)
    return text;
  std::size_t exponent = text.find('e');
  if (exponent == std::string::npos)
    return text + ".0";
  if (text[exponent + 1] != '-' && text[exponent + 1] != '+')
    text.insert(exponent + 1, "+"); // 1.0e+15: YAML 1.1 wants the sign
  return text.insert(exponent, ".0");
}

class YamlEncoder {
public:
  explicit YamlEncoder(vm::Thread& L) : L(L) {}

  std::string encode(int index) {
    emit(L.absIndex(index), "");
    if (!out.good())
      throw DataError(out.GetLastError());
    return std::string(out.c_str()) + "\n";
  }

private:
  void emit(int index, const std::string& path) {
    L.checkStack(4);
    switch (L.type(index)) {
    case vm::Type::None:
    case vm::Type::Nil:
      out << YAML::Null;
      return;
    case vm::Type::Boolean:
      out << YAML::TrueFalseBool << L.toBoolean(index);
      return;
    case vm::Type::Number:
      if (L.isInteger(index))
        out << L.toInteger(index);
      else
        out << floatText(L.toNumber(index));
      return;
    case vm::Type::String:
      emitString(index);
      return;
    case vm::Type::Table:
      emitTable(index, path);
      return;
    case vm::Type::Userdata:
      if (isNull(L, index)) {
        out << YAML::Null;
        return;
      }
      [[fallthrough]];
    default:
      throw DataError((path.empty() ? std::string() : "at " + path + ": ") + "cannot encode a " +
                      L.typeNameAt(index));
    }
  }

  void emitString(int index) {
    std::string_view view;
    L.toStringView(index, view);
    std::string text(view);
    if (needsQuotes(text))
      out << YAML::DoubleQuoted;
    out << text;
  }

  void emitTable(int index, const std::string& path) {
    visited.enter(L, index, path);
    if (encodesAsArray(L, index)) {
      std::size_t n = L.rawLen(index);
      out << (n == 0 ? YAML::Flow : YAML::Block) << YAML::BeginSeq;
      for (std::size_t i = 1; i <= n; i++) {
        L.rawGetI(index, static_cast<std::int64_t>(i));
        emit(L.top(), path + "[" + std::to_string(i) + "]");
        L.pop();
      }
      out << YAML::EndSeq;
    } else {
      // Keys in a stable order: integers by value, then strings by bytes.
      std::vector<std::pair<std::int64_t, std::string>> numbered;
      std::vector<std::string> named;
      L.pushNil();
      while (L.next(index)) {
        L.pop();
        if (L.type(-1) == vm::Type::Number && L.isInteger(-1)) {
          numbered.emplace_back(L.toInteger(-1), keyPath(path, L, -1));
        } else if (L.type(-1) == vm::Type::String) {
          std::string_view key;
          L.toStringView(-1, key);
          named.emplace_back(key);
        } else {
          throw DataError("at " + keyPath(path, L, -1) +
                          ": mapping keys must be strings or integers, got " + L.typeNameAt(-1));
        }
      }
      std::sort(numbered.begin(), numbered.end());
      std::sort(named.begin(), named.end());
      out << (numbered.empty() && named.empty() ? YAML::Flow : YAML::Block) << YAML::BeginMap;
      for (const auto& [key, childPath] : numbered) {
        out << YAML::Key << key << YAML::Value;
        L.rawGetI(index, key);
        emit(L.top(), childPath);
        L.pop();
      }
      for (const std::string& key : named) {
        out << YAML::Key;
        if (needsQuotes(key))
          out << YAML::DoubleQuoted;
        out << key << YAML::Value;
        L.getField(index, key);
        L.pushString(key);
        std::string childPath = keyPath(path, L, -1);
        L.pop();
        emit(L.top(), childPath);
        L.pop();
      }
      out << YAML::EndMap;
    }
    visited.leave(L, index);
  }

  vm::Thread& L;
  YAML::Emitter out;
  VisitedTables visited;
};

} // namespace

std::string encodeYaml(vm::Thread& L, int index) {
  initializeYaml(); // before the encoder's YAML::Emitter
  return YamlEncoder(L).encode(index);
}

void pushParsedYaml(vm::Thread& L, std::string_view text) {
  initializeYaml();
  YAML::Node document;
  try {
    document = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    throw DataError(place(e.mark) + ": " + e.msg);
  }
  YamlReader(L).pushDocument(document);
}

} // namespace sloth::stdlib::modules

namespace sloth::stdlib {

void pushYamlScalar(vm::Thread& L, const yaml::ScalarValue& value, bool nullAsDataNull) {
  std::visit(
      [&L, nullAsDataNull](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          if (nullAsDataNull)
            modules::pushNull(L);
          else
            L.pushNil();
        } else if constexpr (std::is_same_v<T, bool>) {
          L.pushBoolean(v);
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          L.pushInteger(v);
        } else if constexpr (std::is_same_v<T, double>) {
          L.pushNumber(v);
        } else {
          L.pushString(v);
        }
      },
      value);
}

} // namespace sloth::stdlib
