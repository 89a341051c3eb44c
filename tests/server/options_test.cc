// cvmock's flags, environment variables and defaults.
#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "mock_server/app/options.h"

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

std::string writeFile(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + name;
  std::ofstream(path) << text;
  return path;
}

constexpr const char* kTwoResources = R"({"resources": [
  {"name": "t", "kind": "CustomVision.Training", "region": "westeurope", "key1": "a", "key2": "b", "port": 9001},
  {"name": "p", "kind": "customvision.prediction", "region": "westeurope", "key1": "c", "key2": "d",
   "id": "/subscriptions/1/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/p"}
]})";

TEST(Options, ResourcesFromFileOrEnvironment) {
  const std::string path = writeFile("cvmock_options_resources.json", kTwoResources);
  for (const ParsedOptions& options : {parse({"--resources", path}), parse({}, {{"CVMOCK_RESOURCES", path}})}) {
    ASSERT_TRUE(options.error.empty()) << options.error;
    const std::vector<Resource>& resources = options.config.service.resources;
    ASSERT_EQ(resources.size(), 2u);
    EXPECT_EQ(resources[0].kind, ResourceKind::Training);
    EXPECT_EQ(resources[0].armId, defaultArmId("t"));  // derived when the file gives none
    EXPECT_EQ(resources[0].port, 9001);
    EXPECT_EQ(resources[1].kind, ResourceKind::Prediction);  // kind names in any case
    EXPECT_EQ(resources[1].armId, "/subscriptions/1/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/p");
    EXPECT_FALSE(resources[1].port.has_value());
    EXPECT_EQ(resources[1].key2, "d");
  }
  // Without a file the list stays empty: the server derives the default from the simple flags.
  EXPECT_TRUE(parse({}).config.service.resources.empty());
}

TEST(Options, ResourcesReplaceTheSimpleKeyFlags) {
  const std::string path = writeFile("cvmock_options_resources.json", kTwoResources);
  for (const char* flag :
       {"--training-key", "--prediction-key", "--cognitive-services-key", "--prediction-resource-id"}) {
    const ParsedOptions options = parse({"--resources", path, flag, "x"});
    EXPECT_NE(options.error.find(flag), std::string::npos) << options.error;
  }
  EXPECT_FALSE(parse({"--resources", path}, {{"CVMOCK_TRAINING_KEY", "k"}}).error.empty());
}

TEST(Options, BadResourceFilesAreExplained) {
  const auto errorFor = [](const std::string& text) {
    return parse({"--resources", writeFile("cvmock_options_bad.json", text)}).error;
  };
  EXPECT_NE(parse({"--resources", "/no/such/file.json"}).error.find("cannot read"), std::string::npos);
  EXPECT_NE(errorFor("{").find("not JSON"), std::string::npos);
  EXPECT_NE(errorFor(R"({"resources": []})").find("at least one"), std::string::npos);
  EXPECT_NE(errorFor(R"({"resources": [{"name": "x", "kind": "Vision", "region": "r", "key1": "a", "key2": "b"}]})")
                .find("unknown kind"),
            std::string::npos);
  EXPECT_NE(errorFor(R"({"resources": [{"name": "x", "kind": "CognitiveServices", "region": "r", "key1": "a"}]})")
                .find("\"key2\""),
            std::string::npos);
  EXPECT_NE(errorFor(R"({"resources": [{"name": "x", "kind": "CognitiveServices", "region": "r", "key1": "a",
                         "key2": "b", "port": "80"}]})")
                .find("\"port\""),
            std::string::npos);
  const std::string twice = R"({"resources": [
      {"name": "x", "kind": "CognitiveServices", "region": "r", "key1": "a", "key2": "b"},
      {"name": "y", "kind": "CognitiveServices", "region": "r", "key1": "c", "key2": "a"}]})";
  EXPECT_NE(errorFor(twice).find("repeats another resource's key"), std::string::npos);
  const std::string sameId = R"({"resources": [
      {"name": "x", "kind": "CognitiveServices", "region": "r", "key1": "a", "key2": "b"},
      {"name": "y", "kind": "CognitiveServices", "region": "r", "key1": "c", "key2": "d",
       "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/cvmock/providers/Microsoft.CognitiveServices/accounts/X"}]})";
  EXPECT_NE(errorFor(sameId).find("repeats another resource's id"), std::string::npos);
  const std::string samePort = R"({"resources": [
      {"name": "x", "kind": "CognitiveServices", "region": "r", "key1": "a", "key2": "b", "port": 9000},
      {"name": "y", "kind": "CognitiveServices", "region": "r", "key1": "c", "key2": "d", "port": 9000}]})";
  EXPECT_NE(errorFor(samePort).find("port 9000"), std::string::npos);
}

TEST(Options, StrictIsASwitch) {
  EXPECT_FALSE(parse({}).config.strict);
  EXPECT_TRUE(parse({"--strict"}).config.strict);
  // Alone, it takes no value: the next argument is a flag of its own.
  const ParsedOptions followed = parse({"--strict", "--port", "9000"});
  EXPECT_TRUE(followed.error.empty()) << followed.error;
  EXPECT_TRUE(followed.config.strict);
  EXPECT_EQ(followed.config.port, 9000);
  EXPECT_FALSE(parse({"--strict=false"}).config.strict);
  EXPECT_TRUE(parse({}, {{"CVMOCK_STRICT", "1"}}).config.strict);
  EXPECT_FALSE(parse({"--strict=false"}, {{"CVMOCK_STRICT", "true"}}).config.strict);
  EXPECT_FALSE(parse({"--strict=maybe"}).error.empty());
  EXPECT_NE(usage().find("--strict\n"), std::string::npos);
  EXPECT_NE(usage().find("CVMOCK_RESOURCES"), std::string::npos);
}

}  // namespace
}  // namespace cvmock::server
