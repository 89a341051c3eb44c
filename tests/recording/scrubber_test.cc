// Scrubbing: keys become stable placeholders, the upstream host and subscription ids never reach a recording.
#include <gtest/gtest.h>

#include "mock_server/recording/scrubber.h"

namespace cvmock::recording {
namespace {

TEST(Scrubber, EachDistinctKeyGetsItsOwnPlaceholderWherever) {
  Scrubber scrubber("myres.cognitiveservices.azure.com");
  const HeaderList headers = scrubber.headers({{"Training-Key", {"aaaaaaaaaaaaaaaa"}},
                                               {"Ocp-Apim-Subscription-Key", {"bbbbbbbbbbbbbbbb"}},
                                               {"Cookie", {"session=1"}},
                                               {"User-Agent", {"sdk"}}});
  ASSERT_EQ(headers.size(), 3u);
  EXPECT_EQ(headers[0].second[0], "{key-1}");
  EXPECT_EQ(headers[1].second[0], "{key-2}");
  EXPECT_EQ(headers[2].first, "User-Agent");
  EXPECT_EQ(scrubber.headers({{"Prediction-Key", {"aaaaaaaaaaaaaaaa"}}})[0].second[0], "{key-1}");
  EXPECT_EQ(scrubber.text("echo aaaaaaaaaaaaaaaa"), "echo {key-1}");
  EXPECT_EQ(scrubber.target("/x?a=1&subscription-key=cccccccccccccccc&b=2"), "/x?a=1&subscription-key={key-3}&b=2");
}

TEST(Scrubber, UpstreamHostAndSubscriptionIdsAreReplaced) {
  Scrubber scrubber("MyRes.CognitiveServices.Azure.com");
  EXPECT_EQ(scrubber.text("https://myres.cognitiveservices.azure.com/customvision/operations/1"),
            "https://{upstream}/customvision/operations/1");
  Scrubber withPort("127.0.0.1:8443");
  EXPECT_EQ(withPort.target("/import?token=https%3A%2F%2F127.0.0.1%3A8443%2Fx"),
            "/import?token=https%3A%2F%2F%7Bupstream%7D%2Fx");
  EXPECT_EQ(scrubber.text("/subscriptions/5A3A2C1E-0000-4000-8000-000000000001/resourceGroups/g"),
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/g");
  EXPECT_EQ(scrubber.target("/publish?predictionId=%2Fsubscriptions%2F5a3a2c1e-0000-4000-8000-000000000001%2Fx"),
            "/publish?predictionId=%2Fsubscriptions%2F00000000-0000-0000-0000-000000000000%2Fx");
}

TEST(Scrubber, StorageSignaturesAreReplacedAlikeInUrlsAndInEncodedTokens) {
  Scrubber scrubber("myres.cognitiveservices.azure.com");
  EXPECT_EQ(scrubber.text(R"({"token":"https://a.blob.core.windows.net/x?sv=1&sig=ab%2Bc%3D&se=2"})"),
            R"({"token":"https://a.blob.core.windows.net/x?sv=1&sig={scrubbed}&se=2"})");
  EXPECT_EQ(scrubber.target("/import?token=https%3A%2F%2Fa%2Fx%3Fsv%3D1%26sig%3Dab%252Bc%253D%26se%3D2"),
            "/import?token=https%3A%2F%2Fa%2Fx%3Fsv%3D1%26sig%3D%7Bscrubbed%7D%26se%3D2");
  EXPECT_EQ(scrubber.text("design=1&xsig=2"), "design=1&xsig=2");
}

TEST(Scrubber, SecretHeaderNames) {
  for (const char* name : {"Training-Key", "prediction-key", "Authorization", "x-api-token", "Api-Secret"}) {
    EXPECT_TRUE(isSecretHeader(name)) << name;
  }
  for (const char* name : {"Content-Type", "User-Agent", "Accept"}) EXPECT_FALSE(isSecretHeader(name)) << name;
}

}  // namespace
}  // namespace cvmock::recording
