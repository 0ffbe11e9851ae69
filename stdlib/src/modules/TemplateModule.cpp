// Lua binding of the template module: render a template file and write the result the way
// file.write does (atomically, only when it differs, honouring check mode).
#include "sloth/stdlib/modules/TemplateModule.h"

#include "CheckModeFiles.h"
#include "FileContent.h"
#include "FileError.h"
#include "FileOperations.h"
#include "FilePaths.h"
#include "TemplateEngine.h"
#include "TemplateError.h"
#include "lib/LibSupport.h"
#include "sloth/stdlib/modules/CheckMode.h"

#include <new>

namespace sloth::stdlib {

using namespace modules;
using vm::Thread;

namespace {

int templateRender(Thread& L) {
  std::string source(L.checkString(1));
  std::string destination(L.checkString(2));
  std::string cause;
  bool dryRun = checkMode(L);
  try {
    source = expandHome(source);
    destination = expandHome(destination);
    TemplateMap variables = templateVariables(L, 3);
    // In a dry run the source may be a file an earlier step would have written (CheckModeFiles.h).
    std::optional<std::string> pending = dryRun ? dryRunFile(L, source) : std::nullopt;
    std::string text = pending ? *pending : readWholeFile(source);
    std::string rendered;
    try {
      rendered = renderTemplate(text, variables);
    } catch (const TemplateError& e) {
      throw TemplateError(0, source + (e.line > 0 ? ":" + std::to_string(e.line) : "") + ": " +
                                 e.cause);
    }
    FileChange change = writeFile(destination, rendered, false, dryRun);
    if (dryRun && (change.changed || dryRunFile(L, destination)))
      rememberDryRunFile(L, destination, rendered);
    L.newTable(0, 2);
    L.pushBoolean(change.changed);
    L.setField(-2, "changed");
    L.pushString(change.path);
    L.setField(-2, "path");
    if (!change.diff.empty()) { // a dry run's difference, as file.write reports it
      L.pushString(change.diff);
      L.setField(-2, "diff");
    }
    return 1;
  } catch (const TemplateError& e) {
    cause = e.what();
  } catch (const FileError& e) {
    cause = e.what();
  } catch (const std::bad_alloc&) {
    cause = "not enough memory";
  }
  L.runError("template.render: " + cause);
}

} // namespace

void openTemplate(Thread& L) {
  lib::newModule(L, "template", {{"render", templateRender}});
  L.pop();
}

} // namespace sloth::stdlib
