#include "sloth/analyzer/yaml/YamlData.h"

#include "YamlShape.h"
#include "sloth/YamlLibrary.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <ios>

namespace sloth::yaml {

namespace {

constexpr std::string_view kCoreTag = "tag:yaml.org,2002:";

class Walker {
public:
  Walker(DataVisitor& visitor, const DescribePath& describe)
      : visitor_(visitor), describe_(describe) {}

  void value(const YAML::Node& node, const std::string& path) {
    if (++values_ > kMaxDataValues)
      fail(node, path,
           fmt::format("more than {} values (aliases repeating a node?)", kMaxDataValues));
    if (node.IsMap() || node.IsSequence()) {
      for (const YAML::Node& ancestor : ancestors_)
        if (node.is(ancestor))
          fail(node, path, "an alias refers to a node that contains it");
      if (ancestors_.size() >= kMaxDataDepth)
        fail(node, path, fmt::format("nested more than {} levels", kMaxDataDepth));
    }
    requireCoreTag(node, describe_(path));
    switch (node.Type()) {
    case YAML::NodeType::Map:
      ancestors_.push_back(node);
      map(node, path);
      ancestors_.pop_back();
      return;
    case YAML::NodeType::Sequence:
      ancestors_.push_back(node);
      list(node, path);
      ancestors_.pop_back();
      return;
    case YAML::NodeType::Scalar:
      visitor_.scalar(scalar(node, path));
      return;
    default:
      visitor_.scalar(std::monostate{});
      return;
    }
  }

private:
  DataVisitor& visitor_;
  const DescribePath& describe_;
  std::size_t values_ = 0;
  std::vector<YAML::Node> ancestors_;

  [[noreturn]] void fail(const YAML::Node& node, const std::string& path,
                         const std::string& problem) {
    throw Invalid{node.Mark(), fmt::format("{}: {}", describe_(path), problem)};
  }

  void map(const YAML::Node& node, const std::string& path) {
    std::string what = describe_(path);
    requireUniqueKeys(node, what);
    visitor_.beginMap();
    for (const auto& entry : node) {
      std::string key = keyOf(entry.first, what);
      if (key == "<<" && entry.first.Tag() == "?")
        fail(entry.first, path, "merge keys ('<<') are not supported: write the keys out");
      visitor_.key(key);
      value(entry.second, path.empty() ? key : path + "." + key);
      visitor_.endEntry();
    }
    visitor_.endMap();
  }

  void list(const YAML::Node& node, const std::string& path) {
    visitor_.beginList();
    std::size_t index = 0;
    for (const YAML::Node& item : node) {
      ++index;
      value(item, fmt::format("{}[{}]", path, index));
      visitor_.endItem(index);
    }
    visitor_.endList();
  }

  // The core schema's reading; a tag says what the value must be (`!!int seven` is a mistake,
  // not a string).
  ScalarValue scalar(const YAML::Node& node, const std::string& path) {
    const std::string& tag = node.Tag();
    std::string_view name = std::string_view(tag).starts_with(kCoreTag)
                                ? std::string_view(tag).substr(kCoreTag.size())
                                : std::string_view();
    bool quoted = tag == "!" || name == "str";
    ScalarValue v = resolveScalar(node.Scalar(), !quoted);
    auto expect = [&](bool ok, const char* kind) {
      if (!ok)
        fail(node, path, fmt::format("'{}' is not {}", node.Scalar(), kind));
    };
    if (name == "int")
      expect(std::holds_alternative<std::int64_t>(v), "an integer");
    else if (name == "float")
      expect(std::holds_alternative<double>(v) || std::holds_alternative<std::int64_t>(v),
             "a number");
    else if (name == "bool")
      expect(std::holds_alternative<bool>(v), "true or false");
    else if (name == "null")
      expect(std::holds_alternative<std::monostate>(v), "null");
    if (auto* i = std::get_if<std::int64_t>(&v); i && name == "float")
      v = static_cast<double>(*i);
    return v;
  }
};

} // namespace

void walkData(const YAML::Node& node, const std::string& rootPath, DataVisitor& visitor,
              const DescribePath& describe) {
  Walker(visitor, describe).value(node, rootPath);
}

std::optional<YAML::Node> loadValuesFile(const std::string& path, std::string& error) {
  initializeYaml();
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::BadFile&) { // did not open: say why, as for a script
    std::FILE* file = std::fopen(path.c_str(), "r");
    int why = file ? 0 : errno;
    if (file)
      std::fclose(file);
    error = fmt::format("cannot read values file '{}'{}", path,
                        why ? std::string(": ") + std::strerror(why) : std::string());
    return std::nullopt;
  } catch (const std::ios_base::failure&) { // opens, then fails to read: a directory
    error = fmt::format("cannot read values file '{}': {}", path,
                        std::filesystem::is_directory(path) ? "is a directory" : "read error");
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    error =
        fmt::format("{}:{}:{}: invalid YAML: {}", path, e.mark.line + 1, e.mark.column + 1, e.msg);
    return std::nullopt;
  }
  if (root.IsNull())
    return YAML::Node(YAML::NodeType::Map);
  if (!root.IsMap()) {
    error = fmt::format("{}: the values file must hold a map of names to values", path);
    return std::nullopt;
  }
  return root;
}

std::optional<std::int64_t> listIndex(const std::string& part) {
  if (part.empty() || part.size() > 18 || part[0] < '1' || part[0] > '9' ||
      part.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stoll(part);
}

std::optional<SetValue> parseSet(const std::string& text, std::string& error) {
  std::size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0) {
    error = fmt::format("--set '{}': expected key=value", text);
    return std::nullopt;
  }
  SetValue set;
  std::string key = text.substr(0, eq);
  std::size_t start = 0;
  for (std::size_t dot; (dot = key.find('.', start)) != std::string::npos; start = dot + 1)
    set.path.push_back(key.substr(start, dot - start));
  set.path.push_back(key.substr(start));
  if (set.path.size() > kMaxDataDepth) { // as a values file: deeper would exhaust the stack
    error = fmt::format("--set '{}...': the key nests more than {} levels", key.substr(0, 40),
                        kMaxDataDepth);
    return std::nullopt;
  }
  for (const std::string& part : set.path)
    if (part.empty()) { // `a..b`, `.a`, `a.`: would set a key named ""
      error = fmt::format("--set '{}': the key '{}' has an empty name between its dots", text, key);
      return std::nullopt;
    }
  std::string value = text.substr(eq + 1);
  if (!value.empty() && (value.front() == '"' || value.front() == '\'')) {
    // Quoted as YAML quotes it: a string whatever it holds (`version="1.10"` is not 1.1).
    try {
      initializeYaml();
      YAML::Node node = YAML::Load(value);
      if (!node.IsScalar())
        throw YAML::Exception(YAML::Mark::null_mark(), "not one quoted string");
      set.value = node.Scalar();
    } catch (const YAML::Exception&) {
      error = fmt::format("--set '{}': the value is not one quoted string (write "
                          "key='\"text\"' or key=text)",
                          text);
      return std::nullopt;
    }
    return set;
  }
  set.value = resolveScalar(value, true);
  return set;
}

} // namespace sloth::yaml
