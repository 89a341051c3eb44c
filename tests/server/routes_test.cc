// The route tables: every operation reachable, literal segments in any case, parameters captured.
#include <gtest/gtest.h>

#include <set>

#include "mock_server/routes.h"
#include "mock_server/text.h"

namespace cvmock::server {
namespace {

TEST(Routes, MatchCapturesParameters) {
  auto match = matchRoute(trainingRoutes(), "GET", {"projects", "p1", "iterations", "i1", "performance"});
  ASSERT_TRUE(match);
  EXPECT_STREQ(match->route->operationId, "GetIterationPerformance");
  EXPECT_EQ(match->params.at("projectId"), "p1");
  EXPECT_EQ(match->params.at("iterationId"), "i1");
}

TEST(Routes, LiteralSegmentsIgnoreCaseAndMethodsMatter) {
  EXPECT_TRUE(matchRoute(trainingRoutes(), "GET", {"Projects", "p", "Tags"}));
  EXPECT_STREQ(matchRoute(trainingRoutes(), "POST", {"projects", "p", "tags"})->route->operationId, "CreateTag");
  EXPECT_FALSE(matchRoute(trainingRoutes(), "PUT", {"projects", "p", "tags"}));
  EXPECT_FALSE(matchRoute(trainingRoutes(), "GET", {"projects", "p", "nothing"}));
}

TEST(Routes, EveryOperationOnceAndUnambiguous) {
  std::set<std::string> seen;
  for (const auto* table : {&trainingRoutes(), &predictionRoutes()}) {
    for (const Route& route : *table) {
      EXPECT_TRUE(seen.insert(route.operationId).second) << route.operationId;
      // Fill parameters with a value no literal uses; the route must find itself first.
      std::vector<std::string> segments;
      for (const std::string& part : splitList(route.pattern, '/')) segments.push_back(part[0] == '{' ? "x" : part);
      auto match = matchRoute(*table, route.method, segments);
      ASSERT_TRUE(match) << route.operationId;
      EXPECT_STREQ(match->route->operationId, route.operationId);
    }
  }
  EXPECT_EQ(seen.size(), 52u + 8u);  // every operation of Training v3.3 and Prediction v3.0
}

}  // namespace
}  // namespace cvmock::server
