// Functions and the chunk: one FunctionState per function, nested as the source nests them.
#include "Lowering.h"

#include "sloth/analyzer/Compiler.h"

namespace sloth::compiler {

using vm::OpCode;

namespace {

int lastLine(const LineOf& lineOf, SourceRange r) {
  return lineOf(r.end > r.begin ? r.end - 1 : r.begin);
}

} // namespace

std::unique_ptr<vm::Proto> Lowering::compileFunction(const ast::FunctionBody& body, bool isMain) {
  FunctionState fs(fs_, &body, lineOf_);
  vm::Proto& proto = *fs.proto;
  proto.source = chunkName_;
  proto.linedefined = isMain ? 0 : lineOf_(body.range.begin);
  proto.lastlinedefined = isMain ? 0 : lastLine(lineOf_, body.range);
  fs_ = &fs;
  BlockScope scope;
  fs.enterBlock(scope, false);
  fs.setLine(body.range);
  if (isMain) { // upvalue 0 of a main chunk is _ENV, set by the loader to the globals
    proto.upvalues.push_back({"_ENV", true, 0, 0});
    fs.upvalueRefs.push_back({nullptr});
  }
  for (const ast::Local* param : body.params)
    fs.declareLocal(param, param->name);
  int nparams = static_cast<int>(body.params.size());
  fs.activateLocals(nparams);
  proto.numparams = static_cast<uint8_t>(nparams);
  if (isMain || body.isVararg) {
    proto.is_vararg = true;
    fs.emitABC(OpCode::VARARGPREP, nparams, 0, 0);
  }
  fs.reserveRegs(nparams);
  if (body.body)
    statements(*body.body, false);
  if (!isMain)
    fs.line = proto.lastlinedefined; // the `end`
  else if (body.body && !body.body->stats.empty())
    fs.line = lastLine(lineOf_, body.body->stats.back()->range); // the last token, as luac
  else
    fs.line = 1;
  fs.emitReturn(fs.activeRegisters(), 0);
  fs.leaveBlock();
  fs.finish();
  fs_ = fs.parent;
  return std::move(fs.proto);
}

void Lowering::closure(const ast::FunctionBody& body, ExprValue& e) {
  FunctionState& fs = *fs_;
  int line = fs.line;
  std::unique_ptr<vm::Proto> child = compileFunction(body, false);
  fs.line = child->lastlinedefined; // as luac: the closure is made where its `end` is
  if (fs.proto->p.size() > static_cast<size_t>(vm::MAXARG_Bx))
    fs.failHere("too many nested functions");
  fs.proto->p.push_back(std::move(child));
  e = ExprValue(ValueKind::Reloc,
                fs.emitABx(OpCode::CLOSURE, 0, static_cast<int>(fs.proto->p.size()) - 1));
  fs.exprToNextReg(e);
  fs.line = line;
}

std::unique_ptr<vm::Proto> Lowering::compileMain(const ast::FunctionBody& main) {
  return compileFunction(main, true);
}

CompileResult compile(const ast::Chunk& chunk, const LineOf& lineOf,
                      const CompileOptions& options) {
  CompileResult result;
  if (!chunk.main) {
    result.errors.push_back({{}, "empty chunk: nothing to compile"});
    return result;
  }
  try {
    Lowering lowering(lineOf, options.chunkName.empty() ? std::string("?") : options.chunkName);
    result.main = lowering.compileMain(*chunk.main);
  } catch (const CompileFailure& failure) {
    result.errors.push_back({failure.range, failure.message});
  }
  return result;
}

CompileResult compile(const ast::Chunk& chunk, const SourceManager& sources,
                      const CompileOptions& options) {
  CompileOptions withName = options;
  if (withName.chunkName.empty())
    withName.chunkName = std::string(sources.name(chunk.file));
  FileId file = chunk.file;
  return compile(
      chunk,
      [&sources, file](uint32_t offset) { return static_cast<int>(sources.lineOf(file, offset)); },
      withName);
}

} // namespace sloth::compiler
