// Fetching the image behind a URL for the URL operations, under the host policy of url_policy.h.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace cvmock::server {

// Where image URLs may be fetched from (url_policy.h) and how long a fetch may take.
struct UrlFetchConfig {
  std::vector<std::string> allowedHosts;  // host names or addresses; "*" allows any; empty allows loopback only
  int timeoutSeconds = 10;
};

enum class FetchStatus {
  Fetched,   // `bytes` holds the body of a 200 answer
  Refused,   // not an http(s) URL, or a host the policy refuses: no connection was made
  Failed,    // no connection, a timeout, a status other than 200, or a redirect that is not followed
  TooLarge,  // the body exceeded the size limit (the download stops there)
};

struct FetchedImage {
  FetchStatus status = FetchStatus::Failed;
  std::string bytes;
  std::string reason;  // for the error message when not Fetched
};

// GETs `url` with config.timeoutSeconds for connecting and for each read. Redirects are followed (at most 3)
// only to the same scheme, host and port, and the policy is checked again before each request. HTTPS
// certificates are not verified: the policy protects the host's network, not the image's provenance.
FetchedImage fetchImage(const std::string& url, const UrlFetchConfig& config, std::size_t maxBytes);

}  // namespace cvmock::server
