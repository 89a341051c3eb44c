// Image URLs: parsing, and the host policy decided before any connection.
#include <gtest/gtest.h>

#include "mock_server/api/url_policy.h"

namespace cvmock::server {
namespace {

TEST(UrlPolicy, ParsesHttpAndHttpsUrls) {
  const auto url = parseImageUrl("HTTP://LocalHost:8080/a/b.png?x=1#frag");
  ASSERT_TRUE(url);
  EXPECT_FALSE(url->https);
  EXPECT_EQ(url->host, "localhost");
  EXPECT_EQ(url->port, 8080);
  EXPECT_EQ(url->target, "/a/b.png?x=1");
  EXPECT_EQ(url->hostHeader(), "localhost:8080");
  const auto v6 = parseImageUrl("https://[::1]/img");
  ASSERT_TRUE(v6);
  EXPECT_EQ(v6->host, "::1");
  EXPECT_EQ(v6->port, 443);
  EXPECT_EQ(v6->hostHeader(), "[::1]");
  EXPECT_EQ(parseImageUrl("http://127.0.0.1")->target, "/");
}

TEST(UrlPolicy, RefusesWhatIsNotAPlainHttpUrl) {
  EXPECT_FALSE(parseImageUrl("file:///etc/passwd"));
  EXPECT_FALSE(parseImageUrl("ftp://127.0.0.1/x"));
  EXPECT_FALSE(parseImageUrl("http://user:pw@127.0.0.1/x"));
  EXPECT_FALSE(parseImageUrl("http://127.0.0.1:0/x"));
  EXPECT_FALSE(parseImageUrl("http://127.0.0.1:99999/x"));
  EXPECT_FALSE(parseImageUrl("http:///x"));
  EXPECT_FALSE(parseImageUrl("not a url"));
}

TEST(UrlPolicy, DefaultAllowsOnlyLoopback) {
  EXPECT_TRUE(allowedAddresses("127.0.0.1", {}));
  EXPECT_TRUE(allowedAddresses("127.9.9.9", {}));
  EXPECT_TRUE(allowedAddresses("localhost", {}));
  // Names are not looked up at all under the default policy, and other addresses are refused.
  EXPECT_FALSE(allowedAddresses("example.invalid", {}));
  EXPECT_FALSE(allowedAddresses("10.1.2.3", {}));
  EXPECT_FALSE(allowedAddresses("169.254.169.254", {}));
  EXPECT_FALSE(allowedAddresses("::ffff:10.0.0.1", {}));
}

TEST(UrlPolicy, AnExplicitListReplacesTheDefault) {
  const std::vector<std::string> only = {"127.0.0.1"};
  ASSERT_TRUE(allowedAddresses("127.0.0.1", only));
  EXPECT_EQ(allowedAddresses("127.0.0.1", only)->front(), "127.0.0.1");
  EXPECT_FALSE(allowedAddresses("127.0.0.2", only));
  EXPECT_FALSE(allowedAddresses("localhost", only));
  EXPECT_TRUE(allowedAddresses("127.0.0.2", {"*"}));
}

}  // namespace
}  // namespace cvmock::server
