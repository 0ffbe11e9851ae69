// libcurl, loaded on first use: the libcurl functions the modules call (metrics push, HTTP
// probes) are defined here and forward to libcurl.so.4, opened with dlopen the first time one of
// them is called. Why: libcurl pulls in ~30 shared libraries (TLS, Kerberos, LDAP, ...) whose
// loading and relocation was ~75% of `sloth run`'s start-up (test/bench/startup/run.sh); a script
// that makes no HTTP request no longer pays for them.
//
// Without libcurl installed, curl_easy_init/curl_multi_init return null and curl_easy_strerror
// says why, so the modules report their usual "cannot start an HTTP request" errors.
#define CURL_DISABLE_TYPECHECK // the type-checking macros would rename our definitions
#include <curl/curl.h>

#include <dlfcn.h>

#include <cstdarg>

namespace {

struct Curl {
  void* handle = nullptr;
  CURL* (*easyInit)() = nullptr;
  CURLcode (*easySetopt)(CURL*, CURLoption, ...) = nullptr;
  CURLcode (*easyPerform)(CURL*) = nullptr;
  void (*easyCleanup)(CURL*) = nullptr;
  CURLcode (*easyGetinfo)(CURL*, CURLINFO, ...) = nullptr;
  const char* (*easyStrerror)(CURLcode) = nullptr;
  char* (*easyEscape)(CURL*, const char*, int) = nullptr;
  void (*free)(void*) = nullptr;
  curl_slist* (*slistAppend)(curl_slist*, const char*) = nullptr;
  void (*slistFreeAll)(curl_slist*) = nullptr;
  CURLM* (*multiInit)() = nullptr;
  CURLMcode (*multiAddHandle)(CURLM*, CURL*) = nullptr;
  CURLMcode (*multiRemoveHandle)(CURLM*, CURL*) = nullptr;
  CURLMcode (*multiPerform)(CURLM*, int*) = nullptr;
  CURLMsg* (*multiInfoRead)(CURLM*, int*) = nullptr;
  CURLMcode (*multiCleanup)(CURLM*) = nullptr;

  template <class F> void bind(F& fn, const char* name) {
    fn = reinterpret_cast<F>(dlsym(handle, name));
    if (fn == nullptr)
      handle = nullptr; // an incomplete libcurl counts as none
  }
};

// Opens libcurl once (thread-safe static initialization); every pointer is set, or handle is null.
const Curl& curl() {
  static const Curl loaded = [] {
    Curl c;
    c.handle = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (c.handle == nullptr)
      return c;
    c.bind(c.easyInit, "curl_easy_init");
    c.bind(c.easySetopt, "curl_easy_setopt");
    c.bind(c.easyPerform, "curl_easy_perform");
    c.bind(c.easyCleanup, "curl_easy_cleanup");
    c.bind(c.easyGetinfo, "curl_easy_getinfo");
    c.bind(c.easyStrerror, "curl_easy_strerror");
    c.bind(c.easyEscape, "curl_easy_escape");
    c.bind(c.free, "curl_free");
    c.bind(c.slistAppend, "curl_slist_append");
    c.bind(c.slistFreeAll, "curl_slist_free_all");
    c.bind(c.multiInit, "curl_multi_init");
    c.bind(c.multiAddHandle, "curl_multi_add_handle");
    c.bind(c.multiRemoveHandle, "curl_multi_remove_handle");
    c.bind(c.multiPerform, "curl_multi_perform");
    c.bind(c.multiInfoRead, "curl_multi_info_read");
    c.bind(c.multiCleanup, "curl_multi_cleanup");
    return c;
  }();
  return loaded;
}

bool available() {
  return curl().handle != nullptr;
}

} // namespace

extern "C" {

CURL* curl_easy_init() {
  return available() ? curl().easyInit() : nullptr;
}

// The one argument after `option` has the type its number range says (curl.h's CURLOPTTYPE_*).
CURLcode curl_easy_setopt(CURL* handle, CURLoption option, ...) {
  va_list args;
  va_start(args, option);
  CURLcode rc;
  if (option < CURLOPTTYPE_OBJECTPOINT)
    rc = curl().easySetopt(handle, option, va_arg(args, long));
  else if (option < CURLOPTTYPE_OFF_T)
    rc = curl().easySetopt(handle, option, va_arg(args, void*));
  else if (option < CURLOPTTYPE_BLOB)
    rc = curl().easySetopt(handle, option, va_arg(args, curl_off_t));
  else
    rc = curl().easySetopt(handle, option, va_arg(args, void*));
  va_end(args);
  return rc;
}

CURLcode curl_easy_perform(CURL* handle) {
  return curl().easyPerform(handle);
}

void curl_easy_cleanup(CURL* handle) {
  if (available())
    curl().easyCleanup(handle);
}

// Every CURLINFO takes one pointer to where the answer goes.
CURLcode curl_easy_getinfo(CURL* handle, CURLINFO info, ...) {
  va_list args;
  va_start(args, info);
  CURLcode rc = curl().easyGetinfo(handle, info, va_arg(args, void*));
  va_end(args);
  return rc;
}

const char* curl_easy_strerror(CURLcode code) {
  return available() ? curl().easyStrerror(code) : "libcurl.so.4 is not installed";
}

char* curl_easy_escape(CURL* handle, const char* string, int length) {
  return available() ? curl().easyEscape(handle, string, length) : nullptr;
}

void curl_free(void* p) {
  if (available())
    curl().free(p);
}

curl_slist* curl_slist_append(curl_slist* list, const char* text) {
  return available() ? curl().slistAppend(list, text) : nullptr;
}

void curl_slist_free_all(curl_slist* list) {
  if (available())
    curl().slistFreeAll(list);
}

CURLM* curl_multi_init() {
  return available() ? curl().multiInit() : nullptr;
}

CURLMcode curl_multi_add_handle(CURLM* multi, CURL* handle) {
  return curl().multiAddHandle(multi, handle);
}

CURLMcode curl_multi_remove_handle(CURLM* multi, CURL* handle) {
  return curl().multiRemoveHandle(multi, handle);
}

CURLMcode curl_multi_perform(CURLM* multi, int* running) {
  return curl().multiPerform(multi, running);
}

CURLMsg* curl_multi_info_read(CURLM* multi, int* queued) {
  return curl().multiInfoRead(multi, queued);
}

CURLMcode curl_multi_cleanup(CURLM* multi) {
  return available() ? curl().multiCleanup(multi) : CURLM_OK;
}

} // extern "C"
