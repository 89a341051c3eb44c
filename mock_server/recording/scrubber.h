// What never reaches a recording: keys (replaced by a placeholder per distinct key), cookies, the upstream's
// host name and Azure subscription ids.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "mock_server/recording/cassette.h"

namespace cvmock::recording {

// The subscription id every scrubbed ARM id carries instead of the real one.
inline constexpr const char* kScrubbedSubscription = "00000000-0000-0000-0000-000000000000";
// What the upstream's host[:port] becomes.
inline constexpr const char* kUpstreamPlaceholder = "{upstream}";

// Headers whose value is a secret: every name holding key, secret, token, authorization, signature,
// password or credential (Training-Key, Prediction-Key, Ocp-Apim-Subscription-Key, Authorization...).
bool isSecretHeader(std::string_view name);

// Thread-safe. Each distinct key seen becomes "{key-N}" (N from 1, in order of first sight), the same
// placeholder wherever it appears, so a replay can tell a key the service refused from one it accepted.
// The keys themselves stay in memory only.
class Scrubber {
 public:
  // `upstreamAuthority`: host[:port] as the recorded service is addressed.
  explicit Scrubber(std::string upstreamAuthority);

  // Secret headers get their placeholder, Cookie and Set-Cookie are dropped, other values pass text().
  HeaderList headers(const HeaderList& headers);
  // The request target with a `subscription-key` query value replaced, then text().
  std::string target(const std::string& target);
  // The upstream's authority (any case) → {upstream}; /subscriptions/<id> (also percent-encoded) → the zero
  // id; every key seen so far → its placeholder.
  std::string text(std::string_view text);

 private:
  std::string placeholder(const std::string& key);

  std::string authority_;
  std::mutex mutex_;                                 // guards placeholders_
  std::map<std::string, std::string> placeholders_;  // key -> "{key-N}"
};

}  // namespace cvmock::recording
