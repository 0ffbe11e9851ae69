// Bundle serialization: the 32-byte header with its checksum, then the payload (format in
// Bundle.h and docs/bundle-format.md).
#include "sloth/vm/Bundle.h"
#include "sloth/EmbeddedFilesHash.h"

#include <fmt/format.h>

#include <array>
#include <cstring>

namespace sloth::vm {

static constexpr char kMagic[8] = {'\x1b', 'S', 'L', 'O', 'T', 'H', '\r', '\n'};
static constexpr int kMaxNesting = 200; // nested functions; deeper input is refused
static constexpr unsigned kFlagStripped = 1;
// Header offsets.
static constexpr std::size_t kVersionAt = 8, kKindAt = 12, kFlagsAt = 13, kHashAt = 16,
                             kSizeAt = 24, kChecksumAt = 28;

namespace {

class Writer {
public:
  std::string out;
  bool strip = false; // leave out debug information (string.dump's strip)

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
    str(strip ? std::string_view("?") : std::string_view(p.source));
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
      str(strip ? std::string_view() : std::string_view(u.name));
    }
    varint(p.p.size());
    for (const auto& child : p.p)
      function(*child);
    if (strip) {
      varint(0); // no line information
      varint(0); // no locals
      return;
    }
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
    throw Malformed{"corrupted: malformed number"};
  }
  // A count or size, bounded by what the remaining input could possibly hold.
  std::size_t count(std::size_t minBytesEach) {
    std::uint64_t n = varint();
    if (n > (d_.size() - pos_) / (minBytesEach ? minBytesEach : 1) + 1)
      throw Malformed{"corrupted: the payload ends early"};
    return static_cast<std::size_t>(n);
  }
  int small() {
    std::uint64_t v = varint();
    if (v > 0x7fffffff)
      throw Malformed{"corrupted: malformed number"};
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
      throw Malformed{"corrupted: functions nested too deeply"};
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
        throw Malformed{"corrupted: unknown constant type"};
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
  std::size_t pos() const { return pos_; }

private:
  std::string_view d_;
  std::size_t pos_ = 0;

  void need(std::size_t n) {
    if (d_.size() - pos_ < n)
      throw Malformed{"corrupted: the payload ends early"};
  }
};

// CRC-32 (IEEE 802.3, the polynomial of zlib's crc32 and Python's zlib.crc32).
std::uint32_t crc32(std::uint32_t crc, std::string_view data) {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; i++) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; k++)
        c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  crc = ~crc;
  for (char ch : data)
    crc = table[(crc ^ static_cast<unsigned char>(ch)) & 0xff] ^ (crc >> 8);
  return ~crc;
}

// The checksum field covers the header before it and the whole payload.
std::uint32_t checksumOf(std::string_view bytes) {
  return crc32(crc32(0, bytes.substr(0, kChecksumAt)), bytes.substr(kBundleHeaderSize));
}

template <class T> T load(std::string_view bytes, std::size_t at) {
  T v;
  std::memcpy(&v, bytes.data() + at, sizeof(T)); // little-endian hosts only, like the rest of sloth
  return v;
}

template <class T> void store(std::string& bytes, std::size_t at, T v) {
  std::memcpy(bytes.data() + at, &v, sizeof(T));
}

} // namespace

std::string writeBundle(const Bundle& b) {
  Writer w;
  w.strip = b.stripped;
  w.out.append(kMagic, sizeof kMagic);
  w.raw<std::uint32_t>(kBundleVersion);
  w.u8(static_cast<unsigned>(b.kind));
  w.u8(b.stripped ? kFlagStripped : 0);
  w.raw<std::uint16_t>(0);
  w.raw<std::uint64_t>(b.signatureHash);
  w.raw<std::uint32_t>(0); // payload size, filled in below
  w.raw<std::uint32_t>(0); // checksum, filled in below
  if (b.kind == BundleKind::Script) {
    w.str(b.metadata);
    w.str(b.sourceText);
  }
  w.function(*b.main);
  store<std::uint32_t>(w.out, kSizeAt,
                       static_cast<std::uint32_t>(w.out.size() - kBundleHeaderSize));
  resealBundle(w.out);
  return w.out;
}

bool looksLikeBundle(std::string_view bytes) {
  return !bytes.empty() && bytes[0] == kMagic[0];
}

void resealBundle(std::string& bytes) {
  if (bytes.size() >= kBundleHeaderSize)
    store<std::uint32_t>(bytes, kChecksumAt, checksumOf(bytes));
}

std::uint64_t signatureSetHash(std::span<const EmbeddedFile> files) {
  return embeddedFilesHash(files);
}

bool readBundle(std::string_view bytes, std::uint64_t expectedSignatureHash, Bundle& out,
                std::string& error) {
  try {
    if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
      bool prefix = !bytes.empty() && bytes.size() < sizeof kMagic &&
                    std::memcmp(bytes.data(), kMagic, bytes.size()) == 0;
      throw Malformed{prefix ? fmt::format("truncated: the file ends inside the {}-byte header (at "
                                           "byte {})",
                                           kBundleHeaderSize, bytes.size())
                             : "not a sloth bundle (it does not start with the bundle magic)"};
    }
    if (bytes.size() < kVersionAt + 4)
      throw Malformed{fmt::format("truncated: the file ends inside the {}-byte header (at byte {})",
                                  kBundleHeaderSize, bytes.size())};
    std::uint32_t version = load<std::uint32_t>(bytes, kVersionAt);
    if (version != kBundleVersion)
      throw Malformed{fmt::format("bundle format version {} is not supported (this sloth reads "
                                  "version {}); rebuild it with slothc build",
                                  version, kBundleVersion)};
    if (bytes.size() < kBundleHeaderSize)
      throw Malformed{fmt::format("truncated: the file ends inside the {}-byte header (at byte {})",
                                  kBundleHeaderSize, bytes.size())};
    std::size_t payloadSize = load<std::uint32_t>(bytes, kSizeAt);
    std::size_t present = bytes.size() - kBundleHeaderSize;
    if (present < payloadSize)
      throw Malformed{fmt::format("truncated: the header announces {} bytes of payload, the file "
                                  "has {}",
                                  payloadSize, present)};
    if (present > payloadSize)
      throw Malformed{
          fmt::format("{} bytes of trailing data after the bundle", present - payloadSize)};
    if (checksumOf(bytes) != load<std::uint32_t>(bytes, kChecksumAt))
      throw Malformed{"corrupted: the checksum does not match the contents"};
    Bundle b;
    unsigned kind = static_cast<unsigned char>(bytes[kKindAt]);
    unsigned flags = static_cast<unsigned char>(bytes[kFlagsAt]);
    if (kind != static_cast<unsigned>(BundleKind::Script) &&
        kind != static_cast<unsigned>(BundleKind::Function))
      throw Malformed{fmt::format("corrupted: unknown bundle kind {}", kind)};
    if ((flags & ~kFlagStripped) != 0 || load<std::uint16_t>(bytes, kFlagsAt + 1) != 0)
      throw Malformed{"corrupted: unknown flags in the header"};
    b.kind = static_cast<BundleKind>(kind);
    b.stripped = (flags & kFlagStripped) != 0;
    b.signatureHash = load<std::uint64_t>(bytes, kHashAt);
    if (expectedSignatureHash != 0 && b.signatureHash != expectedSignatureHash)
      throw Malformed{fmt::format("built against different module signatures (hash {:016x}, this "
                                  "sloth has {:016x}); rebuild it with slothc build",
                                  b.signatureHash, expectedSignatureHash)};
    Reader r(bytes.substr(kBundleHeaderSize));
    if (b.kind == BundleKind::Script) {
      b.metadata = r.str();
      b.sourceText = r.str();
    }
    b.main = r.function(0);
    if (!r.atEnd())
      throw Malformed{"corrupted: data after the main function"};
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
