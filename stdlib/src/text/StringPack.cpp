#include "sloth/stdlib/text/StringPack.h"

#include "sloth/stdlib/text/LibError.h"
#include "sloth/stdlib/text/LuaPattern.h"

#include <bit>
#include <climits>
#include <cstring>

namespace sloth::stdlib::text {
namespace {

constexpr int kMaxIntegerSize = 16;       // MAXINTSIZE
constexpr int kLuaIntegerSize = 8;        // sizeof(lua_Integer)
constexpr int kNativeMaxAlign = 8;        // offsetof(struct cD, u) on x86-64
constexpr std::size_t kMaxSize = INT_MAX; // lstrlib.c's MAXSIZE
constexpr bool kNativeLittle = std::endian::native == std::endian::little;

enum class Option { Int, Uint, Float, Number, Double, Char, String, Zstr, Padding, PadAlign, Nop };

// Parses the format left to right, keeping endianness and maximum alignment (lstrlib.c Header).
class FormatReader {
public:
  explicit FormatReader(std::string_view format)
      // A Lua format is a C string: an embedded zero ends it.
      : format_(format.substr(0, std::min(format.size(), format.find('\0')))) {}

  bool done() const { return position_ >= format_.size(); }
  bool littleEndian() const { return little_; }

  /// The next option, its size and the padding needed to align it at offset `totalSize`.
  Option next(std::size_t totalSize, int& size, int& padding) {
    Option option = readOption(size);
    int align = size; // usually alignment follows size
    if (option == Option::PadAlign) {
      // 'X' takes its alignment from the next option, which is otherwise ignored.
      if (done() || readOption(align) == Option::Char || align == 0)
        throw LibError("invalid next option for option 'X'", 1);
    }
    if (align <= 1 || option == Option::Char) {
      padding = 0;
    } else {
      if (align > maxAlign_)
        align = maxAlign_;
      if ((align & (align - 1)) != 0)
        throw LibError("format asks for alignment not power of 2", 1);
      padding =
          (align - static_cast<int>(totalSize & static_cast<std::size_t>(align - 1))) & (align - 1);
    }
    return option;
  }

private:
  bool atDigit() const { return !done() && format_[position_] >= '0' && format_[position_] <= '9'; }

  int readNumber(int fallback) {
    if (!atDigit())
      return fallback;
    int value = 0;
    do {
      value = value * 10 + (format_[position_++] - '0');
    } while (atDigit() && value <= (static_cast<int>(kMaxSize) - 9) / 10);
    return value;
  }

  int readSizeLimit(int fallback) {
    int size = readNumber(fallback);
    if (size > kMaxIntegerSize || size <= 0)
      throw LibError("integral size (" + std::to_string(size) + ") out of limits [1," +
                     std::to_string(kMaxIntegerSize) + "]");
    return size;
  }

  Option readOption(int& size) {
    char c = format_[position_++];
    size = 0;
    switch (c) {
    case 'b':
      size = 1;
      return Option::Int;
    case 'B':
      size = 1;
      return Option::Uint;
    case 'h':
      size = 2;
      return Option::Int;
    case 'H':
      size = 2;
      return Option::Uint;
    case 'l':
      size = 8;
      return Option::Int;
    case 'L':
      size = 8;
      return Option::Uint;
    case 'j':
      size = 8;
      return Option::Int;
    case 'J':
      size = 8;
      return Option::Uint;
    case 'T':
      size = 8;
      return Option::Uint;
    case 'f':
      size = 4;
      return Option::Float;
    case 'n':
      size = 8;
      return Option::Number;
    case 'd':
      size = 8;
      return Option::Double;
    case 'i':
      size = readSizeLimit(4);
      return Option::Int;
    case 'I':
      size = readSizeLimit(4);
      return Option::Uint;
    case 's':
      size = readSizeLimit(8);
      return Option::String;
    case 'c':
      size = readNumber(-1);
      if (size == -1)
        throw LibError("missing size for format option 'c'");
      return Option::Char;
    case 'z':
      return Option::Zstr;
    case 'x':
      size = 1;
      return Option::Padding;
    case 'X':
      return Option::PadAlign;
    case ' ':
      break;
    case '<':
      little_ = true;
      break;
    case '>':
      little_ = false;
      break;
    case '=':
      little_ = kNativeLittle;
      break;
    case '!':
      maxAlign_ = readSizeLimit(kNativeMaxAlign);
      break;
    default:
      throw LibError(std::string("invalid format option '") + c + "'");
    }
    return Option::Nop;
  }

  std::string_view format_;
  std::size_t position_ = 0;
  bool little_ = kNativeLittle;
  int maxAlign_ = 1;
};

void packInteger(std::string& out, std::uint64_t n, bool little, int size, bool negative) {
  std::string bytes(static_cast<std::size_t>(size), '\0');
  for (int i = 0; i < size; i++) {
    // Bytes beyond a Lua integer carry the sign extension.
    unsigned char byte =
        i < kLuaIntegerSize ? static_cast<unsigned char>(n >> (8 * i)) : (negative ? 0xFF : 0x00);
    bytes[static_cast<std::size_t>(little ? i : size - 1 - i)] = static_cast<char>(byte);
  }
  out += bytes;
}

std::int64_t unpackInteger(std::string_view bytes, bool little, int size, bool isSigned) {
  auto byteAt = [&](int i) {
    return static_cast<unsigned char>(bytes[static_cast<std::size_t>(little ? i : size - 1 - i)]);
  };
  std::uint64_t result = 0;
  int limit = size <= kLuaIntegerSize ? size : kLuaIntegerSize;
  for (int i = limit - 1; i >= 0; i--)
    result = (result << 8) | byteAt(i);
  if (size < kLuaIntegerSize) {
    if (isSigned) {
      std::uint64_t mask = std::uint64_t{1} << (size * 8 - 1);
      result = (result ^ mask) - mask; // sign extension
    }
  } else if (size > kLuaIntegerSize) {
    // The extra bytes must be pure sign extension, or the value does not fit.
    unsigned char expected = (!isSigned || static_cast<std::int64_t>(result) >= 0) ? 0 : 0xFF;
    for (int i = limit; i < size; i++)
      if (byteAt(i) != expected)
        throw LibError(std::to_string(size) + "-byte integer does not fit into Lua Integer");
  }
  return static_cast<std::int64_t>(result);
}

template <typename T> void packFloat(std::string& out, T value, bool little) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  for (std::size_t i = 0; i < sizeof(T); i++)
    out += bytes[little == kNativeLittle ? i : sizeof(T) - 1 - i];
}

template <typename T> T unpackFloat(std::string_view data, bool little) {
  char bytes[sizeof(T)];
  for (std::size_t i = 0; i < sizeof(T); i++)
    bytes[i] = data[little == kNativeLittle ? i : sizeof(T) - 1 - i];
  T value;
  std::memcpy(&value, bytes, sizeof(T));
  return value;
}

} // namespace

std::string stringPack(std::string_view format, std::span<const LibValue> values) {
  FormatReader reader(format);
  std::string out;
  std::size_t argIndex = 0;
  // A missing argument reads as nil, not "no value": Lua's str_pack pushes a nil mark right after
  // its arguments, and the first missing one lands on it.
  static const LibValue missing{};
  auto nextArg = [&](int& argument) -> const LibValue* {
    argument = static_cast<int>(argIndex) + 2;
    return argIndex < values.size() ? &values[argIndex++] : (argIndex++, &missing);
  };
  while (!reader.done()) {
    int size = 0;
    int padding = 0;
    Option option = reader.next(out.size(), size, padding);
    out.append(static_cast<std::size_t>(padding), '\0');
    int argument = 0;
    bool little = reader.littleEndian();
    switch (option) {
    case Option::Int: {
      const LibValue* value = nextArg(argument);
      std::int64_t n = checkInteger(value, argument);
      if (size < kLuaIntegerSize) {
        std::int64_t limit = std::int64_t{1} << (size * 8 - 1);
        if (!(-limit <= n && n < limit))
          throw LibError("integer overflow", argument);
      }
      packInteger(out, static_cast<std::uint64_t>(n), little, size, n < 0);
      break;
    }
    case Option::Uint: {
      const LibValue* value = nextArg(argument);
      std::int64_t n = checkInteger(value, argument);
      if (size < kLuaIntegerSize &&
          static_cast<std::uint64_t>(n) >= (std::uint64_t{1} << (size * 8)))
        throw LibError("unsigned overflow", argument);
      packInteger(out, static_cast<std::uint64_t>(n), little, size, false);
      break;
    }
    case Option::Float: {
      const LibValue* value = nextArg(argument);
      packFloat(out, static_cast<float>(checkFloat(value, argument)), little);
      break;
    }
    case Option::Number:
    case Option::Double: {
      const LibValue* value = nextArg(argument);
      packFloat(out, checkFloat(value, argument), little);
      break;
    }
    case Option::Char: {
      const LibValue* value = nextArg(argument);
      std::string s = checkString(value, argument);
      if (s.size() > static_cast<std::size_t>(size))
        throw LibError("string longer than given size", argument);
      out += s;
      out.append(static_cast<std::size_t>(size) - s.size(), '\0');
      break;
    }
    case Option::String: {
      const LibValue* value = nextArg(argument);
      std::string s = checkString(value, argument);
      if (size < 8 && s.size() >= (std::uint64_t{1} << (size * 8)))
        throw LibError("string length does not fit in given size", argument);
      packInteger(out, s.size(), little, size, false);
      out += s;
      break;
    }
    case Option::Zstr: {
      const LibValue* value = nextArg(argument);
      std::string s = checkString(value, argument);
      if (s.find('\0') != std::string::npos)
        throw LibError("string contains zeros", argument);
      out += s;
      out += '\0';
      break;
    }
    case Option::Padding:
      out += '\0';
      break;
    case Option::PadAlign:
    case Option::Nop:
      break;
    }
  }
  return out;
}

std::int64_t stringPackSize(std::string_view format) {
  FormatReader reader(format);
  std::size_t total = 0;
  while (!reader.done()) {
    int size = 0;
    int padding = 0;
    Option option = reader.next(total, size, padding);
    if (option == Option::String || option == Option::Zstr)
      throw LibError("variable-length format", 1);
    size += padding;
    if (total > kMaxSize - static_cast<std::size_t>(size))
      throw LibError("format result too large", 1);
    total += static_cast<std::size_t>(size);
  }
  return static_cast<std::int64_t>(total);
}

UnpackResult stringUnpack(std::string_view format, std::string_view data, std::int64_t init) {
  FormatReader reader(format);
  std::size_t position = relativeStartPosition(init, data.size()) - 1;
  if (position > data.size())
    throw LibError("initial position out of string", 3);
  UnpackResult result;
  while (!reader.done()) {
    int size = 0;
    int padding = 0;
    Option option = reader.next(position, size, padding);
    if (static_cast<std::size_t>(padding) + static_cast<std::size_t>(size) > data.size() - position)
      throw LibError("data string too short", 2);
    position += static_cast<std::size_t>(padding);
    bool little = reader.littleEndian();
    std::string_view here = data.substr(position);
    switch (option) {
    case Option::Int:
    case Option::Uint:
      result.values.emplace_back(unpackInteger(here, little, size, option == Option::Int));
      break;
    case Option::Float:
      result.values.emplace_back(static_cast<double>(unpackFloat<float>(here, little)));
      break;
    case Option::Number:
    case Option::Double:
      result.values.emplace_back(unpackFloat<double>(here, little));
      break;
    case Option::Char:
      result.values.emplace_back(std::string(here.substr(0, static_cast<std::size_t>(size))));
      break;
    case Option::String: {
      auto length = static_cast<std::uint64_t>(unpackInteger(here, little, size, false));
      if (length > data.size() - position - static_cast<std::size_t>(size))
        throw LibError("data string too short", 2);
      result.values.emplace_back(std::string(
          here.substr(static_cast<std::size_t>(size), static_cast<std::size_t>(length))));
      position += static_cast<std::size_t>(length);
      break;
    }
    case Option::Zstr: {
      std::size_t length = here.find('\0');
      if (length == std::string_view::npos)
        throw LibError("unfinished string for format 'z'", 2);
      result.values.emplace_back(std::string(here.substr(0, length)));
      position += length + 1;
      break;
    }
    case Option::Padding:
    case Option::PadAlign:
    case Option::Nop:
      break;
    }
    position += static_cast<std::size_t>(size);
  }
  result.nextPosition = static_cast<std::int64_t>(position) + 1;
  return result;
}

} // namespace sloth::stdlib::text
