// The emulator's switchable clock: the system's, or a fixed time that moves only when a test advances it.
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>

#include "mock_server/base/clock.h"

namespace cvmock::server::simulation {

// Thread-safe. Fixed mode makes throttling windows, training timers and written dates deterministic.
class SimClock : public Clock {
 public:
  TimePoint now() const override;
  void useSystemTime();
  void fixAt(TimePoint time);
  // Moves a fixed clock forward; returns false (and does nothing) while following the system time.
  bool advance(std::chrono::milliseconds by);
  // "system" or "fixed:<ISO 8601 time>", the form --clock and the admin API take.
  std::string describe() const;

 private:
  mutable std::mutex mutex_;
  std::optional<TimePoint> fixed_;
};

// "2024-01-01T00:00:00Z" with an optional fraction and an optional Z; nullopt for anything else.
std::optional<TimePoint> parseIsoTime(const std::string& text);

// Applies "system" or "fixed:<time>" to `clock`; returns an error message, or "" on success.
std::string setClockFromSpec(SimClock& clock, const std::string& spec);

}  // namespace cvmock::server::simulation
