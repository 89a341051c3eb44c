// Wall-clock time and the two date formats the service writes.
#pragma once

#include <chrono>
#include <memory>
#include <string>

namespace cvmock::server {

using TimePoint = std::chrono::system_clock::time_point;

// A source of time. Throttling, training timers and the dates written all read one, so a test can fix it.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
};

// The time the service writes into dates: the installed clock's, or the system's when none is installed.
TimePoint now();
// Process-wide, thread-safe; nullptr restores the system clock. The server installs its own at start.
void installClock(std::shared_ptr<const Clock> clock);

// Projects, iterations, predictions: "2020-11-06T16:37:26.593Z" (milliseconds, trailing zeros trimmed).
std::string formatServiceTime(TimePoint t);
// Images and image tags: "2020-11-06T16:37:27.3151279" (7 fractional digits, trimmed, no zone).
std::string formatImageTime(TimePoint t);
// The Date response header: "Fri, 06 Nov 2020 16:37:26 GMT".
std::string formatHttpDate(TimePoint t);

}  // namespace cvmock::server
