// The C math functions sloth uses, defined in the executable so that it does not need libm.so at
// start-up (docs/startup.md): loading libm is 4 mappings, a relocation pass and ~15 page faults
// in every process, about 0.4 ms on the VMs we measure on, and a trivial run calls none of it.
//
// floor, ceil and trunc are exact and simple, and the C++ runtime's hash tables call them while
// sloth starts, so they are computed here. Every other function is glibc's own: the first call
// opens libm.so.6 and looks the function up, later calls go straight to it, so results are
// bit-for-bit those of libm. The executable does not export these names, so libm (and any
// library loaded later) keeps its own.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>

namespace {

void* libmFunction(const char* name) {
  static void* libm = [] {
    void* handle = ::dlopen("libm.so.6", RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      std::fprintf(stderr, "sloth: cannot load the math library: %s\n", ::dlerror());
      std::abort();
    }
    return handle;
  }();
  void* function = ::dlsym(libm, name);
  if (function == nullptr) {
    std::fprintf(stderr, "sloth: the math library has no '%s'\n", name);
    std::abort();
  }
  return function;
}

template <typename Function> Function resolve(const char* name) {
  return reinterpret_cast<Function>(libmFunction(name));
}

} // namespace

extern "C" {

// |x| >= 2^52 (and infinities, NaN) is integral already; the cast truncates the rest exactly,
// and copysign keeps the sign of -0.5 -> -0.0.
double trunc(double x) {
  if (!(std::fabs(x) < 0x1p52))
    return x;
  return std::copysign(static_cast<double>(static_cast<std::int64_t>(x)), x);
}

double floor(double x) {
  double t = trunc(x);
  return t > x ? t - 1.0 : t;
}

double ceil(double x) {
  double t = trunc(x);
  return t < x ? t + 1.0 : t;
}

#define SLOTH_LIBM_1(name)                                                                         \
  double name(double x) {                                                                          \
    static auto real = resolve<double (*)(double)>(#name);                                         \
    return real(x);                                                                                \
  }
#define SLOTH_LIBM_2(name)                                                                         \
  double name(double x, double y) {                                                                \
    static auto real = resolve<double (*)(double, double)>(#name);                                 \
    return real(x, y);                                                                             \
  }

SLOTH_LIBM_1(acos)
SLOTH_LIBM_1(acosh)
SLOTH_LIBM_1(asin)
SLOTH_LIBM_1(asinh)
SLOTH_LIBM_1(atan)
SLOTH_LIBM_1(atanh)
SLOTH_LIBM_1(cos)
SLOTH_LIBM_1(cosh)
SLOTH_LIBM_1(exp)
SLOTH_LIBM_1(log)
SLOTH_LIBM_1(log10)
SLOTH_LIBM_1(log2)
SLOTH_LIBM_1(sin)
SLOTH_LIBM_1(sinh)
SLOTH_LIBM_1(sqrt)
SLOTH_LIBM_1(tan)
SLOTH_LIBM_1(tanh)
SLOTH_LIBM_2(atan2)
SLOTH_LIBM_2(fmod)
SLOTH_LIBM_2(pow)

double frexp(double x, int* exponent) {
  static auto real = resolve<double (*)(double, int*)>("frexp");
  return real(x, exponent);
}

double ldexp(double x, int exponent) {
  static auto real = resolve<double (*)(double, int)>("ldexp");
  return real(x, exponent);
}

// The C++ runtime's floating-point to_chars saves and restores the rounding mode around a
// printf fallback.
int fegetround() {
  static auto real = resolve<int (*)()>("fegetround");
  return real();
}

int fesetround(int mode) {
  static auto real = resolve<int (*)(int)>("fesetround");
  return real(mode);
}

} // extern "C"
