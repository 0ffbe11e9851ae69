// The string library (Lua 5.4 manual §6.4, lstrlib.c), bound to the text engines, and the string
// metatable: methods through __index, and the arithmetic metamethods that convert numeric strings.
#include "LibSupport.h"
#include "StringDump.h"

#include "sloth/stdlib/Stdlib.h"
#include "sloth/stdlib/text/LuaNumber.h"
#include "sloth/stdlib/text/LuaPattern.h"
#include "sloth/stdlib/text/StringBasics.h"
#include "sloth/stdlib/text/StringFormat.h"
#include "sloth/stdlib/text/StringPack.h"

#include <fmt/format.h>

#include <new>
#include <optional>
#include <type_traits>
#include <vector>

namespace sloth::stdlib {

using lib::withLibErrors;
using text::Capture;
using vm::Thread;
using vm::Type;

namespace {

std::optional<std::int64_t> optionalInteger(Thread& L, int arg) {
  if (L.isNoneOrNil(arg))
    return std::nullopt;
  return L.checkInteger(arg);
}

void pushCapture(Thread& L, const Capture& capture) {
  if (const auto* s = std::get_if<std::string_view>(&capture))
    L.pushString(*s);
  else
    L.pushInteger(std::get<std::int64_t>(capture));
}

int pushCaptures(Thread& L, const std::vector<Capture>& captures) {
  lib::ensureStack(L, static_cast<int>(captures.size()), "too many captures");
  for (const Capture& capture : captures)
    pushCapture(L, capture);
  return static_cast<int>(captures.size());
}

std::vector<text::LibValue> argumentsFrom(Thread& L, int first) {
  std::vector<text::LibValue> values;
  for (int i = first; i <= L.top(); i++)
    values.push_back(lib::toLibValue(L, i));
  return values;
}

int strLen(Thread& L) {
  L.pushInteger(static_cast<std::int64_t>(L.checkString(1).size()));
  return 1;
}

int strSub(Thread& L) {
  std::string_view s = L.checkString(1);
  std::int64_t i = L.checkInteger(2);
  std::optional<std::int64_t> j = optionalInteger(L, 3);
  L.pushString(text::stringSub(s, i, j));
  return 1;
}

int strUpper(Thread& L) {
  L.pushString(text::stringUpper(L.checkString(1)));
  return 1;
}

int strLower(Thread& L) {
  L.pushString(text::stringLower(L.checkString(1)));
  return 1;
}

int strReverse(Thread& L) {
  L.pushString(text::stringReverse(L.checkString(1)));
  return 1;
}

int strRep(Thread& L) {
  std::string_view s = L.checkString(1);
  std::int64_t n = L.checkInteger(2);
  std::string_view sep = L.optString(3, "");
  L.pushString(text::stringRep(s, n, sep, [&L] { L.pollInterrupt(); }));
  return 1;
}

int strByte(Thread& L) {
  std::string_view s = L.checkString(1);
  std::int64_t i = L.optInteger(2, 1);
  std::optional<std::int64_t> j = optionalInteger(L, 3);
  std::vector<std::int64_t> bytes = text::stringByte(s, i, j.value_or(i));
  lib::ensureStack(L, static_cast<int>(bytes.size()), "string slice too long");
  for (std::int64_t b : bytes)
    L.pushInteger(b);
  return static_cast<int>(bytes.size());
}

int strChar(Thread& L) {
  std::vector<std::int64_t> codes;
  for (int i = 1; i <= L.top(); i++)
    codes.push_back(L.checkInteger(i));
  L.pushString(text::stringChar(codes));
  return 1;
}

int strFormat(Thread& L) {
  std::string_view format = L.checkString(1);
  std::vector<text::LibValue> args = argumentsFrom(L, 2);
  std::string result = text::stringFormat(format, args);
  L.pushString(result);
  return 1;
}

// A long match (heavy backtracking, a huge subject) stops when the run is interrupted or its task
// times out: the matcher polls the VM's interrupt requests, whose handler raises.
void pollVm(void* context) {
  static_cast<Thread*>(context)->pollInterrupt();
}

text::PatternLimits pollingLimits(Thread& L) {
  text::PatternLimits limits;
  limits.poll = pollVm;
  limits.pollContext = &L;
  return limits;
}

int strFind(Thread& L) {
  std::string_view s = L.checkString(1);
  std::string_view p = L.checkString(2);
  std::int64_t init = L.optInteger(3, 1);
  bool plain = L.toBoolean(4);
  auto found = text::patternFind(s, p, init, plain, pollingLimits(L));
  if (!found) {
    L.pushNil();
    return 1;
  }
  L.pushInteger(found->start);
  L.pushInteger(found->end);
  return 2 + pushCaptures(L, found->captures);
}

int strMatch(Thread& L) {
  std::string_view s = L.checkString(1);
  std::string_view p = L.checkString(2);
  std::int64_t init = L.optInteger(3, 1);
  auto captures = text::patternMatch(s, p, init, pollingLimits(L));
  if (!captures) {
    L.pushNil();
    return 1;
  }
  return pushCaptures(L, *captures);
}

static_assert(std::is_trivially_destructible_v<text::PatternMatcher>,
              "kept in a userdata without __gc");

int gmatchStep(Thread& L) {
  auto* matcher = static_cast<text::PatternMatcher*>(L.toUserdata(vm::upvalueIndex(3)));
  matcher->setPoll(pollVm, &L);
  auto captures = matcher->next();
  if (!captures)
    return 0;
  return pushCaptures(L, *captures);
}

int strGmatch(Thread& L) {
  std::string_view s = L.checkString(1);
  std::string_view p = L.checkString(2);
  std::int64_t init = L.optInteger(3, 1);
  L.setTop(2); // the subject and pattern stay alive as upvalues of the iterator
  new (L.newUserdata(sizeof(text::PatternMatcher))) text::PatternMatcher(s, p, init);
  L.pushNative(withLibErrors<gmatchStep>, 3, nullptr);
  return 1;
}

int strGsub(Thread& L) {
  std::string_view s = L.checkString(1);
  std::string_view p = L.checkString(2);
  Type replacementType = L.type(3);
  if (replacementType != Type::Number && replacementType != Type::String &&
      replacementType != Type::Function && replacementType != Type::Table)
    L.typeError(3, "string/function/table");
  std::optional<std::int64_t> maxReplacements = optionalInteger(L, 4);
  text::Replacement replacement;
  if (replacementType == Type::Number || replacementType == Type::String) {
    std::string_view templ;
    L.toStringView(3, templ);
    replacement = templ;
  } else {
    bool isFunction = replacementType == Type::Function;
    replacement = text::ReplacementCallback(
        [&L, isFunction](const std::vector<Capture>& captures) -> std::optional<std::string> {
          if (isFunction) {
            L.pushValue(3);
            int n = pushCaptures(L, captures);
            L.call(n, 1);
          } else {
            pushCapture(L, captures.at(0));
            L.getTable(3);
          }
          if (!L.toBoolean(-1)) {
            L.pop();
            return std::nullopt; // keep the original text
          }
          std::string_view value;
          if ((L.type(-1) != Type::String && L.type(-1) != Type::Number) ||
              !L.toStringView(-1, value))
            throw text::LibError(
                fmt::format("invalid replacement value (a {})", lib::basicTypeName(L, -1)));
          std::string result(value);
          L.pop();
          return result;
        });
  }
  text::GsubResult result = text::patternGsub(s, p, replacement, maxReplacements, pollingLimits(L));
  L.pushString(result.text);
  L.pushInteger(result.count);
  return 2;
}

int strPack(Thread& L) {
  std::string_view format = L.checkString(1);
  std::vector<text::LibValue> values = argumentsFrom(L, 2);
  std::string packed = text::stringPack(format, values);
  L.pushString(packed);
  return 1;
}

int strPackSize(Thread& L) {
  L.pushInteger(text::stringPackSize(L.checkString(1)));
  return 1;
}

int strUnpack(Thread& L) {
  std::string_view format = L.checkString(1);
  std::string_view data = L.checkString(2);
  std::int64_t init = L.optInteger(3, 1);
  text::UnpackResult result = text::stringUnpack(format, data, init);
  lib::ensureStack(L, static_cast<int>(result.values.size()) + 1, "too many results");
  for (const text::UnpackedValue& value : result.values) {
    if (const auto* i = std::get_if<std::int64_t>(&value))
      L.pushInteger(*i);
    else if (const auto* d = std::get_if<double>(&value))
      L.pushNumber(*d);
    else
      L.pushString(std::get<std::string>(value));
  }
  L.pushInteger(result.nextPosition);
  return static_cast<int>(result.values.size()) + 1;
}

// ---- the string metatable's arithmetic (lstrlib.c "tonum"/"trymt") ----

// Pushes the number the operand stands for; false for a non-numeric operand.
bool pushAsNumber(Thread& L, int arg) {
  if (L.type(arg) == Type::Number) {
    L.pushValue(arg);
    return true;
  }
  std::string_view s;
  if (L.type(arg) != Type::String || !L.toStringView(arg, s))
    return false;
  auto number = text::stringToNumber(s);
  if (!number)
    return false;
  if (const auto* i = std::get_if<std::int64_t>(&*number))
    L.pushInteger(*i);
  else
    L.pushNumber(std::get<double>(*number));
  return true;
}

template <vm::ArithOp Op> int stringArith(Thread& L) {
  static constexpr const char* kEvents[] = {"add",  "sub", "mul",  "mod", "pow", "div", "idiv",
                                            "band", "bor", "bxor", "shl", "shr", "unm", "bnot"};
  const char* event = kEvents[static_cast<int>(Op)];
  if (pushAsNumber(L, 1) && pushAsNumber(L, 2)) {
    L.arith(Op);
    return 1;
  }
  L.setTop(2);
  // The second operand may have its own metamethod (the first did not, or we were not called).
  if (L.type(2) == Type::String || L.getMetafield(2, fmt::format("__{}", event)) == Type::Nil)
    lib::raiseError(L, fmt::format("attempt to {} a '{}' with a '{}'", event,
                                   lib::basicTypeName(L, 1), lib::basicTypeName(L, 2)));
  L.insert(-3);
  L.call(2, 1);
  return 1;
}

void createStringMetatable(Thread& L) {
  L.newTable(0, 9);
  lib::setFunctions(L, -1,
                    {{"__add", stringArith<vm::ArithOp::Add>},
                     {"__sub", stringArith<vm::ArithOp::Sub>},
                     {"__mul", stringArith<vm::ArithOp::Mul>},
                     {"__mod", stringArith<vm::ArithOp::Mod>},
                     {"__pow", stringArith<vm::ArithOp::Pow>},
                     {"__div", stringArith<vm::ArithOp::Div>},
                     {"__idiv", stringArith<vm::ArithOp::IDiv>},
                     {"__unm", stringArith<vm::ArithOp::Unm>}},
                    {});
  L.pushString("");
  L.pushValue(-2);
  L.setMetatable(-2);
  L.pop();
  L.pushValue(-2); // the string library
  L.setField(-2, "__index");
  L.pop();
}

} // namespace

void openString(Thread& L) {
  lib::newLibrary(L, "string",
                  {{"byte", withLibErrors<strByte>},
                   {"char", withLibErrors<strChar>},
                   {"dump", lib::strDump},
                   {"find", withLibErrors<strFind>},
                   {"format", withLibErrors<strFormat>},
                   {"gmatch", withLibErrors<strGmatch>},
                   {"gsub", withLibErrors<strGsub>},
                   {"len", strLen},
                   {"lower", strLower},
                   {"match", withLibErrors<strMatch>},
                   {"rep", withLibErrors<strRep>},
                   {"reverse", strReverse},
                   {"sub", withLibErrors<strSub>},
                   {"upper", strUpper},
                   {"pack", withLibErrors<strPack>},
                   {"packsize", withLibErrors<strPackSize>},
                   {"unpack", withLibErrors<strUnpack>},
                   // Lua 5.1 compatibility: gfind was gmatch's old name.
                   {"gfind", withLibErrors<strGmatch>}});
  createStringMetatable(L);
  L.pop();
}

} // namespace sloth::stdlib
