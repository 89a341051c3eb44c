// Wall-clock time and the two date formats the service writes.
#pragma once

#include <chrono>
#include <string>

namespace cvmock::server {

using TimePoint = std::chrono::system_clock::time_point;

// A source of time, injected where time is read (the service, throttling, training timers) so that a test can
// fix it; no part of cvmock reads the system clock behind its owner's back.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
};

// Projects, iterations, predictions: "2020-11-06T16:37:26.593Z" (milliseconds, trailing zeros trimmed).
std::string formatServiceTime(TimePoint t);
// Images and image tags: "2020-11-06T16:37:27.3151279" (7 fractional digits, trimmed, no zone).
std::string formatImageTime(TimePoint t);
// The Date response header: "Fri, 06 Nov 2020 16:37:26 GMT".
std::string formatHttpDate(TimePoint t);

}  // namespace cvmock::server
