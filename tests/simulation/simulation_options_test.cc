// cvmock's simulation flags and their environment variables.
#include <cstdio>
#include <fstream>
#include <map>

#include <gtest/gtest.h>

#include "mock_server/app/options.h"

namespace cvmock::server {
namespace {

ParsedOptions parse(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {}) {
  return parseOptions(args, [&](const char* name) -> std::optional<std::string> {
    auto it = env.find(name);
    return it == env.end() ? std::nullopt : std::optional<std::string>(it->second);
  });
}

TEST(SimulationOptions, DefaultsAreUnlimitedBackgroundSystemClockAndNoAdmin) {
  const ParsedOptions parsed = parse({});
  ASSERT_EQ(parsed.error, "");
  EXPECT_STREQ(parsed.config.simulation.tier.name, "unlimited");
  EXPECT_EQ(parsed.config.simulation.clock, "system");
  EXPECT_EQ(parsed.config.simulation.training.mode, simulation::TrainingMode::Background);
  EXPECT_EQ(parsed.config.simulation.adminKey, "");
}

TEST(SimulationOptions, FlagsAndEnvironment) {
  const ParsedOptions parsed = parse({"--tier", "s0", "--clock=fixed:2024-01-01T00:00:00Z", "--training-mode",
                                      "after-reads:3"},
                                     {{"CVMOCK_ADMIN_KEY", "k"}, {"CVMOCK_TIER", "F0"}});
  ASSERT_EQ(parsed.error, "");
  EXPECT_STREQ(parsed.config.simulation.tier.name, "S0");
  EXPECT_EQ(parsed.config.simulation.clock, "fixed:2024-01-01T00:00:00Z");
  EXPECT_EQ(parsed.config.simulation.training.mode, simulation::TrainingMode::AfterReads);
  EXPECT_EQ(parsed.config.simulation.training.reads, 3);
  EXPECT_EQ(parsed.config.simulation.adminKey, "k");
}

TEST(SimulationOptions, TierConfigFileOverridesNumbersAndPerImageLimits) {
  const std::string path = ::testing::TempDir() + "cvmock_tier_config.json";
  std::ofstream(path) << R"({"tier": "F0", "projects": 7, "tagsPerImage": 3, "imageBytes": 1000})";
  const ParsedOptions parsed = parse({"--tier-config", path});
  std::remove(path.c_str());
  ASSERT_EQ(parsed.error, "");
  EXPECT_STREQ(parsed.config.simulation.tier.name, "F0");
  EXPECT_EQ(parsed.config.simulation.tier.projects, 7);
  EXPECT_EQ(parsed.config.simulation.tier.tagsPerProject, 50);
  EXPECT_EQ(parsed.config.service.limits.maxTagsPerImage, 3);
  EXPECT_EQ(parsed.config.service.limits.maxTrainingImageBytes, 1000u);
}

TEST(SimulationOptions, RejectsNonsense) {
  EXPECT_NE(parse({"--tier", "gold"}).error, "");
  EXPECT_NE(parse({"--clock", "fixed:soon"}).error, "");
  EXPECT_NE(parse({"--training-mode", "later"}).error, "");
  EXPECT_NE(parse({"--tier-config", "/nonexistent/tier.json"}).error, "");
  EXPECT_NE(parse({}, {{"CVMOCK_TIER", "P1"}}).error, "");
}

}  // namespace
}  // namespace cvmock::server
