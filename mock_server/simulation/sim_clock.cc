// SimClock: a mutex around an optional fixed instant; ISO parsing with timegm.
#include "mock_server/simulation/sim_clock.h"

#include <cctype>
#include <cstdio>
#include <ctime>

namespace cvmock::server::simulation {

TimePoint SimClock::now() const {
  std::lock_guard lock(mutex_);
  return fixed_ ? *fixed_ : std::chrono::system_clock::now();
}

void SimClock::useSystemTime() {
  std::lock_guard lock(mutex_);
  fixed_.reset();
}

void SimClock::fixAt(TimePoint time) {
  std::lock_guard lock(mutex_);
  fixed_ = time;
}

bool SimClock::advance(std::chrono::milliseconds by) {
  std::lock_guard lock(mutex_);
  if (!fixed_) return false;
  *fixed_ += by;
  return true;
}

std::string SimClock::describe() const {
  std::lock_guard lock(mutex_);
  return fixed_ ? "fixed:" + formatServiceTime(*fixed_) : "system";
}

std::optional<TimePoint> parseIsoTime(const std::string& text) {
  std::tm parts{};
  int consumed = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &parts.tm_year, &parts.tm_mon, &parts.tm_mday,
                  &parts.tm_hour, &parts.tm_min, &parts.tm_sec, &consumed) != 6) {
    return std::nullopt;
  }
  parts.tm_year -= 1900;
  parts.tm_mon -= 1;
  std::size_t at = static_cast<std::size_t>(consumed);
  long long nanos = 0;
  if (at < text.size() && text[at] == '.') {
    long long scale = 100000000;
    for (++at; at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])); ++at, scale /= 10) {
      nanos += (text[at] - '0') * scale;
    }
  }
  if (at < text.size() && text[at] == 'Z') ++at;
  if (at != text.size()) return std::nullopt;
  const std::time_t seconds = timegm(&parts);
  return std::chrono::system_clock::from_time_t(seconds) +
         std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::nanoseconds(nanos));
}

std::string setClockFromSpec(SimClock& clock, const std::string& spec) {
  if (spec == "system") {
    clock.useSystemTime();
    return "";
  }
  const std::string prefix = "fixed:";
  if (spec.rfind(prefix, 0) != 0) return "clock must be 'system' or 'fixed:<ISO time>', not '" + spec + "'";
  std::optional<TimePoint> time = parseIsoTime(spec.substr(prefix.size()));
  if (!time) return "invalid time in '" + spec + "' (expected e.g. 2024-01-01T00:00:00Z)";
  clock.fixAt(*time);
  return "";
}

}  // namespace cvmock::server::simulation
