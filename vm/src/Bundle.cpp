// Bundle serialization (format in Bundle.h).
#include "sloth/vm/Bundle.h"

#include <fmt/format.h>

#include <cstring>

namespace sloth::vm {

static constexpr char kMagic[8] = {'S', 'L', 'O', 'T', 'H', 'B', 'C', '\n'};
static constexpr int kMaxNesting = 200; // nested functions; deeper input is refused

namespace {

class Writer {
public:
  std::string out;

  void u8(unsigned v) { out.push_back(static_cast<char>(v)); }
  template <class T> void raw(T v) {
    char buf[sizeof(T)];
    std::memcpy(buf, &v, sizeof(T)); // little-endian hosts only, like the rest of sloth
    out.append(buf, sizeof(T));
  }
  void varint(std::uint64_t v) {
    do {
      unsigned char b = v & 0x7f;
      v >>= 7;
      if (v)
        b |= 0x80;
      out.push_back(static_cast<char>(b));
    } while (v);
  }
  void str(std::string_view s) {
    varint(s.size());
    out.append(s);
  }
  void function(const Proto& p) {
    str(p.source);
    varint(static_cast<std::uint64_t>(p.linedefined));
    varint(static_cast<std::uint64_t>(p.lastlinedefined));
    u8(p.numparams);
    u8(p.is_vararg ? 1 : 0);
    u8(p.maxstacksize);
    varint(p.code.size());
    for (Instruction i : p.code)
      raw<std::uint32_t>(i);
    varint(p.k.size());
    for (const Constant& c : p.k) {
      switch (c.value.index()) {
      case 0:
        u8(0);
        break;
      case 1:
        u8(std::get<bool>(c.value) ? 2 : 1);
        break;
      case 2:
        u8(3);
        raw<std::int64_t>(std::get<std::int64_t>(c.value));
        break;
      case 3:
        u8(4);
        raw<double>(std::get<double>(c.value));
        break;
      default:
        u8(5);
        str(std::get<std::string>(c.value));
        break;
      }
    }
    varint(p.upvalues.size());
    for (const UpvalDesc& u : p.upvalues) {
      u8(u.instack ? 1 : 0);
      u8(u.index);
      u8(u.kind);
      str(u.name);
    }
    varint(p.p.size());
    for (const auto& child : p.p)
      function(*child);
    varint(p.lineinfo.size());
    for (int line : p.lineinfo)
      varint(static_cast<std::uint64_t>(line < 0 ? 0 : line));
    varint(p.locvars.size());
    for (const LocVar& lv : p.locvars) {
      str(lv.name);
      varint(static_cast<std::uint64_t>(lv.startpc));
      varint(static_cast<std::uint64_t>(lv.endpc));
    }
  }
};

struct Malformed {
  std::string msg;
};

class Reader {
public:
  explicit Reader(std::string_view d) : d_(d) {}

  unsigned u8() {
    need(1);
    return static_cast<unsigned char>(d_[pos_++]);
  }
  template <class T> T raw() {
    need(sizeof(T));
    T v;
    std::memcpy(&v, d_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return v;
  }
  std::uint64_t varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      unsigned b = u8();
      v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80))
        return v;
    }
    throw Malformed{"malformed number"};
  }
  // A count or size, bounded by what the remaining input could possibly hold.
  std::size_t count(std::size_t minBytesEach) {
    std::uint64_t n = varint();
    if (n > (d_.size() - pos_) / (minBytesEach ? minBytesEach : 1) + 1)
      throw Malformed{"truncated bundle"};
    return static_cast<std::size_t>(n);
  }
  int small() {
    std::uint64_t v = varint();
    if (v > 0x7fffffff)
      throw Malformed{"malformed number"};
    return static_cast<int>(v);
  }
  std::string str() {
    std::size_t n = count(1);
    need(n);
    std::string s(d_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  std::shared_ptr<Proto> function(int depth) {
    if (depth > kMaxNesting)
      throw Malformed{"functions nested too deeply"};
    auto p = std::make_shared<Proto>();
    p->source = str();
    p->linedefined = small();
    p->lastlinedefined = small();
    p->numparams = static_cast<std::uint8_t>(u8());
    p->is_vararg = u8() != 0;
    p->maxstacksize = static_cast<std::uint8_t>(u8());
    std::size_t n = count(4);
    p->code.reserve(n);
    for (std::size_t i = 0; i < n; i++)
      p->code.push_back(raw<std::uint32_t>());
    n = count(1);
    for (std::size_t i = 0; i < n; i++) {
      switch (u8()) {
      case 0:
        p->k.push_back(Constant::nil());
        break;
      case 1:
        p->k.push_back(Constant::boolean(false));
        break;
      case 2:
        p->k.push_back(Constant::boolean(true));
        break;
      case 3:
        p->k.push_back(Constant::integer(raw<std::int64_t>()));
        break;
      case 4:
        p->k.push_back(Constant::number(raw<double>()));
        break;
      case 5:
        p->k.push_back(Constant::string(str()));
        break;
      default:
        throw Malformed{"bad constant"};
      }
    }
    n = count(4);
    for (std::size_t i = 0; i < n; i++) {
      UpvalDesc u;
      u.instack = u8() != 0;
      u.index = static_cast<std::uint8_t>(u8());
      u.kind = static_cast<std::uint8_t>(u8());
      u.name = str();
      p->upvalues.push_back(std::move(u));
    }
    n = count(8);
    for (std::size_t i = 0; i < n; i++)
      p->p.push_back(function(depth + 1));
    n = count(1);
    p->lineinfo.reserve(n);
    for (std::size_t i = 0; i < n; i++)
      p->lineinfo.push_back(small());
    n = count(3);
    for (std::size_t i = 0; i < n; i++) {
      LocVar lv;
      lv.name = str();
      lv.startpc = small();
      lv.endpc = small();
      p->locvars.push_back(std::move(lv));
    }
    return p;
  }
  bool atEnd() const { return pos_ == d_.size(); }

private:
  std::string_view d_;
  std::size_t pos_ = 0;

  void need(std::size_t n) {
    if (d_.size() - pos_ < n)
      throw Malformed{"truncated bundle"};
  }
};

} // namespace

std::string writeBundle(const Bundle& b) {
  Writer w;
  w.out.append(kMagic, sizeof kMagic);
  w.raw<std::uint32_t>(kBundleVersion);
  w.raw<std::uint64_t>(b.signatureHash);
  w.str(b.metadata);
  w.str(b.sourceText);
  w.function(*b.main);
  return w.out;
}

bool readBundle(std::string_view bytes, std::uint64_t expectedSignatureHash, Bundle& out,
                std::string& error) {
  try {
    Reader r(bytes);
    if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
      throw Malformed{"not a sloth bundle"};
    for (std::size_t i = 0; i < sizeof kMagic; i++)
      r.u8();
    std::uint32_t version = r.raw<std::uint32_t>();
    if (version != kBundleVersion)
      throw Malformed{fmt::format("bundle format version {} is not supported (expected {})",
                                  version, kBundleVersion)};
    Bundle b;
    b.signatureHash = r.raw<std::uint64_t>();
    if (expectedSignatureHash != 0 && b.signatureHash != expectedSignatureHash)
      throw Malformed{"bundle was built against different module signatures; rebuild it"};
    b.metadata = r.str();
    b.sourceText = r.str();
    b.main = r.function(0);
    if (!r.atEnd())
      throw Malformed{"trailing data after the bundle"};
    std::string verr = verifyProto(*b.main);
    if (!verr.empty())
      throw Malformed{"invalid bytecode: " + verr};
    out = std::move(b);
    return true;
  } catch (const Malformed& m) {
    error = m.msg;
    return false;
  }
}

} // namespace sloth::vm
