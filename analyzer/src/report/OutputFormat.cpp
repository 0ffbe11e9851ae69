#include "sloth/analyzer/report/OutputFormat.h"

#include "sloth/Version.h"
#include "sloth/frontend/DiagnosticPrinter.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>

namespace sloth::report {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

// Source text is bytes; replace invalid UTF-8 in messages rather than fail.
std::string dump(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

// Start and end (just past the range) of a diagnostic.
std::pair<SourceLocation, SourceLocation> span(const Diagnostic& d, const SourceManager& sources) {
  return {sources.location(d.file, d.range.begin), sources.location(d.file, d.range.end)};
}

std::string renderJson(const CheckReport& report) {
  Json list = Json::array();
  for (const FileResult& f : report.files)
    for (const Diagnostic& d : f.diagnostics) {
      auto [begin, end] = span(d, *f.sources);
      list.push_back({{"file", std::string(begin.file)},
                      {"line", begin.line},
                      {"column", begin.column},
                      {"end_line", end.line},
                      {"end_column", end.column},
                      {"severity", spelling(d.severity)},
                      {"code", d.code},
                      {"message", d.message}});
    }
  Json root = {{"version", 1},
               {"diagnostics", list},
               {"summary",
                {{"files", report.checkedFiles},
                 {"errors", report.errorCount},
                 {"warnings", report.warningCount}}}};
  return dump(root);
}

// ---------------------------------------------------------------------------------------------
// SARIF 2.1.0

// A URI reference for `path`: relative (forward slashes, percent-encoded) when it is below the
// working directory, as GitHub code scanning resolves it against the checkout; file:// otherwise.
std::string artifactUri(std::string_view path) {
  fs::path p(path);
  std::error_code ec;
  if (p.is_absolute()) {
    fs::path relative = p.lexically_relative(fs::current_path(ec));
    if (!ec && !relative.empty() && *relative.begin() != "..")
      p = relative;
  }
  std::string text = p.lexically_normal().generic_string();
  std::string out = p.is_absolute() ? "file://" : "";
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~')
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

// SARIF columns count characters: the code points before `offset` on its line, plus one.
uint32_t characterColumn(const SourceManager& sources, FileId file, uint32_t offset,
                         uint32_t line) {
  std::string_view text = sources.lineText(file, line);
  std::string_view all = sources.text(file);
  size_t start = static_cast<size_t>(text.data() - all.data());
  size_t end = std::min<size_t>(offset, start + text.size());
  uint32_t column = 1;
  for (size_t i = start; i < end; ++i)
    if ((static_cast<unsigned char>(all[i]) & 0xC0) != 0x80)
      ++column;
  return column;
}

Json region(const SourceManager& sources, FileId file, SourceRange range) {
  SourceLocation begin = sources.location(file, range.begin);
  SourceLocation end = sources.location(file, range.end);
  Json r = {{"startLine", begin.line},
            {"startColumn", characterColumn(sources, file, range.begin, begin.line)}};
  if (range.end > range.begin) {
    r["endLine"] = end.line;
    r["endColumn"] = characterColumn(sources, file, range.end, end.line);
  }
  return r;
}

Json location(const SourceManager& sources, FileId file, SourceRange range) {
  return {{"physicalLocation",
           {{"artifactLocation", {{"uri", artifactUri(sources.name(file))}}},
            {"region", region(sources, file, range)}}}};
}

const char* sarifLevel(Severity s) {
  switch (s) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  case Severity::Info:
    return "note";
  }
  return "error";
}

std::string renderSarif(const CheckReport& report) {
  // One rule per code that occurs, in order of first occurrence; results point at them by index.
  std::map<std::string, size_t> ruleIndex;
  Json rules = Json::array();
  Json results = Json::array();
  for (const FileResult& f : report.files)
    for (const Diagnostic& d : f.diagnostics) {
      auto [it, fresh] = ruleIndex.emplace(d.code, ruleIndex.size());
      if (fresh)
        rules.push_back({{"id", d.code},
                         {"name", d.code},
                         {"shortDescription", {{"text", d.code}}},
                         {"defaultConfiguration", {{"level", sarifLevel(d.severity)}}}});
      Json result = {{"ruleId", d.code},
                     {"ruleIndex", it->second},
                     {"level", sarifLevel(d.severity)},
                     {"message", {{"text", d.message}}},
                     {"locations", Json::array({location(*f.sources, d.file, d.range)})}};
      if (!d.notes.empty()) {
        Json related = Json::array();
        for (size_t i = 0; i < d.notes.size(); ++i) {
          Json l = location(*f.sources, d.notes[i].file, d.notes[i].range);
          l["id"] = i;
          l["message"] = {{"text", d.notes[i].message}};
          related.push_back(l);
        }
        result["relatedLocations"] = related;
      }
      results.push_back(result);
    }
  Json root = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
               {"version", "2.1.0"},
               {"runs", Json::array({{{"tool",
                                       {{"driver",
                                         {{"name", "slothc"},
                                          {"version", kVersion},
                                          {"semanticVersion", kVersion},
                                          {"rules", rules}}}}},
                                      {"columnKind", "unicodeCodePoints"},
                                      {"results", results}}})}};
  return dump(root);
}

// ---------------------------------------------------------------------------------------------
// GitHub Actions workflow commands

// Escaping of workflow command data (the message) and of property values.
std::string escapeData(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

std::string escapeProperty(std::string_view text) {
  std::string out;
  for (char c : escapeData(text)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

std::string renderGithub(const CheckReport& report) {
  std::string out;
  for (const FileResult& f : report.files)
    for (const Diagnostic& d : f.diagnostics) {
      auto [begin, end] = span(d, *f.sources);
      const char* command = d.severity == Severity::Error     ? "error"
                            : d.severity == Severity::Warning ? "warning"
                                                              : "notice";
      // GitHub's endColumn is the last column of the range (inclusive).
      uint32_t endColumn = end.line == begin.line ? std::max(begin.column, end.column - 1)
                                                  : std::max<uint32_t>(1, end.column - 1);
      out += fmt::format("::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                         command, escapeProperty(begin.file), begin.line, begin.column,
                         std::max(begin.line, end.line), endColumn, escapeProperty(d.code),
                         escapeData(d.message));
    }
  return out;
}

std::string renderHuman(const CheckReport& report, bool gcc, bool color) {
  std::string out;
  for (const FileResult& f : report.files)
    for (const Diagnostic& d : f.diagnostics)
      out += gcc ? renderGcc(d, *f.sources) : renderText(d, *f.sources, color);
  if (!gcc && (report.errorCount || report.warningCount))
    out += fmt::format("{} error{}, {} warning{} in {} file{}\n", report.errorCount,
                       report.errorCount == 1 ? "" : "s", report.warningCount,
                       report.warningCount == 1 ? "" : "s", report.checkedFiles,
                       report.checkedFiles == 1 ? "" : "s");
  return out;
}

} // namespace

std::optional<OutputFormat> parseOutputFormat(std::string_view name) {
  if (name == "text")
    return OutputFormat::Text;
  if (name == "gcc")
    return OutputFormat::Gcc;
  if (name == "json")
    return OutputFormat::Json;
  if (name == "sarif")
    return OutputFormat::Sarif;
  if (name == "github")
    return OutputFormat::Github;
  return std::nullopt;
}

bool isMachineFormat(OutputFormat format) {
  return format != OutputFormat::Text && format != OutputFormat::Gcc;
}

std::string render(const CheckReport& report, OutputFormat format, bool color) {
  switch (format) {
  case OutputFormat::Text:
    return renderHuman(report, false, color);
  case OutputFormat::Gcc:
    return renderHuman(report, true, false);
  case OutputFormat::Json:
    return renderJson(report);
  case OutputFormat::Sarif:
    return renderSarif(report);
  case OutputFormat::Github:
    return renderGithub(report);
  }
  return {};
}

} // namespace sloth::report
