// Image downloads with cpp-httplib, connecting only to addresses the policy checked.
#include "mock_server/api/url_fetcher.h"

#include <memory>
#include <optional>

#include "mock_server/api/http.h"
#include "mock_server/api/url_policy.h"

namespace cvmock::server {
namespace {

constexpr int kMaxRedirects = 3;

FetchedImage outcome(FetchStatus status, std::string reason) { return {status, "", std::move(reason)}; }

bool isRedirect(int status) { return status == 301 || status == 302 || status == 303 || status == 307 || status == 308; }

// The next URL of a redirect, when it stays on the same scheme, host and port.
std::optional<ImageUrl> sameHostTarget(const ImageUrl& from, const std::string& location) {
  if (location.starts_with("/") && !location.starts_with("//")) {
    ImageUrl next = from;
    next.target = location;
    return next;
  }
  std::optional<ImageUrl> next = parseImageUrl(location);
  if (!next || next->https != from.https || next->hostHeader() != from.hostHeader()) return std::nullopt;
  return next;
}

// One GET to `address` (already allowed), naming the URL's host in the Host header.
struct Answer {
  FetchedImage image;
  std::string location;  // of a redirect
};

Answer get(const ImageUrl& url, const std::string& address, const UrlFetchConfig& config, std::size_t maxBytes) {
  std::unique_ptr<httplib::ClientImpl> client;
  if (url.https) {
    auto tls = std::make_unique<httplib::SSLClient>(address, url.port);
    tls->enable_server_certificate_verification(false);
    client = std::move(tls);
  } else {
    client = std::make_unique<httplib::ClientImpl>(address, url.port);
  }
  client->set_connection_timeout(config.timeoutSeconds, 0);
  client->set_read_timeout(config.timeoutSeconds, 0);
  client->set_write_timeout(config.timeoutSeconds, 0);
  Answer answer;
  bool tooLarge = false;
  httplib::Result result = client->Get(
      url.target, {{"Host", url.hostHeader()}}, [](const httplib::Response&) { return true; },
      [&](const char* data, std::size_t size) {
        tooLarge = answer.image.bytes.size() + size > maxBytes;
        if (!tooLarge) answer.image.bytes.append(data, size);
        return !tooLarge;
      });
  if (tooLarge) {
    answer.image = outcome(FetchStatus::TooLarge, "the image is larger than " + std::to_string(maxBytes) + " bytes");
  } else if (!result) {
    answer.image = outcome(FetchStatus::Failed, "cannot fetch the URL: " + httplib::to_string(result.error()));
  } else if (isRedirect(result->status)) {
    answer.location = result->get_header_value("Location");
    answer.image = outcome(FetchStatus::Failed, "redirect without a Location");
  } else if (result->status != 200) {
    answer.image = outcome(FetchStatus::Failed, "the URL answered " + std::to_string(result->status));
  } else {
    answer.image.status = FetchStatus::Fetched;
  }
  return answer;
}

}  // namespace

FetchedImage fetchImage(const std::string& url, const UrlFetchConfig& config, std::size_t maxBytes) {
  std::optional<ImageUrl> target = parseImageUrl(url);
  if (!target) return outcome(FetchStatus::Refused, "not an http or https URL");
  for (int hop = 0; hop <= kMaxRedirects; ++hop) {
    const std::optional<std::vector<std::string>> addresses = allowedAddresses(target->host, config.allowedHosts);
    if (!addresses) return outcome(FetchStatus::Refused, "fetching from " + target->host + " is not allowed");
    Answer answer = get(*target, addresses->front(), config, maxBytes);
    if (answer.location.empty()) return std::move(answer.image);
    target = sameHostTarget(*target, answer.location);
    if (!target) return outcome(FetchStatus::Failed, "redirect to another host: " + answer.location);
  }
  return outcome(FetchStatus::Failed, "too many redirects");
}

}  // namespace cvmock::server
