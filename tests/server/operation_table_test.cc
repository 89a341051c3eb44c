// The operation tables: one row per spec operation whose facts agree with the spec, and path resolution.
#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "mock_server/api/operation_target.h"
#include "mock_server/base/errors.h"
#include "mock_server/base/text.h"

namespace cvmock::server {
namespace {

using nlohmann::json;

json readSpec(const std::string& relative) {
  std::ifstream file(std::string(CVMOCK_SPEC_DIR) + "/" + relative);
  if (!file) throw std::runtime_error("cannot read the spec " + relative + " under " + CVMOCK_SPEC_DIR);
  return json::parse(file);
}

// What the spec says of one operation.
struct SpecOperation {
  std::string method;
  std::string path;  // without the leading '/'
  std::vector<std::string> query;
  std::string body;  // "none", "json" (a body parameter) or "file" (a formData file)
};

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

std::map<std::string, SpecOperation> specOperations(const json& spec) {
  std::map<std::string, SpecOperation> out;
  for (const auto& [path, operations] : spec.at("paths").items()) {
    for (const auto& [method, operation] : operations.items()) {
      if (!operation.is_object()) continue;  // path-level "parameters"
      SpecOperation described{upper(method), path.substr(1), {}, "none"};
      for (const json& parameter : operation.value("parameters", json::array())) {
        const std::string in = parameter.value("in", "");
        if (in == "query") described.query.push_back(parameter.at("name"));
        if (in == "body") described.body = "json";
        if (in == "formData" && parameter.value("type", "") == "file") described.body = "file";
      }
      out[operation.at("operationId")] = described;
    }
  }
  return out;
}

std::string bodyOf(BodyKind kind) {
  switch (kind) {
    case BodyKind::None:
      return "none";
    case BodyKind::Json:
    case BodyKind::JsonImages:
      return "json";
    case BodyKind::Images:
    case BodyKind::PredictionImage:
      return "file";
  }
  return "?";
}

// The class the gateway throttles by, as CONTRACT.md's table defines it from the operation itself.
simulation::OperationClass expectedClass(const std::string& operationId, const SpecOperation& spec) {
  using enum simulation::OperationClass;
  if (operationId == "TrainProject") return Train;
  const bool predicts = spec.path.find("/classify/") != std::string::npos || spec.path.find("/detect/") != std::string::npos;
  if (!predicts) return Other;
  return spec.path.ends_with("/nostore") ? PredictionNoStore : PredictionStored;
}

void expectTableAgreesWith(const ApiTable& table, const json& spec) {
  const std::map<std::string, SpecOperation> described = specOperations(spec);
  EXPECT_EQ(table.operations.size(), described.size());
  std::set<std::string> rows;
  for (const Operation& row : table.operations) {
    const std::string id(row.id);
    SCOPED_TRACE(id);
    EXPECT_TRUE(rows.insert(id).second) << "two rows for " << id;
    auto spec = described.find(id);
    ASSERT_NE(spec, described.end()) << id << " is not an operation of the spec";
    EXPECT_EQ(row.method, spec->second.method);
    EXPECT_EQ(row.pattern, spec->second.path);
    EXPECT_EQ(std::vector<std::string>(row.query.begin(), row.query.end()), spec->second.query);
    EXPECT_EQ(bodyOf(row.body), spec->second.body);
    EXPECT_EQ(row.operationClass, expectedClass(id, spec->second));
  }
}

TEST(OperationTable, TrainingAgreesWithTheSpec) {
  expectTableAgreesWith(trainingApi(), readSpec("training-v3.3/Training.json"));
}

TEST(OperationTable, PredictionAgreesWithTheSpec) {
  expectTableAgreesWith(predictionApi(), readSpec("prediction-v3.0/Prediction.json"));
}

TEST(OperationTable, EveryRowFindsItselfFirst) {
  for (const ApiTable* table : {&trainingApi(), &predictionApi()}) {
    for (const Operation& row : table->operations) {
      // Parameters get a value no literal segment uses; the row must be the one found.
      std::vector<std::string> segments;
      for (const std::string& part : splitList(row.pattern, '/')) segments.push_back(part[0] == '{' ? "x" : part);
      std::map<std::string, std::string, std::less<>> params;
      EXPECT_EQ(matchOperation(*table, row.method, segments, params), &row) << row.id;
    }
  }
}

TEST(OperationTarget, ResolvesOnceWithParametersVersionAndApi) {
  const OperationTarget target =
      resolveOperation("GET", "/customvision/v3.3/Training//projects/p1/iterations/i1/performance");
  EXPECT_EQ(target.api, &trainingApi());
  EXPECT_EQ(target.version, "v3.3");
  EXPECT_EQ(target.operation->id, "GetIterationPerformance");
  EXPECT_EQ(target.params.at("projectId"), "p1");
  EXPECT_EQ(target.params.at("iterationId"), "i1");
  EXPECT_EQ(resolveOperation("POST", "/customvision/v3.1/prediction/p/classify/iterations/n/image/nostore")
                .operation->id,
            "ClassifyImageWithNoStore");
}

TEST(OperationTarget, RefusesWhatNamesNoOperationWithTheGatewaysNotFound) {
  const auto messageOf = [](const char* method, const char* path) {
    try {
      resolveOperation(method, path);
    } catch (const GatewayError& error) {
      EXPECT_EQ(error.status(), 404);
      return std::string(error.what());
    }
    return std::string("resolved");
  };
  EXPECT_NE(messageOf("GET", "/elsewhere/v3.3/training/projects").find("/customvision"), std::string::npos);
  EXPECT_NE(messageOf("GET", "/customvision/v3.3/detection/projects").find("Unknown API"), std::string::npos);
  EXPECT_NE(messageOf("GET", "/customvision/v9.9/training/projects").find("v3.0, v3.1, v3.2, v3.3, v3.4-preview"),
            std::string::npos);
  EXPECT_NE(messageOf("PUT", "/customvision/v3.3/training/projects").find("No operation matches PUT"),
            std::string::npos);
}

}  // namespace
}  // namespace cvmock::server
