// The two date formats of the recordings and the HTTP Date header.
#include <gtest/gtest.h>

#include "mock_server/base/clock.h"

namespace cvmock::server {
namespace {

TimePoint at(std::int64_t seconds, std::int64_t nanoseconds) {
  return TimePoint(std::chrono::duration_cast<TimePoint::duration>(std::chrono::seconds(seconds) +
                                                                   std::chrono::nanoseconds(nanoseconds)));
}

constexpr std::int64_t kNov6 = 1604680646;  // 2020-11-06T16:37:26Z

TEST(ServiceTime, MillisecondsWithTrailingZerosTrimmed) {
  EXPECT_EQ(formatServiceTime(at(kNov6, 593'000'000)), "2020-11-06T16:37:26.593Z");
  EXPECT_EQ(formatServiceTime(at(kNov6, 610'000'000)), "2020-11-06T16:37:26.61Z");
  EXPECT_EQ(formatServiceTime(at(kNov6, 0)), "2020-11-06T16:37:26Z");
}

TEST(ImageTime, SevenDigitsNoZone) {
  EXPECT_EQ(formatImageTime(at(kNov6, 315'127'900)), "2020-11-06T16:37:26.3151279");
  EXPECT_EQ(formatImageTime(at(kNov6, 414'395'000)), "2020-11-06T16:37:26.414395");
}

TEST(HttpDate, Rfc1123) { EXPECT_EQ(formatHttpDate(at(kNov6, 0)), "Fri, 06 Nov 2020 16:37:26 GMT"); }

}  // namespace
}  // namespace cvmock::server
