// mock_server/api/admin/openapi.yaml documents every route of the admin table, with its method.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "mock_server/api/admin/admin_routes.h"

namespace cvmock::server::admin {
namespace {

std::string readOpenApi() {
  std::ifstream file(std::string(CVMOCK_SOURCE_DIR) + "/mock_server/api/admin/openapi.yaml");
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

TEST(AdminOpenApi, DocumentsEveryRoute) {
  const std::string yaml = readOpenApi();
  ASSERT_FALSE(yaml.empty());
  for (const AdminRoute& route : adminRoutes()) {
    const std::size_t path = yaml.find("\n  /" + std::string(route.pattern) + ":\n");
    ASSERT_NE(path, std::string::npos) << route.pattern;
    const std::size_t next = yaml.find("\n  /", path + 1);
    std::string method = route.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::size_t operation = yaml.find("\n    " + method + ":", path);
    EXPECT_LT(operation, next) << route.method << " " << route.pattern;
  }
}

}  // namespace
}  // namespace cvmock::server::admin
