// Date formatting that matches the recorded wire text exactly.
#include "mock_server/base/clock.h"

#include <ctime>

namespace cvmock::server {
namespace {

std::tm utc(TimePoint t) {
  std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm out{};
  gmtime_r(&seconds, &out);
  return out;
}

// "YYYY-MM-DDTHH:MM:SS" plus a fraction of `digits` digits with trailing zeros removed.
std::string isoWithFraction(TimePoint t, int digits) {
  const std::tm parts = utc(t);
  char base[32];
  std::strftime(base, sizeof base, "%Y-%m-%dT%H:%M:%S", &parts);
  auto sinceSecond = t.time_since_epoch() % std::chrono::seconds(1);
  long long ticks = std::chrono::duration_cast<std::chrono::nanoseconds>(sinceSecond).count();
  for (int i = 9; i > digits; --i) ticks /= 10;
  std::string fraction = std::to_string(ticks);
  fraction.insert(0, digits - fraction.size(), '0');
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  return fraction.empty() ? std::string(base) : std::string(base) + "." + fraction;
}

}  // namespace

std::string formatServiceTime(TimePoint t) { return isoWithFraction(t, 3) + "Z"; }

std::string formatImageTime(TimePoint t) { return isoWithFraction(t, 7); }

std::string formatHttpDate(TimePoint t) {
  const std::tm parts = utc(t);
  char text[40];
  std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &parts);
  return text;
}

}  // namespace cvmock::server
