// Request member names bound without regard to case, as the service binds them; --strict refuses other spellings.
#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "mock_server/api/json_member_names.h"
#include "mock_server/base/errors.h"

namespace cvmock::server {
namespace {

using nlohmann::json;

// Every property reachable from the request bodies of the spec's operations.
void collectMembers(const json& schema, const json& definitions, std::set<std::string>& names,
                    std::set<std::string>& seen) {
  if (schema.contains("$ref")) {
    const std::string ref = schema.at("$ref");
    const std::string name = ref.substr(ref.rfind('/') + 1);
    if (seen.insert(name).second) collectMembers(definitions.at(name), definitions, names, seen);
    return;
  }
  const json properties = schema.value("properties", json::object());
  for (const auto& [name, property] : properties.items()) {
    names.insert(name);
    collectMembers(property, definitions, names, seen);
  }
  if (schema.contains("items")) collectMembers(schema.at("items"), definitions, names, seen);
}

TEST(JsonMemberNames, AreTheSpecsRequestBodyMembers) {
  std::set<std::string> names;
  for (const char* relative : {"training-v3.3/Training.json", "prediction-v3.0/Prediction.json"}) {
    std::ifstream file(std::string(CVMOCK_SPEC_DIR) + "/" + relative);
    ASSERT_TRUE(file) << relative;
    const json spec = json::parse(file);
    std::set<std::string> seen;
    for (const auto& [path, operations] : spec.at("paths").items()) {
      for (const auto& [method, operation] : operations.items()) {
        if (!operation.is_object()) continue;  // path-level "parameters"
        for (const json& parameter : operation.value("parameters", json::array())) {
          if (parameter.value("in", "") == "body") {
            collectMembers(parameter.at("schema"), spec.at("definitions"), names, seen);
          }
        }
      }
    }
  }
  EXPECT_EQ(std::set<std::string>(specMemberNames().begin(), specMemberNames().end()), names);
}

TEST(JsonMemberNames, OtherCasesBecomeTheSpecsSpelling) {
  json body = json::parse(R"({"Images": [{"Url": "http://a/x.png", "TAGIDS": []}], "tagIds": ["t"]})");
  canonicaliseMemberNames(body, false);
  EXPECT_EQ(body, json::parse(R"({"images": [{"url": "http://a/x.png", "tagIds": []}], "tagIds": ["t"]})"));
}

TEST(JsonMemberNames, TheExactSpellingWinsAndUnknownMembersStay) {
  json body = json::parse(R"({"url": "exact", "URL": "other", "Whatever": 1})");
  canonicaliseMemberNames(body, false);
  EXPECT_EQ(body, json::parse(R"({"url": "exact", "Whatever": 1})"));
}

TEST(JsonMemberNames, MetadataKeysAreTheUsersOwn) {
  json body = json::parse(R"({"Metadata": {"Url": "kept", "NAME": "kept"}, "images": []})");
  canonicaliseMemberNames(body, false);
  EXPECT_EQ(body, json::parse(R"({"metadata": {"Url": "kept", "NAME": "kept"}, "images": []})"));
}

TEST(JsonMemberNames, StrictRefusesAnotherSpelling) {
  json body = json::parse(R"({"Url": "http://a/x.png"})");
  try {
    canonicaliseMemberNames(body, true);
    FAIL() << "accepted under --strict";
  } catch (const ServiceError& error) {
    EXPECT_EQ(error.code(), "BadRequest");
    EXPECT_NE(std::string(error.what()).find("'Url' must be spelled 'url'"), std::string::npos);
  }
  json exact = json::parse(R"({"url": "http://a/x.png"})");
  EXPECT_NO_THROW(canonicaliseMemberNames(exact, true));
}

}  // namespace
}  // namespace cvmock::server
