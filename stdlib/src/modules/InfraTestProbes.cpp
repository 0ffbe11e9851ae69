#include "InfraTestProbes.h"

#include "sloth/stdlib/runtime/Runtime.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <curl/curl.h>
#include <fmt/core.h>

#include <chrono>
#include <memory>

namespace sloth::stdlib::modules {

namespace {

namespace asio = boost::asio;
using asio::ip::tcp;
using runtime::Runtime;

std::chrono::steady_clock::duration seconds(double s) {
  return std::chrono::duration_cast<std::chrono::steady_clock::duration>(
      std::chrono::duration<double>(s));
}

// One connection attempt; the first of its answer or its timer ends it.
struct Connection {
  Connection(Runtime& rt, double timeout)
      : rt(rt), resolver(rt.io()), socket(rt.io()), timer(rt.io()), timeout(timeout) {}
  void finish(bool open, std::string detail) {
    if (wait->done())
      return;
    result.open = open;
    result.detail = std::move(detail);
    timer.cancel();
    resolver.cancel();
    boost::system::error_code ignored;
    socket.close(ignored);
    rt.complete(wait);
  }
  Runtime& rt;
  tcp::resolver resolver;
  tcp::socket socket;
  asio::steady_timer timer;
  double timeout;
  PortProbe result;
  std::shared_ptr<runtime::Wait> wait = std::make_shared<runtime::Wait>();
};

} // namespace

PortProbe probePort(vm::Thread& L, const std::string& host, int port, double timeoutSeconds) {
  Runtime& rt = Runtime::of(L);
  auto c = std::make_shared<Connection>(rt, timeoutSeconds);
  c->timer.expires_after(seconds(timeoutSeconds));
  c->timer.async_wait([c](const boost::system::error_code& ec) {
    if (!ec)
      c->finish(false, fmt::format("no answer within {:g} s", c->timeout));
  });
  c->resolver.async_resolve(
      host, std::to_string(port),
      [c, host](const boost::system::error_code& ec, const tcp::resolver::results_type& found) {
        if (ec) {
          c->finish(false, fmt::format("cannot resolve '{}': {}", host, ec.message()));
          return;
        }
        asio::async_connect(c->socket, found,
                            [c](const boost::system::error_code& error, const tcp::endpoint&) {
                              if (error)
                                c->finish(false, error.message());
                              else
                                c->finish(true, "open");
                            });
      });
  struct Abandon { // the task was cancelled while waiting
    std::shared_ptr<Connection> c;
    ~Abandon() { c->finish(false, "cancelled"); }
  } abandon{c};
  rt.await(L, c->wait);
  return c->result;
}

namespace {

constexpr std::size_t kMaxBody = 16 * 1024 * 1024;
constexpr auto kPollInterval = std::chrono::milliseconds(5);

// One GET through a curl multi handle, driven by a polling timer on the event loop.
struct Transfer {
  explicit Transfer(Runtime& rt) : rt(rt), timer(rt.io()) {
    easy = curl_easy_init();
    multi = curl_multi_init();
  }
  ~Transfer() {
    if (multi && easy)
      curl_multi_remove_handle(multi, easy);
    curl_easy_cleanup(easy);
    curl_multi_cleanup(multi);
  }
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;

  static std::size_t append(char* data, std::size_t size, std::size_t count, void* self) {
    auto* t = static_cast<Transfer*>(self);
    std::size_t n = size * count;
    if (t->result.body.size() + n > kMaxBody)
      return 0; // aborts the transfer: "Failed writing received data"
    t->result.body.append(data, n);
    return n;
  }

  void finish() {
    timer.cancel();
    rt.complete(wait);
  }

  void poll(const std::shared_ptr<Transfer>& self) {
    int running = 0;
    curl_multi_perform(multi, &running);
    int left = 0;
    while (CURLMsg* message = curl_multi_info_read(multi, &left)) {
      if (message->msg != CURLMSG_DONE)
        continue;
      CURLcode code = message->data.result;
      if (code == CURLE_OK) {
        result.answered = true;
        curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &result.status);
      } else {
        result.error = errorBuffer[0] != '\0' ? errorBuffer : curl_easy_strerror(code);
      }
      finish();
      return;
    }
    timer.expires_after(kPollInterval);
    timer.async_wait([self](const boost::system::error_code& ec) {
      if (!ec && !self->wait->done())
        self->poll(self);
    });
  }

  Runtime& rt;
  asio::steady_timer timer;
  CURL* easy = nullptr;
  CURLM* multi = nullptr;
  char errorBuffer[CURL_ERROR_SIZE] = {};
  HttpProbe result;
  std::shared_ptr<runtime::Wait> wait = std::make_shared<runtime::Wait>();
};

} // namespace

HttpProbe fetchHttp(vm::Thread& L, const std::string& url, double timeoutSeconds) {
  Runtime& rt = Runtime::of(L);
  auto t = std::make_shared<Transfer>(rt);
  if (!t->easy || !t->multi) {
    t->result.error = "cannot start libcurl";
    return t->result;
  }
  auto timeoutMs = static_cast<long>(timeoutSeconds * 1000);
  curl_easy_setopt(t->easy, CURLOPT_URL, url.c_str());
  curl_easy_setopt(t->easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(t->easy, CURLOPT_TIMEOUT_MS, timeoutMs > 0 ? timeoutMs : 1L);
  curl_easy_setopt(t->easy, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(t->easy, CURLOPT_MAXREDIRS, 10L);
  curl_easy_setopt(t->easy, CURLOPT_USERAGENT, "sloth-infra-test");
  curl_easy_setopt(t->easy, CURLOPT_ERRORBUFFER, t->errorBuffer);
  curl_easy_setopt(t->easy, CURLOPT_WRITEFUNCTION, &Transfer::append);
  curl_easy_setopt(t->easy, CURLOPT_WRITEDATA, t.get());
  curl_multi_add_handle(t->multi, t->easy);
  t->poll(t);
  struct Abandon { // the task was cancelled while waiting: stop polling
    std::shared_ptr<Transfer> t;
    ~Abandon() { t->timer.cancel(); }
  } abandon{t};
  rt.await(L, t->wait);
  return t->result;
}

} // namespace sloth::stdlib::modules
