// When a failed call is tried again, and how long the client waits first.
//
// The default is the policy of Microsoft's own SDKs (azure-core's core-rest-pipeline: up to 3 retries; a 429 or 503
// that says Retry-After waits exactly that long; 408, 429, 500, 502, 503 and 504 otherwise, and a call that got no
// answer, wait 1 s, 2 s, 4 s... capped at 64 s, each drawn between half and all of that to spread clients out), with
// one bound the SDKs lack: the waits of one call never add up to more than maxTotalWait, so a Retry-After of an
// hour fails fast instead of hanging the caller.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace cvmock::client {

struct RetryPolicy {
  int maxRetries = 3;  // attempts = maxRetries + 1; 0 never retries
  std::chrono::milliseconds initialDelay{1000};
  std::chrono::milliseconds maxDelay{64000};
  std::chrono::milliseconds maxTotalWait{60000};
  bool retryConnectionErrors = true;  // no answer (refused, timed out, dropped); never a failed TLS check
  // Waits between attempts; empty means std::this_thread::sleep_for. A test (or an app with its own scheduler)
  // may replace it, for example to advance a simulated clock instead of sleeping.
  std::function<void(std::chrono::milliseconds)> sleep{};

  // A policy that never retries.
  static RetryPolicy none() { return RetryPolicy{.maxRetries = 0}; }
};

// True for the statuses worth another attempt: 408, 429, 500, 502, 503, 504.
bool isRetriableStatus(int status);

// The wait before retry number `retry` (1 for the first): retryAfter when the answer gave one, otherwise the
// jittered exponential delay described above.
std::chrono::milliseconds retryDelay(const RetryPolicy& policy, int retry,
                                     const std::optional<std::chrono::milliseconds>& retryAfter);

// Reads a Retry-After value: whole seconds ("1") or an HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT", counted from
// now; a date in the past is 0). std::nullopt for anything else.
std::optional<std::chrono::milliseconds> parseRetryAfter(const std::string& value);

}  // namespace cvmock::client
