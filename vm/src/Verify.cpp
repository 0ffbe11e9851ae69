// The bytecode verifier: everything the interpreter takes on trust is checked here, once, when a
// bundle is loaded.
#include "sloth/vm/Bundle.h"

#include <fmt/format.h>

namespace sloth::vm {

namespace {

class Verifier {
public:
  explicit Verifier(const Proto& p) : p_(p), n_(static_cast<int>(p.code.size())) {}

  std::string run() {
    if (p_.maxstacksize > MAXREGS || p_.numparams > p_.maxstacksize)
      return where(-1, "bad frame size");
    if (!p_.lineinfo.empty() && p_.lineinfo.size() != p_.code.size())
      return where(-1, "line information does not match the code");
    if (p_.upvalues.size() > 255)
      return where(-1, "too many upvalues");
    if (n_ == 0)
      return where(-1, "no code");
    // The interpreter's vararg frames are set up by VARARGPREP and undone by RETURN.
    if (p_.is_vararg && GET_OPCODE(p_.code[0]) != OpCode::VARARGPREP)
      return where(-1, "vararg function does not start with VARARGPREP");
    for (pc_ = 0; pc_ < n_; pc_++)
      if (!instruction())
        return err_.empty() ? where(pc_, "invalid operands") : err_;
    for (const auto& child : p_.p) {
      if (!child)
        return where(-1, "missing nested function");
      std::string e = Verifier(*child).run();
      if (!e.empty())
        return e;
    }
    return "";
  }

private:
  const Proto& p_;
  int n_;
  int pc_ = 0;
  std::string err_;

  std::string where(int pc, const std::string& msg) const {
    if (pc < 0)
      return fmt::format("function at {}:{}: {}", p_.source, p_.linedefined, msg);
    OpCode op = GET_OPCODE(p_.code[pc]);
    return fmt::format("function at {}:{}: instruction {} ({}): {}", p_.source, p_.linedefined,
                       pc + 1, static_cast<int>(op) < kNumOpcodes ? opName(op) : "?", msg);
  }
  bool fail(const std::string& msg) {
    err_ = where(pc_, msg);
    return false;
  }
  bool reg(int r) {
    return (r >= 0 && r < p_.maxstacksize) ||
           fail(fmt::format("register {} out of range (frame size {})", r, p_.maxstacksize));
  }
  bool k(int i) {
    return (i >= 0 && static_cast<std::size_t>(i) < p_.k.size()) ||
           fail(fmt::format("constant {} out of range", i));
  }
  bool kstr(int i) {
    return k(i) && (std::holds_alternative<std::string>(p_.k[i].value) ||
                    fail(fmt::format("constant {} is not a string", i)));
  }
  bool knum(int i) {
    return k(i) && (std::holds_alternative<std::int64_t>(p_.k[i].value) ||
                    std::holds_alternative<double>(p_.k[i].value) ||
                    fail(fmt::format("constant {} is not a number", i)));
  }
  bool rk(Instruction i) { return GETARG_k(i) ? k(GETARG_C(i)) : reg(GETARG_C(i)); }
  bool up(int u) {
    return (u >= 0 && static_cast<std::size_t>(u) < p_.upvalues.size()) ||
           fail(fmt::format("upvalue {} out of range", u));
  }
  bool target(int t) {
    return (t >= 0 && t < n_ && !(t == 0 && p_.is_vararg)) ||
           fail(fmt::format("jump target {} out of range", t + 1));
  }
  bool nextIs(OpCode op) {
    return (pc_ + 1 < n_ && GET_OPCODE(p_.code[pc_ + 1]) == op) ||
           fail(fmt::format("must be followed by {}", opName(op)));
  }
  bool nextIsMM() {
    if (pc_ + 1 < n_) {
      OpCode op = GET_OPCODE(p_.code[pc_ + 1]);
      if (op == OpCode::MMBIN || op == OpCode::MMBINI || op == OpCode::MMBINK)
        return true;
    }
    return fail("must be followed by MMBIN, MMBINI or MMBINK");
  }
  // MMBIN* completes the arithmetic instruction just before it (and stores into its A).
  bool mmEvent(Instruction i) {
    int e = GETARG_C(i);
    if (!((e >= TM_ADD && e <= TM_SHR) || fail(fmt::format("bad metamethod event {}", e))))
      return false;
    OpCode prev = pc_ >= 1 ? GET_OPCODE(p_.code[pc_ - 1]) : OpCode::MOVE;
    return (prev >= OpCode::ADDI && prev <= OpCode::SHR) ||
           fail("not preceded by an arithmetic instruction");
  }

  bool instruction() {
    Instruction i = p_.code[pc_];
    if (static_cast<int>(GET_OPCODE(i)) >= kNumOpcodes)
      return fail(fmt::format("unknown opcode {}", static_cast<int>(GET_OPCODE(i))));
    OpCode op = GET_OPCODE(i);
    int a = GETARG_A(i), b = GETARG_B(i), c = GETARG_C(i);
    bool endsFlow = op == OpCode::RETURN || op == OpCode::RETURN0 || op == OpCode::RETURN1 ||
                    op == OpCode::TAILCALL || op == OpCode::JMP;
    if (!endsFlow && pc_ + 1 >= n_)
      return fail("execution can run past the end of the code");
    switch (op) {
    case OpCode::MOVE:
    case OpCode::UNM:
    case OpCode::BNOT:
    case OpCode::NOT:
    case OpCode::LEN:
      return reg(a) && reg(b);
    case OpCode::LOADI:
    case OpCode::LOADF:
    case OpCode::LOADFALSE:
    case OpCode::LOADTRUE:
    case OpCode::CLOSE:
    case OpCode::TBC:
    case OpCode::RETURN1:
      return reg(a);
    case OpCode::LFALSESKIP:
      return reg(a) && target(pc_ + 2);
    case OpCode::LOADK:
      return reg(a) && k(GETARG_Bx(i));
    case OpCode::LOADKX:
      return reg(a) && nextIs(OpCode::EXTRAARG) && k(GETARG_Ax(p_.code[pc_ + 1]));
    case OpCode::LOADNIL:
      return reg(a + b);
    case OpCode::GETUPVAL:
    case OpCode::SETUPVAL:
      return reg(a) && up(b);
    case OpCode::GETTABUP:
      return reg(a) && up(b) && kstr(c);
    case OpCode::GETTABLE:
      return reg(a) && reg(b) && reg(c);
    case OpCode::GETI:
      return reg(a) && reg(b);
    case OpCode::GETFIELD:
      return reg(a) && reg(b) && kstr(c);
    case OpCode::SETTABUP:
      return up(a) && kstr(b) && rk(i);
    case OpCode::SETTABLE:
      return reg(a) && reg(b) && rk(i);
    case OpCode::SETI:
      return reg(a) && rk(i);
    case OpCode::SETFIELD:
      return reg(a) && kstr(b) && rk(i);
    case OpCode::NEWTABLE:
      return reg(a) && nextIs(OpCode::EXTRAARG);
    case OpCode::SELF:
      return reg(a + 1) && reg(b) && (GETARG_k(i) ? kstr(c) : reg(c));
    case OpCode::ADDI:
    case OpCode::SHRI:
    case OpCode::SHLI:
      return reg(a) && reg(b) && nextIsMM() && target(pc_ + 2);
    case OpCode::ADDK:
    case OpCode::SUBK:
    case OpCode::MULK:
    case OpCode::MODK:
    case OpCode::POWK:
    case OpCode::DIVK:
    case OpCode::IDIVK:
    case OpCode::BANDK:
    case OpCode::BORK:
    case OpCode::BXORK:
      return reg(a) && reg(b) && knum(c) && nextIsMM() && target(pc_ + 2);
    case OpCode::ADD:
    case OpCode::SUB:
    case OpCode::MUL:
    case OpCode::MOD:
    case OpCode::POW:
    case OpCode::DIV:
    case OpCode::IDIV:
    case OpCode::BAND:
    case OpCode::BOR:
    case OpCode::BXOR:
    case OpCode::SHL:
    case OpCode::SHR:
      return reg(a) && reg(b) && reg(c) && nextIsMM() && target(pc_ + 2);
    case OpCode::MMBIN:
      return reg(a) && reg(b) && mmEvent(i);
    case OpCode::MMBINI:
      return reg(a) && mmEvent(i);
    case OpCode::MMBINK:
      return reg(a) && k(b) && mmEvent(i);
    case OpCode::CONCAT:
      return b >= 1 && reg(a) && reg(a + b - 1);
    case OpCode::JMP:
      return target(pc_ + 1 + GETARG_sJ(i));
    case OpCode::EQ:
    case OpCode::LT:
    case OpCode::LE:
    case OpCode::TESTSET:
      return reg(a) && reg(b) && nextIs(OpCode::JMP) && target(pc_ + 2);
    case OpCode::EQK:
      return reg(a) && k(b) && nextIs(OpCode::JMP) && target(pc_ + 2);
    case OpCode::EQI:
    case OpCode::LTI:
    case OpCode::LEI:
    case OpCode::GTI:
    case OpCode::GEI:
    case OpCode::TEST:
      return reg(a) && nextIs(OpCode::JMP) && target(pc_ + 2);
    case OpCode::CALL:
      return reg(a) && (b == 0 || reg(a + b - 1)) && (c <= 1 || reg(a + c - 2));
    case OpCode::TAILCALL:
      return reg(a) && (b == 0 || reg(a + b - 1));
    case OpCode::RETURN:
      return (b == 1 || reg(a)) && (b <= 1 || reg(a + b - 2));
    case OpCode::RETURN0:
      return true;
    case OpCode::FORLOOP:
      return reg(a + 3) && target(pc_ + 1 - GETARG_Bx(i));
    case OpCode::FORPREP:
      return reg(a + 3) && target(pc_ + 2 + GETARG_Bx(i));
    case OpCode::TFORPREP: {
      int t = pc_ + 1 + GETARG_Bx(i);
      return reg(a + 3) && target(t) &&
             ((GET_OPCODE(p_.code[t]) == OpCode::TFORCALL && GETARG_A(p_.code[t]) == a) ||
              fail("does not lead to its TFORCALL"));
    }
    case OpCode::TFORCALL:
      return reg(a + 6) && reg(a + 3 + c) && nextIs(OpCode::TFORLOOP);
    case OpCode::TFORLOOP:
      return reg(a + 4) && target(pc_ + 1 - GETARG_Bx(i));
    case OpCode::SETLIST:
      return reg(a) && reg(a + b) && (!GETARG_k(i) || nextIs(OpCode::EXTRAARG));
    case OpCode::CLOSURE: {
      int bx = GETARG_Bx(i);
      if (!reg(a))
        return false;
      if (static_cast<std::size_t>(bx) >= p_.p.size() || !p_.p[bx])
        return fail(fmt::format("function {} out of range", bx));
      for (const UpvalDesc& u : p_.p[bx]->upvalues) {
        if (u.instack ? u.index >= p_.maxstacksize : u.index >= p_.upvalues.size())
          return fail(fmt::format("nested function captures a bad {} {}",
                                  u.instack ? "register" : "upvalue", u.index));
      }
      return true;
    }
    case OpCode::VARARG:
      return (p_.is_vararg || fail("vararg in a function without varargs")) && reg(a) &&
             (c <= 1 || reg(a + c - 2));
    case OpCode::VARARGPREP:
      return (p_.is_vararg || fail("vararg in a function without varargs")) &&
             (pc_ == 0 || fail("must be the first instruction"));
    case OpCode::EXTRAARG:
      return true;
    }
    return fail("unknown opcode");
  }
};

} // namespace

std::string verifyProto(const Proto& p) {
  return Verifier(p).run();
}

} // namespace sloth::vm
