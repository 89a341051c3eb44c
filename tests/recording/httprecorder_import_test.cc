// HttpRecorder sessions become cassettes without losing a field.
#include <fstream>

#include <gtest/gtest.h>

#include "mock_server/recording/base64_text.h"
#include "mock_server/recording/httprecorder_import.h"
#include "tests/support/temp_dir.h"

namespace cvmock::recording {
namespace {

TEST(HttpRecorderImport, KeepsEveryField) {
  testing::TempDir folder;
  const Json session = {
      {"Entries",
       {{{"RequestUri", "//customvision/v3.4-preview/training/projects?name=a"},
         {"EncodedRequestUri", "Ly9jdXN0b212aXNpb24vdjMuNC1wcmV2aWV3L3RyYWluaW5nL3Byb2plY3RzP25hbWU9YQ=="},
         {"RequestMethod", "POST"},
         {"RequestBody", ""},
         {"RequestHeaders", {{"Training-Key", {""}}}},
         {"ResponseBody", "{\r\n  \"id\": \"x\"\r\n}"},
         {"ResponseHeaders", {{"Content-Type", {"application/json; charset=utf-8"}}}},
         {"StatusCode", 200},
         {"SomethingNew", 7}},
        {{"RequestUri", "/p/image"},
         {"EncodedRequestUri", "not the base64 of the URI"},
         {"RequestMethod", "POST"},
         {"RequestBody", "AAEC/w=="},
         {"RequestHeaders", {{"Content-Type", {"application/octet-stream"}}}},
         {"ResponseBody", ""},
         {"ResponseHeaders", Json::object()},
         {"StatusCode", 204}}}},
      {"Names", Json::object()},
      {"Variables", {{"SubscriptionId", "x"}}}};
  std::ofstream(folder.path() / "session.json") << "\xef\xbb\xbf" << session.dump(2);
  BodyStore store(folder.path(), folder.path());
  const Cassette cassette = importHttpRecorder(folder.path() / "session.json", "session.json", store);
  EXPECT_EQ(cassette.header.origin, "session.json");
  EXPECT_EQ(cassette.header.extra, Json({{"Names", Json::object()}, {"Variables", {{"SubscriptionId", "x"}}}}));
  ASSERT_EQ(cassette.exchanges.size(), 2u);
  const Exchange& first = cassette.exchanges[0];
  EXPECT_EQ(first.request.target, "//customvision/v3.4-preview/training/projects?name=a");
  EXPECT_EQ(first.request.body.kind, Body::Kind::None);
  EXPECT_EQ(first.response.body.text, "{\r\n  \"id\": \"x\"\r\n}");
  EXPECT_EQ(first.extra, Json({{"SomethingNew", 7}})) << "EncodedRequestUri is the URI's base64: derived, not kept";
  const Exchange& second = cassette.exchanges[1];
  EXPECT_EQ(second.extra["EncodedRequestUri"], "not the base64 of the URI");
  ASSERT_EQ(second.request.body.kind, Body::Kind::File);
  EXPECT_EQ(bodyBytes(second.request.body, folder.path()), std::string("\x00\x01\x02\xff", 4));
}

TEST(HttpRecorderImport, Base64AsTheRecorderWritesIt) {
  for (const std::string& bytes : {std::string(), std::string("f"), std::string("fo"), std::string("foo"),
                                  std::string("\xff\xfe\x00", 3)}) {
    EXPECT_EQ(decodeBase64Text(encodeBase64Text(bytes)), bytes);
  }
  EXPECT_EQ(encodeBase64Text("fo"), "Zm8=");
  EXPECT_FALSE(decodeBase64Text("Zm8"));
  EXPECT_FALSE(decodeBase64Text("Zm8*"));
  EXPECT_FALSE(decodeBase64Text("Zm 8"));
}

TEST(HttpRecorderImport, RefusesWhatIsNotASession) {
  testing::TempDir folder;
  BodyStore store(folder.path(), folder.path());
  std::ofstream(folder.path() / "a.json") << R"({"Entries": [{"RequestMethod": "GET"}]})";
  try {
    importHttpRecorder(folder.path() / "a.json", "a.json", store);
    FAIL();
  } catch (const RecordingError& error) {
    EXPECT_NE(std::string(error.what()).find("a.json (entry 1): RequestUri is missing"), std::string::npos)
        << error.what();
  }
  std::ofstream(folder.path() / "b.json") << R"({"something": "else"})";
  EXPECT_THROW(importHttpRecorder(folder.path() / "b.json", "b.json", store), RecordingError);
}

}  // namespace
}  // namespace cvmock::recording
