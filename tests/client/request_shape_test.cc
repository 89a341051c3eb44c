// Every client method sends what the spec says its operation takes, checked against the spec itself rather than a
// copy of it: the operation's HTTP method and path below the API's base path, the spec's key header, exactly the
// query parameters the operation lists (every one, since each call sets every option) with values of their type
// and enum, and a body of the operation's kind: JSON holding only members the schema defines and a client may
// write, the multipart parts the spec names, or nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "tests/client/every_option_calls.h"
#include "tests/client/fake_service.h"
#include "tests/client/spec_operations.h"

namespace cvmock::client {
namespace {

using nlohmann::json;
using testing::SpecApi;
using testing::SpecOperation;

bool isOneOf(const json& values, const json& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// The problems of value against schema (a spec definition, resolved through $ref), each naming where it is.
void collectSchemaProblems(const SpecApi& api, const json& schema, const json& value, const std::string& where,
                           std::vector<std::string>& problems) {
  if (schema.contains("$ref")) {
    collectSchemaProblems(api, testing::definitionOf(api, schema.at("$ref")), value, where, problems);
    return;
  }
  const std::string type = schema.value("type", schema.contains("properties") ? "object" : "");
  auto problem = [&](const std::string& what) { problems.push_back(where + ": " + what + " (" + value.dump() + ")"); };
  if (value.is_null()) {
    if (!schema.value("x-nullable", false)) problem("null where the spec allows none");
  } else if (type == "object") {
    if (!value.is_object()) return problem("not an object");
    const json properties = schema.value("properties", json::object());
    for (const auto& [name, member] : value.items()) {
      if (properties.contains(name)) {
        if (properties[name].value("readOnly", false)) problem(name + " is read-only");
        collectSchemaProblems(api, properties[name], member, where + "." + name, problems);
      } else if (schema.contains("additionalProperties")) {
        collectSchemaProblems(api, schema["additionalProperties"], member, where + "." + name, problems);
      } else {
        problem(name + " is not a member the spec defines");
      }
    }
    for (const json& required : schema.value("required", json::array())) {
      if (!value.contains(required.get<std::string>())) problem("required " + required.get<std::string>() + " missing");
    }
  } else if (type == "array") {
    if (!value.is_array()) return problem("not an array");
    for (size_t i = 0; i < value.size(); ++i) {
      collectSchemaProblems(api, schema.at("items"), value[i], where + "[" + std::to_string(i) + "]", problems);
    }
  } else if (type == "string") {
    if (!value.is_string()) return problem("not a string");
    if (schema.contains("enum") && !isOneOf(schema["enum"], value)) problem("not one of the spec's values");
  } else if ((type == "integer" && !value.is_number_integer()) || (type == "number" && !value.is_number()) ||
             (type == "boolean" && !value.is_boolean())) {
    problem("not a " + type);
  }
}

// Whether text, a query value, is one of parameter's values (its type, enum and, for a csv array, its items').
bool isValidQueryValue(const json& parameter, const std::string& text) {
  const std::string type = parameter.at("type");
  if (type == "array") {
    std::stringstream items(text);
    bool valid = !text.empty();
    for (std::string item; std::getline(items, item, ',');) {
      valid = valid && isValidQueryValue(parameter["items"], item);
    }
    return valid;
  }
  if (parameter.contains("enum")) return isOneOf(parameter["enum"], text);
  if (type == "integer") return std::regex_match(text, std::regex("-?[0-9]+"));
  if (type == "number") return std::regex_match(text, std::regex(R"(-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?)"));
  if (type == "boolean") return text == "true" || text == "false";
  return !text.empty();
}

// The operation's parameters of one kind ("query", "body", "formData"), by name.
std::map<std::string, json> parametersIn(const SpecOperation& operation, const std::string& in) {
  std::map<std::string, json> found;
  for (const json& parameter : operation.entry.value("parameters", json::array())) {
    if (parameter.value("in", "") == in) found[parameter.at("name")] = parameter;
  }
  return found;
}

std::string headerOf(const testing::RecordedRequest& request, const std::string& name) {
  auto found = request.headers.find(name);
  return found == request.headers.end() ? "" : found->second;
}

// Sends the operation's every-option call to a recording server; the one request it made.
testing::RecordedRequest sentBy(const std::string& operationId) {
  testing::FakeService service;
  service.respond(200, "{}");
  const ClientOptions once{.retry = RetryPolicy::none()};
  TrainingClient training(service.endpoint(), "training-key", once);
  PredictionClient prediction(service.endpoint(), "prediction-key", once);
  testing::Clients clients{training, prediction};
  try {
    testing::everyOptionCalls().at(operationId)(clients);
  } catch (const json::exception&) {
    // "{}" is no answer to most operations; only the request is under test.
  }
  const std::vector<testing::RecordedRequest> requests = service.requests();
  EXPECT_EQ(requests.size(), 1u) << operationId;
  return requests.empty() ? testing::RecordedRequest{} : requests.front();
}

TEST(RequestShapeTest, EverySpecOperationHasACall) {
  std::set<std::string> specified;
  for (const SpecApi* api : {&testing::kTrainingApi, &testing::kPredictionApi}) {
    for (const SpecOperation& operation : testing::operationsOf(*api)) specified.insert(operation.operationId);
  }
  std::set<std::string> called;
  for (const auto& [operationId, call] : testing::everyOptionCalls()) called.insert(operationId);
  EXPECT_EQ(called, specified);
}

class OperationRequest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    operation = testing::findOperation(GetParam());
    ASSERT_NE(operation, nullptr) << GetParam() << " is in neither spec";
    request = sentBy(GetParam());
  }
  const SpecApi& api() const { return *operation->api; }

  const SpecOperation* operation = nullptr;
  testing::RecordedRequest request;
};

TEST_P(OperationRequest, GoesToTheSpecsMethodPathAndKeyHeader) {
  EXPECT_EQ(request.method, operation->method);
  const std::string basePath = testing::specOf(api()).at("basePath");
  ASSERT_EQ(request.path.rfind(basePath, 0), 0u) << request.path;
  const std::string below = request.path.substr(basePath.size());
  EXPECT_TRUE(std::regex_match(below, operation->pathPattern)) << below << " is not " << operation->path;
  const std::string keyHeader = testing::specOf(api()).at("securityDefinitions").at("apim_key").at("name");
  EXPECT_FALSE(headerOf(request, keyHeader).empty()) << keyHeader;
}

TEST_P(OperationRequest, SendsEveryQueryParameterOfTheSpecAndNoOther) {
  const std::map<std::string, json> specified = parametersIn(*operation, "query");
  std::set<std::string> sent;
  for (const auto& [name, value] : request.params) {
    EXPECT_TRUE(sent.insert(name).second) << name << " sent twice";
    auto parameter = specified.find(name);
    if (parameter == specified.end()) {
      ADD_FAILURE() << name << " is not a query parameter of " << GetParam();
      continue;
    }
    EXPECT_TRUE(isValidQueryValue(parameter->second, value)) << name << "=" << value;
  }
  std::set<std::string> names;
  for (const auto& [name, parameter] : specified) names.insert(name);
  EXPECT_EQ(sent, names) << request.target;
}

TEST_P(OperationRequest, SendsABodyOfTheSpecsKind) {
  const std::map<std::string, json> body = parametersIn(*operation, "body");
  const std::map<std::string, json> parts = parametersIn(*operation, "formData");
  const std::string contentType = headerOf(request, "Content-Type");
  if (!body.empty()) {
    EXPECT_EQ(contentType.rfind("application/json", 0), 0u) << contentType;
    std::vector<std::string> problems;
    collectSchemaProblems(api(), body.begin()->second.at("schema"), json::parse(request.body), body.begin()->first,
                          problems);
    EXPECT_TRUE(problems.empty()) << ::testing::PrintToString(problems);
  } else if (!parts.empty()) {
    EXPECT_EQ(contentType.rfind("multipart/form-data", 0), 0u) << contentType;
    std::set<std::string> sentParts;
    for (const auto& [name, file] : request.files) sentParts.insert(name);
    std::set<std::string> specified;
    for (const auto& [name, parameter] : parts) specified.insert(name);
    EXPECT_EQ(sentParts, specified);
  } else {
    EXPECT_TRUE(request.body.empty()) << request.body;
  }
}

std::vector<std::string> operationIds() {
  std::vector<std::string> ids;
  for (const auto& [operationId, call] : testing::everyOptionCalls()) ids.push_back(operationId);
  return ids;
}

INSTANTIATE_TEST_SUITE_P(EveryOperation, OperationRequest, ::testing::ValuesIn(operationIds()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

}  // namespace
}  // namespace cvmock::client
