// Retries, their bounds and timeouts against cvmock's simulation controls: its throttling (a tier's rate, on a fixed
// clock the test advances instead of sleeping), injected 503 faults and injected latency.
#include <gtest/gtest.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "client/errors.h"
#include "tests/client/cvmock_server.h"

namespace cvmock::client {
namespace {

using namespace std::chrono_literals;
using testing::CvmockServer;

// How many calls of an operation cvmock's journal holds, and how many of them it answered with status.
int journalCount(AdminClient& admin, const std::string& operation, std::optional<int> status = {}) {
  return static_cast<int>(admin.journal({.operation = operation, .status = status})["entries"].size());
}

// A retry policy that, instead of sleeping, moves cvmock's fixed clock on by the wait, and records each wait.
struct ClockWaits {
  AdminClient& admin;
  std::vector<std::chrono::milliseconds> waits{};
  RetryPolicy policy(RetryPolicy base = {}) {
    base.sleep = [this](std::chrono::milliseconds wait) {
      waits.push_back(wait);
      admin.advanceClock(static_cast<double>(wait.count()) / 1000.0);
    };
    return base;
  }
};

class ThrottledCvmock : public ::testing::Test {
 protected:
  CvmockServer cvmock{{"--clock", "fixed:2024-01-01T00:00:00Z"}};
  AdminClient admin = cvmock.admin();
  ClockWaits clock{admin};
};

TEST_F(ThrottledCvmock, A429IsRetriedAfterExactlyItsRetryAfter) {
  admin.setTier({{"otherPerSecond", 1}});
  TrainingClient training = cvmock.training({.retry = clock.policy()});
  training.getProjects();
  training.getProjects();  // over the rate: 429 Retry-After 1, then admitted once the clock moved 1 s
  EXPECT_EQ(clock.waits, std::vector<std::chrono::milliseconds>{1000ms});
  EXPECT_EQ(journalCount(admin, "GetProjects", 429), 1);
  EXPECT_EQ(journalCount(admin, "GetProjects", 200), 2);
}

TEST_F(ThrottledCvmock, AWaitPastTheTotalBoundFailsAtOnceWithTheServicesAnswer) {
  admin.setTier({{"otherPerSecond", 0.1}});  // a token every 10 s: Retry-After 10
  TrainingClient training = cvmock.training({.retry = clock.policy({.maxTotalWait = 5s})});
  training.getProjects();
  try {
    training.getProjects();
    FAIL() << "expected the 429";
  } catch (const CustomVisionError& error) {
    EXPECT_EQ(error.status(), 429);
    EXPECT_EQ(error.code(), "429");
    EXPECT_EQ(error.retryAfter(), std::chrono::milliseconds(10s));
    EXPECT_FALSE(error.requestId().empty());
  }
  EXPECT_TRUE(clock.waits.empty());
  EXPECT_EQ(journalCount(admin, "GetProjects", 429), 1);
}

class FaultyCvmock : public ::testing::Test {
 protected:
  CvmockServer cvmock;
  AdminClient admin = cvmock.admin();
  std::vector<std::chrono::milliseconds> waits;
  RetryPolicy recording(RetryPolicy base = {}) {
    base.sleep = [this](std::chrono::milliseconds wait) { waits.push_back(wait); };
    return base;
  }
};

TEST_F(FaultyCvmock, A503IsRetriedUntilTheFaultPasses) {
  admin.addFault({{"operation", "GetProjects"}, {"status", 503}, {"times", 2}});
  TrainingClient training = cvmock.training({.retry = recording()});
  EXPECT_NO_THROW(training.getProjects());
  EXPECT_EQ(waits.size(), 2u);
  EXPECT_EQ(journalCount(admin, "GetProjects", 503), 2);
  EXPECT_EQ(journalCount(admin, "GetProjects", 200), 1);
}

TEST_F(FaultyCvmock, AttemptsAreBounded) {
  admin.addFault({{"operation", "GetProjects"}, {"status", 503}});
  TrainingClient training = cvmock.training({.retry = recording({.maxRetries = 2})});
  try {
    training.getProjects();
    FAIL() << "expected the 503";
  } catch (const CustomVisionError& error) {
    EXPECT_EQ(error.status(), 503);
  }
  EXPECT_EQ(journalCount(admin, "GetProjects", 503), 3);
}

TEST_F(FaultyCvmock, AServiceErrorIsNotRetried) {
  TrainingClient training = cvmock.training({.retry = recording()});
  EXPECT_THROW(training.getProject("00000000-0000-0000-0000-000000000000"), CustomVisionError);
  EXPECT_TRUE(waits.empty());
  EXPECT_EQ(journalCount(admin, "GetProject"), 1);
}

TEST_F(FaultyCvmock, ASlowAnswerTimesOutAtTheReadTimeout) {
  admin.addFault({{"operation", "GetDomains"}, {"latencyMs", 3000}, {"times", 1}});
  TrainingClient training = cvmock.training({.retry = RetryPolicy::none(), .timeouts = {.read = 300ms}});
  try {
    training.getDomains();
    FAIL() << "expected a read timeout";
  } catch (const ConnectionError& error) {
    EXPECT_EQ(error.kind(), ConnectionFailure::Read);
  }
}

TEST_F(FaultyCvmock, ATimedOutCallIsRetriedAndSucceeds) {
  admin.addFault({{"operation", "GetDomains"}, {"latencyMs", 3000}, {"times", 1}});
  TrainingClient training = cvmock.training({.retry = recording(), .timeouts = {.read = 300ms}});
  EXPECT_FALSE(training.getDomains().empty());
  EXPECT_EQ(waits.size(), 1u);
}

// A listener whose accept queue is full lets no connection complete: the connect timeout is what ends the call.
TEST(ConnectTimeoutTest, AConnectionThatNeverCompletesTimesOut) {
  const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(::listen(listener, 0), 0);
  socklen_t length = sizeof address;
  ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);
  std::vector<int> fillers;
  for (int i = 0; i < 4; ++i) {
    fillers.push_back(::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0));
    ::connect(fillers.back(), reinterpret_cast<sockaddr*>(&address), sizeof address);
  }
  TrainingClient training("http://127.0.0.1:" + std::to_string(ntohs(address.sin_port)), "k",
                          {.retry = RetryPolicy::none(), .timeouts = {.connect = 300ms}});
  try {
    training.getDomains();
    ADD_FAILURE() << "expected a connect timeout";
  } catch (const ConnectionError& error) {
    EXPECT_EQ(error.kind(), ConnectionFailure::ConnectTimeout) << error.what();
  }
  for (int fd : fillers) ::close(fd);
  ::close(listener);
}

}  // namespace
}  // namespace cvmock::client
