// The portal's static files over HTTP: served without a key, with their content types, and nothing else.
#include <gtest/gtest.h>

#include "mock_server/gateway/portal/embedded_files.h"
#include "tests/support/http_session.h"
#include "tests/support/test_server.h"

namespace cvmock::testing {
namespace {

class Portal : public ::testing::Test {
 protected:
  TestServer server;
  HttpSession web{server.endpoint(), "", "", ""};
};

TEST_F(Portal, RootRedirectsToTheIndexPage) {
  const Reply redirect = web.get("/portal");
  EXPECT_EQ(redirect.status, 301);
  EXPECT_EQ(redirect.header("Location"), "/portal/");
  const Reply index = web.get("/portal/");
  ASSERT_EQ(index.status, 200);
  EXPECT_EQ(index.header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(index.body.find("<title>cvmock portal</title>"), std::string::npos);
  EXPECT_NE(index.header("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(web.get("/portal/index.html").body, index.body);
}

TEST_F(Portal, EveryEmbeddedFileIsServedWithItsContentType) {
  const std::map<std::string, std::string> types = {{".html", "text/html; charset=utf-8"},
                                                    {".css", "text/css; charset=utf-8"},
                                                    {".js", "text/javascript; charset=utf-8"},
                                                    {".svg", "image/svg+xml"}};
  ASSERT_GE(server::portal::embeddedFiles().size(), 5u);
  for (const server::portal::EmbeddedFile& file : server::portal::embeddedFiles()) {
    const std::string path(file.path);
    const Reply reply = web.get("/portal/" + path);
    ASSERT_EQ(reply.status, 200) << path;
    EXPECT_EQ(reply.body, file.bytes) << path;
    EXPECT_EQ(reply.header("Content-Type"), types.at(path.substr(path.rfind('.')))) << path;
    EXPECT_EQ(reply.header("X-Content-Type-Options"), "nosniff") << path;
  }
}

TEST_F(Portal, UnknownFilesAndEscapesAreNotFound) {
  for (const std::string path : {"/portal/missing.js", "/portal/../CMakeLists.txt", "/portal/%2e%2e/README.md",
                                 "/portal/js/../../mock_server/server.cc", "/portal//etc/passwd", "/portal/js"}) {
    EXPECT_EQ(web.get(path).status, 404) << path;
  }
  EXPECT_EQ(web.get("/portalx").status, 404);  // not the portal: the API's unknown route
}

TEST_F(Portal, OnlyReadsAreAllowed) {
  const Reply post = web.post("/portal/index.html", "x", "text/plain");
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(post.header("Allow"), "GET, HEAD");
}

}  // namespace
}  // namespace cvmock::testing
