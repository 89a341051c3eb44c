// versionText: the project's version (CMake's project(VERSION)), and the APIs read from the operation tables.
#include "mock_server/app/version.h"

#include "mock_server/api/operation.h"

namespace cvmock::server {
namespace {

std::string versionRange(const ApiTable& table) {
  return std::string(table.versions.front()) + " to " + std::string(table.versions.back());
}

}  // namespace

std::string versionText() {
  return std::string("cvmock ") + CVMOCK_VERSION + " (Training API " + versionRange(trainingApi()) +
         ", Prediction API " + versionRange(predictionApi()) + ")";
}

}  // namespace cvmock::server
