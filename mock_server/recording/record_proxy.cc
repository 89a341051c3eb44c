// The recording proxy: forward, answer, then write the scrubbed exchange.
#include "mock_server/recording/record_proxy.h"

#include <cctype>
#include <chrono>
#include <iostream>

#include <httplib.h>
#include <sys/socket.h>

#include "mock_server/recording/ascii.h"
#include "mock_server/recording/clock_text.h"
#include "mock_server/recording/content_coding.h"
#include "mock_server/recording/spooled_body.h"
#include "mock_server/recording/url_images.h"

namespace cvmock::recording {
namespace {

// Concurrent clients (an SDK's connection pool, a test suite's workers) each hold one request thread.
constexpr std::size_t kRequestThreads = 32;

// Headers that describe one connection, not the message (RFC 9110 §7.6.1), and the ones cpp-httplib adds to a
// request it received; neither is forwarded nor recorded.
bool connectionHeader(const std::string& name) {
  static const char* const kNames[] = {
      "connection", "keep-alive", "proxy-connection", "transfer-encoding", "te",         "trailer",   "upgrade",
      "host",       "expect",     "remote_addr",      "remote_port",       "local_addr", "local_port"};
  const std::string lower = lowerAscii(name);
  for (const char* known : kNames) {
    if (lower == known) return true;
  }
  return false;
}

// cpp-httplib parses a body whose Content-Type starts with "multipart/form-data" itself instead of handing its
// bytes over. The proxy keeps the client's value here and shows cpp-httplib an upper-cased media type instead.
constexpr const char* kClientContentType = "Cvmock-Record-Client-Content-Type";

void hideMultipart(httplib::Request& request) {
  auto contentType = request.headers.find("Content-Type");
  if (contentType == request.headers.end() || contentType->second.rfind("multipart/form-data", 0) != 0) return;
  request.headers.emplace(kClientContentType, contentType->second);
  for (char& c : contentType->second) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
}

// The headers as the client sent them.
httplib::Headers clientHeaders(const httplib::Headers& headers) {
  auto hidden = headers.find(kClientContentType);
  if (hidden == headers.end()) return headers;
  httplib::Headers out;
  for (const auto& [name, value] : headers) {
    if (equalsAsciiIgnoreCase(name, "content-type")) {
      out.emplace(name, hidden->second);
    } else if (!equalsAsciiIgnoreCase(name, kClientContentType)) {
      out.emplace(name, value);
    }
  }
  return out;
}

HeaderList headerList(const httplib::Headers& headers) {
  HeaderList list;
  for (const auto& [name, value] : headers) {
    if (connectionHeader(name)) continue;
    if (!list.empty() && equalsAsciiIgnoreCase(list.back().first, name)) {
      list.back().second.push_back(value);
    } else {
      list.emplace_back(name, std::vector<std::string>{value});
    }
  }
  return list;
}

httplib::Headers forwardedHeaders(const httplib::Headers& headers) {
  httplib::Headers out;
  for (const auto& [name, value] : headers) {
    if (!connectionHeader(name) && !equalsAsciiIgnoreCase(name, "content-length")) out.emplace(name, value);
  }
  return out;
}

// What the client gets when the service gave no answer: a gateway's 502, in the gateway's error shape.
std::string badGatewayBody(const std::string& upstream, const std::string& reason) {
  const nlohmann::json body = {
      {"error",
       {{"code", "502"},
        {"message", "Bad gateway: " + upstream + " gave no answer the recorder could read (" + reason + ")."}}}};
  return body.dump();
}

}  // namespace

RecordProxy::RecordProxy(RecordConfig config)
    : config_(std::move(config)),
      cassette_(config_.out / (config_.name + ".jsonl")),
      upstream_(
          [&] {
            std::optional<UpstreamAddress> address = parseUpstream(config_.upstream);
            if (!address) throw std::runtime_error("--upstream must be http(s)://host[:port], not " + config_.upstream);
            return *address;
          }(),
          config_.upstreamCa),
      scrubber_(upstream_.address().authority),
      bodies_(config_.out, config_.out),
      writer_(cassette_,
              CassetteHeader{kFormatVersion, "cvmock record", "",
                             std::string(upstream_.address().https ? "https://" : "http://") + kUpstreamPlaceholder,
                             isoTimestamp(std::chrono::system_clock::now()), Json::object()}),
      http_(std::make_unique<httplib::Server>()) {
  http_->new_task_queue = [] { return new httplib::ThreadPool(kRequestThreads); };
  http_->set_tcp_nodelay(true);
  http_->set_keep_alive_max_count(1000);
  // The logger runs once the answer is written: the connection is idle again.
  http_->set_logger([this](const httplib::Request& request, const httplib::Response&) {
    connections_.requestAnswered(request.remote_port);
  });
  http_->Get(".*", [this](const httplib::Request& request, httplib::Response& response) {
    forward(request, response, nullptr);
  });
  http_->Options(".*", [this](const httplib::Request& request, httplib::Response& response) {
    forward(request, response, nullptr);
  });
  auto withBody = [this](const httplib::Request& request, httplib::Response& response,
                         const httplib::ContentReader& reader) { forward(request, response, &reader); };
  http_->Post(".*", withBody);
  http_->Put(".*", withBody);
  http_->Patch(".*", withBody);
  http_->Delete(".*", withBody);
  // cpp-httplib refuses a POST or DELETE that says nothing of a body; clients send them all the time
  // (POST projects?name=...), so they are forwarded from here, bodiless.
  http_->set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
    connections_.requestBegan(request.remote_port);
    // cpp-httplib hands this handler its own, mutable request object behind a const reference.
    hideMultipart(const_cast<httplib::Request&>(request));
    const bool framed = request.has_header("Content-Length") || request.has_header("Transfer-Encoding");
    if (framed || request.method == "GET" || request.method == "HEAD" || request.method == "OPTIONS") {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    forward(request, response, nullptr);
    return httplib::Server::HandlerResponse::Handled;
  });
}

RecordProxy::~RecordProxy() { stop(); }

bool RecordProxy::bind() {
  port_ = config_.port == 0 ? http_->bind_to_any_port(config_.host) : config_.port;
  if (port_ < 0) return false;
  return config_.port == 0 || http_->bind_to_port(config_.host, config_.port);
}

void RecordProxy::run() { http_->listen_after_bind(); }

void RecordProxy::stop() {
  http_->stop();
  connections_.closeIdle({port_});
}

void RecordProxy::forward(const httplib::Request& request, httplib::Response& response,
                          const httplib::ContentReader* reader) {
  Exchange exchange;
  exchange.startedAt = isoTimestamp(std::chrono::system_clock::now());
  SpooledBody sent(bodies_.spoolFolder(), kProxyMemoryLimit);
  if (reader) {
    (*reader)([&](const char* data, std::size_t size) {
      sent.append(data, size);
      return true;
    });
  }
  httplib::Request outgoing;
  outgoing.method = request.method;
  outgoing.path = request.target;
  const httplib::Headers sentHeaders = clientHeaders(request.headers);
  outgoing.headers = forwardedHeaders(sentHeaders);
  if (sent.size() > 0) {
    outgoing.content_length_ = static_cast<std::size_t>(sent.size());
    outgoing.content_provider_ = [&sent](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
      return sent.read(offset, length, [&](const char* data, std::size_t size) { return sink.write(data, size); });
    };
  }
  auto received = std::make_shared<SpooledBody>(bodies_.spoolFolder(), kProxyMemoryLimit);
  outgoing.content_receiver = [&received](const char* data, std::size_t size, std::uint64_t, std::uint64_t) {
    received->append(data, size);
    return true;
  };
  httplib::Response answer;
  httplib::Error error = httplib::Error::Success;
  const auto started = std::chrono::steady_clock::now();
  const bool answered = upstream_.lease().client().send(outgoing, answer, error);
  exchange.durationMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();

  if (answered) {
    response.status = answer.status;
    for (const auto& [name, value] : answer.headers) {
      if (!connectionHeader(name) && !equalsAsciiIgnoreCase(name, "content-length")) {
        response.headers.emplace(name, value);
      }
    }
  } else {
    exchange.proxyError = httplib::to_string(error);
    received = std::make_shared<SpooledBody>(bodies_.spoolFolder(), kProxyMemoryLimit);
    const std::string body = badGatewayBody(upstream_.address().origin, exchange.proxyError);
    received->append(body.data(), body.size());
    response.status = 502;
    response.set_header("Content-Type", "application/json; charset=utf-8");
  }

  exchange.request.method = request.method;
  try {
    exchange.request.target = scrubber_.target(request.target);
    exchange.request.headers = scrubber_.headers(headerList(sentHeaders));
    exchange.request.body = recordBody(sent, exchange.request.headers);
    if (sent.inMemory()) exchange.urlImages = urlImages(sent.memory());
    exchange.response.status = response.status;
    exchange.response.headers = scrubber_.headers(answered ? headerList(answer.headers) : headerList(response.headers));
    exchange.response.body = recordBody(*received, exchange.response.headers);
    writer_.append(exchange);
  } catch (const std::exception& failure) {
    std::cerr << "cvmock record: " << request.method << " " << exchange.request.target
              << " was forwarded but not recorded: " << failure.what() << std::endl;
  }

  if (received->inMemory()) {
    response.body = received->memory();
    return;
  }
  const std::string contentType = response.get_header_value("Content-Type");
  response.headers.erase("Content-Type");
  response.set_content_provider(static_cast<std::size_t>(received->size()), contentType,
                                [received](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                  return received->read(offset, length, [&](const char* data, std::size_t size) {
                                    return sink.write(data, size);
                                  });
                                });
  if (contentType.empty()) response.headers.erase("Content-Type");  // the service sent none: neither does the proxy
}

Body RecordProxy::recordBody(SpooledBody& body, const HeaderList& headers) {
  if (body.size() == 0) return {};
  const std::string contentType = headerValue(headers, "Content-Type").value_or("");
  if (!body.inMemory()) {
    const std::filesystem::path& spool = body.path();
    return bodies_.adopt(spool, body.sha256(), body.size(), body.head());
  }
  std::optional<std::string> decoded =
      decodeContent(body.memory(), headerValue(headers, "Content-Encoding").value_or(""));
  if (!decoded) return bodies_.encode(body.memory(), "application/octet-stream");
  return bodies_.encode(*decoded, contentType, [this](std::string_view text) { return scrubber_.text(text); });
}

std::vector<std::pair<std::string, Body>> RecordProxy::urlImages(const std::string& body) {
  std::vector<std::pair<std::string, Body>> images;
  for (const std::string& url : imageUrls(body)) {
    std::optional<Body> stored;
    {
      std::lock_guard lock(urlMutex_);
      auto found = fetchedUrls_.find(url);
      if (found != fetchedUrls_.end()) stored = found->second;
    }
    if (!stored) {
      std::optional<std::string> bytes = fetchUrlImage(url);
      if (!bytes) continue;  // the replay draws an image of its own
      stored = bodies_.encode(*bytes, "application/octet-stream");
      std::lock_guard lock(urlMutex_);
      fetchedUrls_.emplace(url, *stored);
    }
    images.emplace_back(scrubber_.text(url), *stored);
  }
  return images;
}

}  // namespace cvmock::recording
