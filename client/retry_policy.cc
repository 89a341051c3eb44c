// Retry decisions: which statuses, how long to wait, and reading Retry-After.
#include "client/retry_policy.h"

#include <charconv>
#include <ctime>
#include <random>

namespace cvmock::client {

bool isRetriableStatus(int status) {
  return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

std::chrono::milliseconds retryDelay(const RetryPolicy& policy, int retry,
                                     const std::optional<std::chrono::milliseconds>& retryAfter) {
  if (retryAfter) return *retryAfter;
  std::chrono::milliseconds delay = policy.initialDelay;
  for (int i = 1; i < retry && delay < policy.maxDelay; ++i) delay *= 2;
  delay = std::min(delay, policy.maxDelay);
  thread_local std::mt19937_64 random{std::random_device{}()};
  std::uniform_int_distribution<long long> jitter(delay.count() / 2, delay.count());
  return std::chrono::milliseconds(jitter(random));
}

std::optional<std::chrono::milliseconds> parseRetryAfter(const std::string& value) {
  long long seconds = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (error == std::errc() && end == value.data() + value.size() && seconds >= 0) {
    return std::chrono::seconds(seconds);
  }
  std::tm when{};
  const char* parsed = strptime(value.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &when);
  if (parsed == nullptr || *parsed != '\0') return std::nullopt;
  const auto at = std::chrono::system_clock::from_time_t(timegm(&when));
  const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(at - std::chrono::system_clock::now());
  return std::max(wait, std::chrono::milliseconds(0));
}

}  // namespace cvmock::client
