// cvmock's flags, environment variables and defaults.
#include <gtest/gtest.h>

#include <map>

#include "mock_server/options.h"

namespace cvmock::server {
namespace {

ParsedOptions parse(std::vector<std::string> args, std::map<std::string, std::string> env = {}) {
  return parseOptions(args, [&](const char* name) -> std::optional<std::string> {
    auto it = env.find(name);
    return it == env.end() ? std::nullopt : std::optional<std::string>(it->second);
  });
}

TEST(Options, DefaultsStartWithNoArguments) {
  const ParsedOptions options = parse({});
  EXPECT_TRUE(options.error.empty());
  EXPECT_EQ(options.config.host, "127.0.0.1");
  EXPECT_EQ(options.config.port, 8808);
  EXPECT_EQ(options.config.trainingKey, "cvmock-training-key");
  EXPECT_EQ(options.config.predictionKey, "cvmock-prediction-key");
  EXPECT_EQ(options.config.service.seed, 0u);
  EXPECT_EQ(options.config.dataDir, "");
}

TEST(Options, DataDirFromFlagOrEnvironment) {
  EXPECT_EQ(parse({"--data-dir", "/tmp/a"}).config.dataDir, "/tmp/a");
  EXPECT_EQ(parse({}, {{"CVMOCK_DATA_DIR", "/tmp/b"}}).config.dataDir, "/tmp/b");
  EXPECT_EQ(parse({"--data-dir=/tmp/c"}, {{"CVMOCK_DATA_DIR", "/tmp/b"}}).config.dataDir, "/tmp/c");
  EXPECT_FALSE(parse({"--data-dir", ""}).error.empty());
}

TEST(Options, FlagsOverrideEnvironment) {
  const ParsedOptions options =
      parse({"--port", "9000", "--seed=5", "--training-key", "t"}, {{"CVMOCK_PORT", "7000"}, {"CVMOCK_HOST", "0.0.0.0"}});
  EXPECT_TRUE(options.error.empty()) << options.error;
  EXPECT_EQ(options.config.port, 9000);
  EXPECT_EQ(options.config.host, "0.0.0.0");
  EXPECT_EQ(options.config.service.seed, 5u);
  EXPECT_EQ(options.config.trainingKey, "t");
}

TEST(Options, RejectsNonsense) {
  EXPECT_FALSE(parse({"--port", "seventy"}).error.empty());
  EXPECT_FALSE(parse({"--port", "70000"}).error.empty());
  EXPECT_FALSE(parse({"--colour", "red"}).error.empty());
  EXPECT_FALSE(parse({"--seed"}).error.empty());
  EXPECT_FALSE(parse({"--training-key", ""}).error.empty());
  EXPECT_FALSE(parse({}, {{"CVMOCK_SEED", "x"}}).error.empty());
}

TEST(Options, HelpListsEveryFlagWithItsVariable) {
  EXPECT_TRUE(parse({"--help"}).help);
  const std::string text = usage();
  for (const char* name : {"--host", "--port", "--training-key", "--prediction-key", "--prediction-resource-id",
                           "--seed", "--data-dir", "CVMOCK_PREDICTION_RESOURCE_ID", "CVMOCK_DATA_DIR"}) {
    EXPECT_NE(text.find(name), std::string::npos) << name;
  }
}

}  // namespace
}  // namespace cvmock::server
