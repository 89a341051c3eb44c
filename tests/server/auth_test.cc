// Key comparison and key header lookup.
#include <gtest/gtest.h>

#include "mock_server/base/text.h"
#include "mock_server/gateway/auth.h"

namespace cvmock::server {
namespace {

TEST(KeysEqual, MatchesOnlyTheSameKey) {
  EXPECT_TRUE(keysEqual("secret", "secret"));
  EXPECT_FALSE(keysEqual("secreT", "secret"));
  EXPECT_FALSE(keysEqual("secret-longer", "secret"));
  EXPECT_FALSE(keysEqual("", "secret"));
  EXPECT_FALSE(keysEqual("", ""));  // an empty configured key never opens anything
}

TEST(PresentedKey, ReadsTheApisHeaderOrTheSubscriptionHeader) {
  httplib::Request request;
  request.headers.emplace("training-key", "a");
  EXPECT_EQ(presentedKey(request, Api::Training), "a");
  EXPECT_EQ(presentedKey(request, Api::Prediction), "");
  request.headers.emplace("Ocp-Apim-Subscription-Key", "b");
  EXPECT_EQ(presentedKey(request, Api::Prediction), "b");
}

}  // namespace
}  // namespace cvmock::server
