// The simulation controls on their own: clock, tiers, throttle, faults, lifecycle, journal.
#include <gtest/gtest.h>

#include "mock_server/base/errors.h"
#include "mock_server/simulation/faults.h"
#include "mock_server/simulation/journal.h"
#include "mock_server/simulation/lifecycle.h"
#include "mock_server/simulation/quotas.h"
#include "mock_server/simulation/sim_clock.h"
#include "mock_server/simulation/throttle.h"
#include "mock_server/simulation/tiers.h"

namespace cvmock::server::simulation {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

// 2024-01-31T23:59:59Z: one second before a new month.
void fix(SimClock& clock) { ASSERT_EQ(setClockFromSpec(clock, "fixed:2024-01-31T23:59:59Z"), ""); }

TEST(SimClock, FixedClockMovesOnlyWhenAdvanced) {
  SimClock clock;
  fix(clock);
  const TimePoint start = clock.now();
  EXPECT_EQ(clock.now(), start);
  EXPECT_TRUE(clock.advance(milliseconds(1500)));
  EXPECT_EQ(clock.now() - start, milliseconds(1500));
  EXPECT_EQ(formatServiceTime(start), "2024-01-31T23:59:59Z");
  clock.useSystemTime();
  EXPECT_FALSE(clock.advance(seconds(1)));
  EXPECT_EQ(clock.describe(), "system");
}

TEST(SimClock, RejectsMalformedSpecs) {
  SimClock clock;
  EXPECT_NE(setClockFromSpec(clock, "fixed:yesterday"), "");
  EXPECT_NE(setClockFromSpec(clock, "frozen"), "");
  EXPECT_EQ(parseIsoTime("2020-11-06T16:37:26.593Z").has_value(), true);
  EXPECT_EQ(formatServiceTime(*parseIsoTime("2020-11-06T16:37:26.593Z")), "2020-11-06T16:37:26.593Z");
}

TEST(Tiers, ProfilesFollowTheContractTable) {
  const TierLimits f0 = *tierProfile("f0");
  EXPECT_EQ(f0.projects, 2);
  EXPECT_EQ(f0.imagesPerProject, 5000);
  EXPECT_EQ(f0.tagsPerProject, 50);
  EXPECT_EQ(f0.predictionsPerMonth, 10000);
  EXPECT_EQ(f0.otherPerSecond, 10);
  const TierLimits s0 = *tierProfile("S0");
  EXPECT_EQ(s0.projects, 100);
  EXPECT_EQ(s0.predictionsNoStorePerSecond, 20);
  EXPECT_EQ(s0.predictionsPerMonth, 0);
  EXPECT_EQ(tierProfile("unlimited")->projects, 0);
  EXPECT_FALSE(tierProfile("P1"));
}

TEST(Tiers, JsonOverridesApplyAfterTheProfile) {
  TierLimits limits;
  EXPECT_EQ(applyTierJson(limits, {{"tier", "F0"}, {"projects", 7}}), "");
  EXPECT_EQ(limits.name, "F0");
  EXPECT_EQ(limits.projects, 7);
  EXPECT_EQ(limits.tagsPerProject, 50);
  EXPECT_NE(applyTierJson(limits, {{"projects", -1}}), "");
  EXPECT_NE(applyTierJson(limits, {{"tier", "gold"}}), "");
  EXPECT_EQ(limits.projects, 7);  // unchanged after an error
}

TEST(Quotas, ThrowTheServiceCodeOneOverTheLimit) {
  TierLimits limits = *tierProfile("F0");
  Quotas quotas(limits);
  EXPECT_NO_THROW(quotas.admitProject(1));
  try {
    quotas.admitProject(2);
    FAIL() << "a third project was admitted on F0";
  } catch (const ServiceError& error) {
    EXPECT_EQ(error.code(), "BadRequestExceedProjectLimit");
  }
  EXPECT_THROW(quotas.admitImages(4990, 11), ServiceError);
  EXPECT_NO_THROW(quotas.admitImages(4990, 10));
  Quotas unlimited(TierLimits{});
  EXPECT_NO_THROW(unlimited.admitProject(1000000));
}

TEST(Quotas, PredictionsAreCountedPerCalendarMonth) {
  TierLimits limits;
  limits.predictionsPerMonth = 2;
  Quotas quotas(limits);
  SimClock clock;
  fix(clock);
  quotas.countPrediction(clock.now());
  quotas.countPrediction(clock.now());
  EXPECT_THROW(quotas.countPrediction(clock.now()), ServiceError);
  clock.advance(seconds(1));  // 2024-02-01: a new month
  EXPECT_NO_THROW(quotas.countPrediction(clock.now()));
}

TEST(Throttle, AdmitsTheRateThenAsksToWaitUntilATokenIsBack) {
  SimClock clock;
  fix(clock);
  Throttle throttle(clock);
  for (int i = 0; i < 2; ++i) EXPECT_EQ(throttle.admit("k", OperationClass::Train, 2), 0);
  EXPECT_EQ(throttle.admit("k", OperationClass::Train, 2), 1);
  EXPECT_EQ(throttle.admit("other key", OperationClass::Train, 2), 0);
  EXPECT_EQ(throttle.admit("k", OperationClass::Other, 2), 0);
  clock.advance(milliseconds(500));
  EXPECT_EQ(throttle.admit("k", OperationClass::Train, 2), 0);
  EXPECT_EQ(throttle.admit("k", OperationClass::Train, 0), 0);  // 0: not throttled
  EXPECT_EQ(throttle.admit("slow", OperationClass::Train, 0.25), 0);
  EXPECT_EQ(throttle.admit("slow", OperationClass::Train, 0.25), 4);
}

TEST(Faults, HeaderAndJsonSpellTheSameRule) {
  FaultRule fromHeader;
  EXPECT_EQ(parseFaultHeader("status=503;code=Timeout;latency=20;probability=0.5", fromHeader), "");
  FaultRule fromJson;
  EXPECT_EQ(parseFaultJson({{"status", 503}, {"code", "Timeout"}, {"latencyMs", 20}, {"probability", 0.5}}, fromJson), "");
  EXPECT_EQ(toJson(fromHeader), toJson(fromJson));
  FaultRule bad;
  EXPECT_NE(parseFaultHeader("status=200", bad), "");
  EXPECT_NE(parseFaultHeader("colour=red", bad), "");
  EXPECT_NE(parseFaultJson({{"operation", "GetProjects"}}, bad), "");  // does nothing
  EXPECT_NE(parseFaultJson({{"status", 500}, {"path", "("}}, bad), "");
}

TEST(Faults, FirstMatchWinsAndTimesRunOut) {
  FaultTable table(0);
  FaultRule rule;
  rule.operation = "TrainProject";
  rule.status = 500;
  rule.times = 2;
  table.add(rule);
  EXPECT_FALSE(table.pick("GetProjects", "/x"));
  EXPECT_TRUE(table.pick("TrainProject", "/x"));
  EXPECT_TRUE(table.pick("TrainProject", "/x"));
  EXPECT_FALSE(table.pick("TrainProject", "/x"));
  FaultRule byPath;
  byPath.path = "/iterations/";
  byPath.drop = true;
  const std::string id = table.add(byPath);
  EXPECT_TRUE(table.pick("GetIteration", "/customvision/v3.3/training/projects/p/iterations/i"));
  EXPECT_TRUE(table.remove(id));
  EXPECT_FALSE(table.remove(id));
}

TEST(Faults, ProbabilityDrawsRepeatForTheSameSeed) {
  auto draws = [](std::uint64_t seed) {
    FaultTable table(seed);
    std::string out;
    for (int i = 0; i < 64; ++i) out += table.roll(0.5) ? '1' : '0';
    return out;
  };
  EXPECT_EQ(draws(7), draws(7));
  EXPECT_NE(draws(7), draws(8));
  EXPECT_NE(draws(7).find('0'), std::string::npos);
  EXPECT_NE(draws(7).find('1'), std::string::npos);
}

IterationRecord finished(const std::string& id, const std::string& projectId = "p") {
  IterationRecord record;
  record.id = id;
  record.projectId = projectId;
  record.status = IterationStatus::Completed;
  return record;
}

TEST(Lifecycle, BackgroundStoresAtOnceAndOthersHold) {
  SimClock clock;
  fix(clock);
  TrainingLifecycle lifecycle(clock);
  EXPECT_FALSE(lifecycle.readsWaitForTraining());
  EXPECT_TRUE(lifecycle.settle(finished("a"), TrainingOutcome::Normal));
  EXPECT_FALSE(lifecycle.settle(finished("b"), TrainingOutcome::Hang));
  EXPECT_TRUE(lifecycle.onRead("p", "b").empty());
  const std::vector<IterationRecord> released = lifecycle.releaseAll();
  ASSERT_EQ(released.size(), 1u);
  EXPECT_EQ(released[0].trainedAt, clock.now());
}

TEST(Lifecycle, AfterReadsCountsReadsOfThatIteration) {
  SimClock clock;
  fix(clock);
  TrainingLifecycle lifecycle(clock);
  TrainingSettings settings;
  ASSERT_EQ(parseTrainingMode("after-reads:2", settings), "");
  lifecycle.configure(settings);
  EXPECT_FALSE(lifecycle.settle(finished("a"), TrainingOutcome::Normal));
  EXPECT_TRUE(lifecycle.onRead("p", "other").empty());
  EXPECT_TRUE(lifecycle.onRead("p", "a").empty());
  EXPECT_EQ(lifecycle.onRead("p", "a").size(), 1u);
}

TEST(Lifecycle, AfterSecondsFollowsTheClock) {
  SimClock clock;
  fix(clock);
  TrainingLifecycle lifecycle(clock);
  TrainingSettings settings;
  ASSERT_EQ(parseTrainingMode("after-seconds:30", settings), "");
  lifecycle.configure(settings);
  lifecycle.settle(finished("a"), TrainingOutcome::Normal);
  clock.advance(seconds(29));
  EXPECT_TRUE(lifecycle.onRead("p", "").empty());
  clock.advance(seconds(1));
  EXPECT_EQ(lifecycle.onRead("p", "").size(), 1u);
}

TEST(Lifecycle, ForcedOutcomeAppliesToTheNextTrainingOnly) {
  SimClock clock;
  TrainingLifecycle lifecycle(clock);
  lifecycle.forceNext(TrainingOutcome::Fail);
  EXPECT_EQ(lifecycle.begin(), TrainingOutcome::Fail);
  EXPECT_EQ(lifecycle.begin(), TrainingOutcome::Normal);
  TrainingSettings settings;
  EXPECT_NE(parseTrainingMode("after-reads:x", settings), "");
  EXPECT_NE(parseTrainingMode("soon", settings), "");
}

TEST(Journal, KeepsTheNewestEntriesAndFilters) {
  Journal journal(3);
  for (int i = 0; i < 5; ++i) {
    JournalEntry entry;
    entry.method = i % 2 ? "POST" : "GET";
    entry.operation = i % 2 ? "CreateProject" : "GetProjects";
    entry.status = i == 4 ? 429 : 200;
    journal.record(entry);
  }
  EXPECT_EQ(journal.query({}).size(), 3u);
  EXPECT_EQ(journal.query({}).front().sequence, 3);
  JournalFilter onlyGets;
  onlyGets.method = "get";
  EXPECT_EQ(journal.query(onlyGets).size(), 2u);
  JournalFilter throttled;
  throttled.status = 429;
  ASSERT_EQ(journal.query(throttled).size(), 1u);
  EXPECT_EQ(journal.query(throttled)[0].sequence, 5);
  JournalFilter newest;
  newest.limit = 1;
  EXPECT_EQ(journal.query(newest)[0].sequence, 5);
}

}  // namespace
}  // namespace cvmock::server::simulation
