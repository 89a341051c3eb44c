// The retry policy against a scripted service: which answers are retried, how long the client waits, and the
// bounds on attempts and total waiting. (tests/client/resilience_test.cc drives the same policy with cvmock's own
// throttling and faults.)
#include <gtest/gtest.h>

#include "client/errors.h"
#include "client/training_client.h"
#include "client/version.h"
#include "tests/client/fake_service.h"

namespace cvmock::client {
namespace {

using namespace std::chrono_literals;
using testing::CannedResponse;
using testing::FakeService;

constexpr char kProjects[] = "[]";

CannedResponse answer(int status, httplib::Headers headers = {}) {
  return {.status = status, .body = status == 200 ? kProjects : R"({"error":{"code":"x","message":"y"}})",
          .headers = std::move(headers)};
}

// A policy whose waits are recorded instead of slept.
struct RecordedWaits {
  std::vector<std::chrono::milliseconds> waits;
  RetryPolicy policy(RetryPolicy base = {}) {
    base.sleep = [this](std::chrono::milliseconds wait) { waits.push_back(wait); };
    return base;
  }
};

TEST(RetryTest, A503IsRetriedWithGrowingJitteredBackoff) {
  FakeService service;
  service.respondInOrder({answer(503), answer(503), answer(200)});
  RecordedWaits recorded;
  TrainingClient client(service.endpoint(), "k", {.retry = recorded.policy()});
  EXPECT_TRUE(client.getProjects().empty());
  EXPECT_EQ(service.requests().size(), 3u);
  ASSERT_EQ(recorded.waits.size(), 2u);
  EXPECT_GE(recorded.waits[0], 500ms);
  EXPECT_LE(recorded.waits[0], 1000ms);
  EXPECT_GE(recorded.waits[1], 1000ms);
  EXPECT_LE(recorded.waits[1], 2000ms);
}

TEST(RetryTest, RetryAfterIsWaitedExactly) {
  FakeService service;
  service.respondInOrder({answer(429, {{"Retry-After", "7"}}), answer(503, {{"retry-after-ms", "250"}}), answer(200)});
  RecordedWaits recorded;
  TrainingClient client(service.endpoint(), "k", {.retry = recorded.policy()});
  client.getProjects();
  EXPECT_EQ(recorded.waits, (std::vector<std::chrono::milliseconds>{7000ms, 250ms}));
}

TEST(RetryTest, GivesUpAfterMaxRetriesWithTheLastAnswer) {
  FakeService service;
  service.respondInOrder({answer(500)});
  RecordedWaits recorded;
  TrainingClient client(service.endpoint(), "k", {.retry = recorded.policy({.maxRetries = 2})});
  try {
    client.getProjects();
    FAIL() << "expected CustomVisionError";
  } catch (const CustomVisionError& error) {
    EXPECT_EQ(error.status(), 500);
  }
  EXPECT_EQ(service.requests().size(), 3u);
  EXPECT_EQ(recorded.waits.size(), 2u);
}

TEST(RetryTest, AWaitBeyondTheTotalBoundFailsAtOnceAndSaysHowLong) {
  FakeService service;
  service.respondInOrder({answer(429, {{"Retry-After", "120"}}), answer(200)});
  RecordedWaits recorded;
  TrainingClient client(service.endpoint(), "k", {.retry = recorded.policy({.maxTotalWait = 60s})});
  try {
    client.getProjects();
    FAIL() << "expected CustomVisionError";
  } catch (const CustomVisionError& error) {
    EXPECT_EQ(error.status(), 429);
    EXPECT_EQ(error.retryAfter(), std::chrono::milliseconds(120s));
  }
  EXPECT_EQ(service.requests().size(), 1u);
  EXPECT_TRUE(recorded.waits.empty());
}

TEST(RetryTest, ClientErrorsAreNotRetried) {
  FakeService service;
  service.respondInOrder({answer(400), answer(200)});
  RecordedWaits recorded;
  TrainingClient client(service.endpoint(), "k", {.retry = recorded.policy()});
  EXPECT_THROW(client.getProjects(), CustomVisionError);
  EXPECT_EQ(service.requests().size(), 1u);
}

TEST(RetryTest, AStreamedUploadIsSentWholeAgainOnRetry) {
  FakeService service;
  service.respondInOrder({answer(503), {.body = R"({"isBatchSuccessful": true, "images": []})"}});
  RecordedWaits recorded;
  TrainingClient client(service.endpoint(), "k", {.retry = recorded.policy()});
  std::vector<std::uint64_t> progress;
  client.createImagesFromData("p", {std::string(200000, 'a'), std::string("b")}, {},
                              [&](std::uint64_t sent, std::uint64_t) { progress.push_back(sent); });
  const auto requests = service.requests();
  ASSERT_EQ(requests.size(), 2u);
  ASSERT_EQ(requests[1].files.count("imageData"), 2u);
  EXPECT_EQ(requests[1].files.find("imageData")->second.content, std::string(200000, 'a'));
  EXPECT_EQ(std::next(requests[1].files.find("imageData"))->second.content, "b");
  // Each attempt reports from the start: the count goes back down once, at the retry.
  int restarts = 0;
  for (size_t i = 1; i < progress.size(); ++i) restarts += progress[i] < progress[i - 1] ? 1 : 0;
  EXPECT_EQ(restarts, 1);
}

TEST(RetryTest, ParsesBothRetryAfterForms) {
  EXPECT_EQ(parseRetryAfter("3"), std::chrono::milliseconds(3000));
  EXPECT_EQ(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"), std::chrono::milliseconds(0));
  EXPECT_EQ(parseRetryAfter("soon"), std::nullopt);
  EXPECT_EQ(parseRetryAfter("-1"), std::nullopt);
}

TEST(UserAgentTest, SentWithTheCallersPrefix) {
  FakeService service;
  service.respond(200, kProjects);
  TrainingClient plain(service.endpoint(), "k");
  plain.getProjects();
  const std::string own = std::string("cvmock-customvision-cpp/") + kVersion;
  EXPECT_EQ(service.lastRequest().headers.find("User-Agent")->second, own);
  TrainingClient prefixed(service.endpoint(), "k", {.userAgentPrefix = "inventory-app/2.1"});
  prefixed.getProjects();
  EXPECT_EQ(service.lastRequest().headers.find("User-Agent")->second, "inventory-app/2.1 " + own);
}

}  // namespace
}  // namespace cvmock::client
