// Sends requests with httplib, retries what the policy allows, and turns failures into CustomVisionError or
// ConnectionError.
#include "client/connection.h"

#include <httplib.h>

#include <charconv>
#include <thread>

#include "client/endpoint.h"
#include "client/errors.h"

namespace cvmock::client {

namespace {

// The piece of a streamed body handed to the socket at a time, and so the step of upload progress.
constexpr std::size_t kChunkBytes = 64 * 1024;

bool isSuccess(int status) { return status >= 200 && status <= 299; }

ConnectionFailure failureOf(httplib::Error error) {
  switch (error) {
    case httplib::Error::Connection:
    case httplib::Error::BindIPAddress:
      return ConnectionFailure::Connect;
    case httplib::Error::ConnectionTimeout:
      return ConnectionFailure::ConnectTimeout;
    case httplib::Error::Read:
      return ConnectionFailure::Read;
    case httplib::Error::Write:
      return ConnectionFailure::Write;
    case httplib::Error::SSLConnection:
    case httplib::Error::SSLLoadingCerts:
    case httplib::Error::SSLServerVerification:
      return ConnectionFailure::Tls;
    case httplib::Error::Canceled:
      return ConnectionFailure::Cancelled;
    default:
      return ConnectionFailure::Other;
  }
}

// Azure services say how long to wait in milliseconds (retry-after-ms, x-ms-retry-after-ms) or in Retry-After.
std::optional<std::chrono::milliseconds> retryAfterOf(const httplib::Response& response) {
  for (const char* header : {"retry-after-ms", "x-ms-retry-after-ms"}) {
    const std::string value = response.get_header_value(header);
    long long ms = 0;
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), ms);
    if (!value.empty() && error == std::errc() && end == value.data() + value.size() && ms >= 0) {
      return std::chrono::milliseconds(ms);
    }
  }
  if (!response.has_header("Retry-After")) return std::nullopt;
  return parseRetryAfter(response.get_header_value("Retry-After"));
}

// Sent with every request: the caller's User-Agent and, unless it is a key-less download, the API key.
httplib::Headers baseHeaders(const ClientOptions& options, const std::string& keyHeader, const std::string& key) {
  httplib::Headers headers{{"User-Agent", userAgentFor(options)}};
  if (!keyHeader.empty()) headers.emplace(keyHeader, key);
  return headers;
}

}  // namespace

Connection::Connection(const std::string& endpoint, std::string apiBasePath, std::string keyHeader, std::string key,
                       const ClientOptions& options)
    : endpoint_(endpoint), keyHeader_(std::move(keyHeader)), key_(std::move(key)), options_(options) {
  Endpoint parsed = parseEndpoint(endpoint);
  pathPrefix_ = parsed.pathPrefix + apiBasePath;
  http_ = std::make_unique<httplib::Client>(parsed.origin());
  // Paths and queries are encoded by url.h already; httplib must not encode them a second time.
  http_->set_url_encode(false);
  // One connection for the client's calls, not one (and, for https, one TLS handshake) per call. A connection the
  // server closed meanwhile is noticed before use and opened again.
  http_->set_keep_alive(true);
  http_->set_connection_timeout(options_.timeouts.connect);
  http_->set_read_timeout(options_.timeouts.read);
  http_->set_write_timeout(options_.timeouts.write);
  if (parsed.scheme == "https") {
    // Without a CA file or directory httplib loads OpenSSL's default paths: the system store.
    if (!options_.tls.caFile.empty() || !options_.tls.caDirectory.empty()) {
      http_->set_ca_cert_path(options_.tls.caFile, options_.tls.caDirectory);
    }
    http_->enable_server_certificate_verification(options_.tls.verifyPeer);
  }
}

Connection::~Connection() = default;

std::string Connection::target(const HttpRequest& request) const {
  return pathPrefix_ + request.path + request.query.toString();
}

httplib::Result Connection::withRetries(const std::string& what, const std::function<httplib::Result()>& attempt) {
  const RetryPolicy& policy = options_.retry;
  std::chrono::milliseconds waited{0};
  for (int retry = 1;; ++retry) {
    httplib::Result result = attempt();
    if (result && isSuccess(result->status)) return result;
    std::optional<std::chrono::milliseconds> retryAfter;
    bool retriable = false;
    if (result) {
      retryAfter = retryAfterOf(*result);
      retriable = isRetriableStatus(result->status);
    } else {
      const ConnectionFailure kind = failureOf(result.error());
      retriable =
          policy.retryConnectionErrors && kind != ConnectionFailure::Tls && kind != ConnectionFailure::Cancelled;
    }
    const std::chrono::milliseconds delay = retryDelay(policy, retry, retryAfter);
    if (!retriable || retry > policy.maxRetries || waited + delay > policy.maxTotalWait) {
      if (result) {
        throw errorFromResponse(result->status, result->body, result->get_header_value("apim-request-id"),
                                retryAfter);
      }
      throw ConnectionError(failureOf(result.error()), "no answer from " + endpoint_ + " to " + what +
                                                           " (httplib error: " + httplib::to_string(result.error()) +
                                                           ")");
    }
    if (policy.sleep) {
      policy.sleep(delay);
    } else {
      std::this_thread::sleep_for(delay);
    }
    waited += delay;
  }
}

std::string Connection::send(const HttpRequest& request) {
  httplib::Headers headers = baseHeaders(options_, keyHeader_, key_);
  headers.emplace("Accept", "application/json");
  const std::string path = target(request);
  httplib::Result result = withRetries(request.method + " " + path, [&] {
    if (request.stream) {
      const std::shared_ptr<const StreamedBody> stream = request.stream;
      auto provider = [stream](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
        std::string chunk(std::min(length, kChunkBytes), '\0');
        const std::size_t got = stream->read(offset, chunk.size(), chunk.data());
        if (got == 0 || !sink.write(chunk.data(), got)) return false;
        if (stream->progress) stream->progress(offset + got, stream->size);
        return true;
      };
      return http_->Post(path, headers, static_cast<std::size_t>(stream->size), provider, stream->contentType);
    }
    httplib::Request http;
    http.method = request.method;
    http.path = path;
    http.headers = headers;
    if (!request.body.empty()) {
      http.set_header("Content-Type", request.contentType);
      http.body = request.body;
    }
    return http_->send(http);
  });
  return std::move(result->body);
}

nlohmann::json Connection::sendForJson(const HttpRequest& request) {
  std::string body = send(request);
  if (body.empty()) return nullptr;
  return nlohmann::json::parse(body);
}

void Connection::download(const HttpRequest& request, const DownloadSink& sink) {
  const httplib::Headers headers = baseHeaders(options_, keyHeader_, key_);
  const std::string path = target(request);
  withRetries("GET " + path, [&] {
    int status = 0;
    std::string errorBody;
    auto onHeaders = [&](const httplib::Response& response) {
      status = response.status;
      if (isSuccess(status)) sink.begin();
      return true;
    };
    auto onBytes = [&](const char* data, std::size_t size) {
      if (isSuccess(status)) return sink.write(data, size);
      errorBody.append(data, size);
      return true;
    };
    httplib::Result result = http_->Get(path, headers, onHeaders, onBytes);
    if (result && !isSuccess(result->status)) result->body = std::move(errorBody);
    return result;
  });
}

}  // namespace cvmock::client
