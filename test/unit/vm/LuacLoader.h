// Test-only: reads Lua 5.4 binary chunks (luac5.4 output) into Protos, so the VM can be checked
// differentially against the reference interpreter on real compiler output. sloth's own bundles
// are a different format.
#pragma once

#include "sloth/vm/Proto.h"

#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>

namespace vmtest {

class LuacReader {
public:
  explicit LuacReader(std::string data) : d_(std::move(data)) {}

  std::shared_ptr<sloth::vm::Proto> read() {
    if (d_.compare(0, 4, "\x1bLua") != 0 || static_cast<unsigned char>(d_[4]) != 0x54)
      throw std::runtime_error("not a Lua 5.4 chunk");
    pos_ = 4 + 1 + 1 + 6 + 3 + 8 + 8; // signature, version, format, LUAC_DATA, sizes, checks
    byte();                           // number of upvalues of the main closure
    return function("=?");
  }

private:
  std::string d_;
  std::size_t pos_ = 0;

  unsigned char byte() {
    if (pos_ >= d_.size())
      throw std::runtime_error("truncated chunk");
    return static_cast<unsigned char>(d_[pos_++]);
  }
  std::size_t varint() {
    std::size_t x = 0;
    unsigned char b;
    do {
      b = byte();
      x = (x << 7) | (b & 0x7f);
    } while ((b & 0x80) == 0);
    return x;
  }
  int integer() { return static_cast<int>(varint()); }
  template <class T> T raw() {
    T v;
    if (pos_ + sizeof(T) > d_.size())
      throw std::runtime_error("truncated chunk");
    std::memcpy(&v, d_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return v;
  }
  bool string(std::string& out) {
    std::size_t size = varint();
    if (size == 0)
      return false;
    out = d_.substr(pos_, size - 1);
    pos_ += size - 1;
    return true;
  }

  std::shared_ptr<sloth::vm::Proto> function(const std::string& parentSource) {
    using namespace sloth::vm;
    auto p = std::make_shared<Proto>();
    std::string src;
    if (string(src)) {
      if (!src.empty() && (src[0] == '@' || src[0] == '='))
        src = src.substr(1);
    } else {
      src = parentSource;
    }
    p->source = src;
    p->linedefined = integer();
    p->lastlinedefined = integer();
    p->numparams = byte();
    p->is_vararg = byte() != 0;
    p->maxstacksize = byte();
    int n = integer();
    for (int i = 0; i < n; i++)
      p->code.push_back(raw<std::uint32_t>());
    n = integer();
    for (int i = 0; i < n; i++) {
      int t = byte();
      switch (t) {
      case 0:
        p->k.push_back(Constant::nil());
        break;
      case 1:
        p->k.push_back(Constant::boolean(false));
        break;
      case 17:
        p->k.push_back(Constant::boolean(true));
        break;
      case 3:
        p->k.push_back(Constant::integer(raw<std::int64_t>()));
        break;
      case 19:
        p->k.push_back(Constant::number(raw<double>()));
        break;
      case 4:
      case 20: {
        std::string s;
        string(s);
        p->k.push_back(Constant::string(s));
        break;
      }
      default:
        throw std::runtime_error("bad constant");
      }
    }
    n = integer();
    for (int i = 0; i < n; i++) {
      UpvalDesc u;
      u.instack = byte() != 0;
      u.index = byte();
      u.kind = byte();
      p->upvalues.push_back(u);
    }
    n = integer();
    for (int i = 0; i < n; i++)
      p->p.push_back(function(p->source));
    // Debug info: relative line deltas with absolute anchors.
    n = integer();
    std::string deltas = d_.substr(pos_, static_cast<std::size_t>(n));
    pos_ += static_cast<std::size_t>(n);
    int nabs = integer();
    std::vector<std::pair<int, int>> abs;
    for (int i = 0; i < nabs; i++) {
      int pc = integer();
      int line = integer();
      abs.emplace_back(pc, line);
    }
    int line = p->linedefined;
    for (int pc = 0; pc < n; pc++) {
      auto delta = static_cast<signed char>(deltas[static_cast<std::size_t>(pc)]);
      if (delta == -128) {
        for (auto& a : abs)
          if (a.first == pc)
            line = a.second;
      } else {
        line += delta;
      }
      p->lineinfo.push_back(line);
    }
    n = integer();
    for (int i = 0; i < n; i++) {
      LocVar lv;
      string(lv.name);
      lv.startpc = integer();
      lv.endpc = integer();
      p->locvars.push_back(lv);
    }
    n = integer();
    for (int i = 0; i < n; i++)
      string(p->upvalues[static_cast<std::size_t>(i)].name);
    return p;
  }
};

} // namespace vmtest
