#include "ScriptSession.h"
#include "CompileCache.h"
#include "ScriptBundle.h"

#include "sloth/analyzer/SourceCompiler.h"
#include "sloth/analyzer/yaml/YamlTasks.h"
#include "sloth/stdlib/ChunkLoader.h"
#include "sloth/stdlib/Modules.h"
#include "sloth/stdlib/Stdlib.h"

#include <fmt/core.h>

#include <sys/stat.h>

namespace sloth::cli {

namespace {

// The message handler of the main chunk: the error message plus a traceback (lua.c's msghandler).
int addTraceback(vm::Thread& L) {
  std::string message;
  std::string_view text;
  if (L.type(1) == vm::Type::String && L.toStringView(1, text)) {
    message = std::string(text);
  } else if (L.type(1) == vm::Type::Number) { // error(42) says 42, as lua.c's lua_tostring does
    message = std::string(L.toDisplayString(1));
  } else if (L.getMetafield(1, "__tostring") != vm::Type::Nil) {
    L.pop();
    message = std::string(L.toDisplayString(1));
  } else {
    message = fmt::format("(error object is a {} value)", L.typeNameAt(1));
  }
  L.traceback(message, 1);
  return 1;
}

// "chunk:LINE: message\n..." with the source line the error points at inserted after the
// message (before its traceback), when the message is about the main chunk's own source.
std::string withOffendingLine(std::string_view message, std::string_view chunk,
                              std::string_view text) {
  std::string prefix = std::string(chunk) + ":";
  if (text.empty() || !message.starts_with(prefix))
    return std::string(message);
  std::size_t colon = message.find(':', prefix.size());
  std::string_view digits = message.substr(prefix.size(), colon - prefix.size());
  if (colon == std::string_view::npos || digits.empty() ||
      digits.find_first_not_of("0123456789") != std::string_view::npos || digits.size() > 9)
    return std::string(message);
  int line = std::stoi(std::string(digits));
  std::size_t begin = 0;
  for (int l = 1; l < line && begin != std::string_view::npos; ++l) {
    begin = text.find('\n', begin);
    begin = begin == std::string_view::npos ? begin : begin + 1;
  }
  if (line < 1 || begin == std::string_view::npos || begin >= text.size())
    return std::string(message);
  std::string_view source = text.substr(begin, text.find('\n', begin) - begin);
  std::size_t traceback = message.find("\nstack traceback:");
  std::string out(message.substr(0, traceback));
  out += fmt::format("\n {} | {}", line, source);
  if (traceback != std::string_view::npos)
    out += message.substr(traceback);
  return out;
}

// load/require/dofile compile source text through the same path as the script itself.
stdlib::LoadedChunk compileChunk(std::string_view chunk, std::string_view sourceName) {
  auto compiled = compiler::compileText(std::string(sourceName), std::string(chunk));
  if (!compiled->main)
    return {nullptr, compiler::firstErrorMessage(*compiled)};
  return {std::move(compiled->main), {}};
}

} // namespace

ScriptSession::ScriptSession()
    : state_(std::make_unique<vm::State>()),
      runtime_(std::make_unique<stdlib::runtime::Runtime>(*state_)) {
  stdlib::openStandardLibraries(*state_);
  stdlib::openSlothModules(*state_);
  stdlib::setChunkLoader(*state_, compileChunk);
}

std::optional<int> ScriptSession::useBundle(std::optional<vm::Bundle> bundle,
                                            const std::string& error) {
  if (!bundle) {
    problem_ = error;
    fmt::print(stderr, "sloth: {}\n", error);
    return 2; // refused before anything runs (design §5)
  }
  main_ = std::move(bundle->main);
  sourceText_ = std::move(bundle->sourceText);
  return std::nullopt;
}

// A pipe, a FIFO or a device (`cat s.lua | sloth run /dev/stdin`, `sloth run <(...)`) can be read
// only once: it is read whole, then told a bundle from source. (Looking at its first bytes and
// then compiling the file ran what was left after stdio's read-ahead: nothing.)
std::optional<int> ScriptSession::compileStream(const std::string& path) {
  std::string bytes, reason;
  if (!readWholeFile(path, bytes, reason)) {
    problem_ = fmt::format("cannot read '{}': {}", path, reason);
    fmt::print(stderr, "sloth: {}\n", problem_);
    return 2;
  }
  if (vm::looksLikeBundle(bytes)) {
    std::string error;
    std::optional<vm::Bundle> bundle = parseScriptBundle(bytes, path, error);
    return useBundle(std::move(bundle), error);
  }
  auto compiled = compiler::compileText(path, bytes);
  if (!compiled->main) {
    problem_ = compiler::firstErrorMessage(*compiled);
    compiler::printDiagnostics(*compiled, stderr);
    return 2;
  }
  main_ = std::shared_ptr<const vm::Proto>(std::move(compiled->main));
  sourceText_ = std::move(bytes);
  return std::nullopt;
}

std::optional<int> ScriptSession::compile(const std::string& path) {
  if (struct stat st{};
      path != "-" && ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
    return compileStream(path);
  if (isBundleFile(path)) {
    std::string error;
    std::optional<vm::Bundle> bundle = readScriptBundle(path, error);
    return useBundle(std::move(bundle), error);
  }
  std::optional<CompileCache> cache = CompileCache::forScript(path);
  if (cache) {
    if (std::optional<CachedScript> cached = cache->load()) {
      main_ = std::move(cached->main);
      sourceText_ = std::move(cached->sourceText);
      return std::nullopt;
    }
  }
  auto compiled = compiler::compileFile(path);
  if (!compiled->file) {
    problem_ = fmt::format("cannot read '{}': {}", path, compiled->readError);
    fmt::print(stderr, "sloth: {}\n", problem_);
    return 2;
  }
  if (!compiled->main) {
    problem_ = compiler::firstErrorMessage(*compiled);
    compiler::printDiagnostics(*compiled, stderr);
    return 2; // a compile error (design §1)
  }
  main_ = std::shared_ptr<const vm::Proto>(std::move(compiled->main));
  sourceText_ = std::string(yaml::displayText(compiled->sources, *compiled->file));
  if (cache) // the text read first, a YAML file's own: what the cache entry is for
    cache->store({main_, sourceText_}, compiled->sources.text(0));
  return std::nullopt;
}

std::optional<int> ScriptSession::runMainChunk(const std::string& path,
                                               const std::vector<std::string>& args) {
  vm::Thread& L = main();
  // arg = { [0] = script, ... }
  L.newTable(static_cast<int>(args.size()), 1);
  L.pushString(path);
  L.rawSetI(-2, 0);
  for (std::size_t i = 0; i < args.size(); ++i) {
    L.pushString(args[i]);
    L.rawSetI(-2, static_cast<std::int64_t>(i + 1));
  }
  L.setGlobal("arg");

  L.pushNative(addTraceback, 0, "msghandler");
  int handler = L.top();
  L.load(main_);
  for (const std::string& a : args)
    L.pushString(a);
  if (L.pcall(static_cast<int>(args.size()), 0, handler) != vm::Status::Ok) {
    std::string_view message;
    if (!L.toStringView(-1, message))
      message = "(error object is not a string)";
    problem_ = message.substr(0, message.find("\nstack traceback:"));
    std::fflush(stdout);
    fmt::print(stderr, "sloth: {}\n", withOffendingLine(message, main_->source, sourceText_));
    L.setTop(0);
    return 1;
  }
  L.setTop(0);
  return std::nullopt;
}

} // namespace sloth::cli
