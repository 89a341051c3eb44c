// The structural diff under the verify table: what it reports, where, and what the table lets pass.
#include <fstream>

#include <gtest/gtest.h>

#include "mock_server/recording/exchange_compare.h"
#include "mock_server/recording/value_shape.h"
#include "tests/support/temp_dir.h"

namespace cvmock::recording {
namespace {

const IdPools kNoPools;
constexpr char kRecordedA[] = "11111111-1111-1111-1111-111111111111";
constexpr char kRecordedB[] = "22222222-2222-2222-2222-222222222222";
constexpr char kLiveA[] = "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa";
constexpr char kLiveB[] = "bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb";

struct Compared {
  std::vector<Difference> differences;
  std::string at(const std::string& where) const {
    for (const Difference& difference : differences) {
      if (difference.where() == where) return difference.message;
    }
    return "(no difference at " + where + ")";
  }
};

Compared compare(const std::string& recorded, const std::string& live, int recordedStatus = 200, int liveStatus = 200,
                 HeaderList recordedHeaders = {}, HeaderList liveHeaders = {}, bool lengthsKnown = true,
                 const VerifyTable& table = VerifyTable::builtin()) {
  IdMap ids(kNoPools, {"ee85a74c-405e-4adc-bb47-ffa8ca0c9f31"});
  RecordedResponse response{recordedStatus, std::move(recordedHeaders), {}};
  LiveAnswer answer{liveStatus, std::move(liveHeaders), live};
  return {compareExchange(response, recorded, answer, {"c", 1, "GET /x"}, table, ids, lengthsKnown)};
}

TEST(Compare, IdenticalBodiesAgree) {
  EXPECT_TRUE(compare(R"({"a":[1,2],"b":{"c":"x"}})", R"({"b":{"c":"x"},"a":[1,2]})").differences.empty());
}

TEST(Compare, RenamedFieldIsMissingAndExtra) {
  const Compared c = compare(R"({"name":"n"})", R"({"displayName":"n"})");
  EXPECT_EQ(c.at("$.name"), "absent, recorded string \"n\"");
  EXPECT_EQ(c.at("$.displayName"), "string \"n\", absent in the recording");
}

TEST(Compare, NullAndAbsentDiffer) {
  EXPECT_EQ(compare(R"({"trainedAt":null})", R"({})").at("$.trainedAt"), "absent, recorded null");
  EXPECT_EQ(compare(R"({"a":null})", R"({"a":"x"})").at("$.a"), "string \"x\", recorded null");
}

TEST(Compare, ValuesAndEnumsAreComparedOutsideTheTable) {
  EXPECT_EQ(compare(R"({"status":"Completed"})", R"({"status":"Training"})").at("$.status"),
            "\"Training\", recorded \"Completed\"");
  EXPECT_TRUE(compare(R"({"n":1.0})", R"({"n":1})").differences.empty()) << ".NET's 1.0 is JSON's 1";
}

TEST(Compare, TimestampsByFormatOnly) {
  EXPECT_TRUE(compare(R"({"created":"2020-11-06T16:37:26.593Z"})", R"({"created":"2024-01-01T00:00:00Z"})")
                  .differences.empty());
  EXPECT_EQ(
      compare(R"({"created":"2020-11-06T16:37:26.593Z"})", R"({"created":"2020-11-06T16:37:26.593"})").at("$.created"),
      "date-time without zone \"2020-11-06T16:37:26.593\", recorded date-time with Z "
      "\"2020-11-06T16:37:26.593Z\"");
}

TEST(Compare, IdsByFormatAndThenByIdentity) {
  const std::string a = "11111111-1111-1111-1111-111111111111";
  const std::string b = "22222222-2222-2222-2222-222222222222";
  const std::string c = "33333333-3333-3333-3333-333333333333";
  IdMap ids(kNoPools, {});
  const VerifyTable table = VerifyTable::builtin();
  const auto run = [&](const std::string& recorded, const std::string& live) {
    return compareExchange({200, {}, {}}, recorded, {200, {}, live}, {"c", 1, "GET /x"}, table, ids, true);
  };
  EXPECT_TRUE(run("{\"id\":\"" + a + "\"}", "{\"id\":\"" + b + "\"}").empty()) << "learnt: a stands for b";
  const std::vector<Difference> other = run("{\"projectId\":\"" + a + "\"}", "{\"projectId\":\"" + c + "\"}");
  ASSERT_EQ(other.size(), 1u);
  EXPECT_NE(other[0].message.find("stands for \"" + b + "\""), std::string::npos) << other[0].message;
  EXPECT_EQ(run("{\"id\":\"" + a + "\"}", R"({"id":"not-a-guid"})").at(0).message,
            "text \"not-a-guid\", recorded GUID \"" + a + "\"");
}

TEST(Compare, ArrayLengthsWhenTheRecordingDeterminesThem) {
  EXPECT_EQ(compare("[1,2,3]", "[1,2]").at("$"), "2 elements, recorded 3");
  EXPECT_TRUE(compare("[1,2,3]", "[1,2]", 200, 200, {}, {}, false).differences.empty()) << "given state";
  EXPECT_EQ(compare("[1]", "[]", 200, 200, {}, {}, false).at("$"), "empty, recorded 1 elements");
}

TEST(Compare, ElementsPairByIdOrNameNotPlace) {
  const std::string general = "ee85a74c-405e-4adc-bb47-ffa8ca0c9f31";
  EXPECT_TRUE(
      compare(R"([{"name":"Tag2","n":2},{"name":"Tag1","n":1}])", R"([{"name":"Tag1","n":1},{"name":"Tag2","n":2}])")
          .differences.empty());
  const std::string recorded = "[{\"id\":\"" + general + "\",\"name\":\"General\"}]";
  const std::string live = "[{\"id\":\"00000000-0000-0000-0000-000000000001\",\"name\":\"X\"},{\"id\":\"" + general +
                           "\",\"name\":\"General\"}]";
  EXPECT_TRUE(compare(recorded, live, 200, 200, {}, {}, false).differences.empty());
}

// Regions (and a detector's boxes) share their tagId; paired by it, every element would meet the first one.
TEST(Compare, ElementsSharingAnIdPairByPlace) {
  const std::string tag = "ee85a74c-405e-4adc-bb47-ffa8ca0c9f31";
  const std::string regions =
      "[{\"tagId\":\"" + tag + "\",\"left\":0.1},{\"tagId\":\"" + tag + "\",\"left\":0.2}]";
  EXPECT_TRUE(compare(regions, regions).differences.empty());
  const std::string swapped =
      "[{\"tagId\":\"" + tag + "\",\"left\":0.2},{\"tagId\":\"" + tag + "\",\"left\":0.1}]";
  EXPECT_EQ(compare(regions, swapped).at("$[0].left"), "0.2, recorded 0.1");
}

// How many objects a detector finds (detecting, or in a quick test) is its own output; how many tags a classifier
// scores is not.
TEST(Compare, ADetectorsDetectionsAreItsOutput) {
  const auto run = [](const std::string& request, const std::string& recorded, const std::string& live) {
    IdMap ids(kNoPools, {});
    return compareExchange({200, {}, {}}, recorded, {200, {}, live}, {"c", 1, request}, VerifyTable::builtin(), ids,
                           true);
  };
  const std::string three = R"({"predictions":[{"tagName":"a"},{"tagName":"a"},{"tagName":"b"}]})";
  const std::string two = R"({"predictions":[{"tagName":"b"},{"tagName":"a"}]})";
  EXPECT_TRUE(run("POST /customvision/v3.1/prediction/p/detect/iterations/x/url", three, two).empty());
  EXPECT_TRUE(run("POST /customvision/v3.4-preview/training/projects/p/quicktest/image?iterationId=i&store=false",
                  three, two)
                  .empty());
  EXPECT_TRUE(run("POST /customvision/v3.3/training/projects/p/quicktest/url", three, two).empty());
  EXPECT_TRUE(run("POST /customvision/v3.3/training/projects/p/predictions/query",
                  R"({"results":[)" + three + "]}", R"({"results":[)" + two + "]}")
                  .empty());
  // Boxes come grouped by tag: when a tag found in the recording is not found live, the places hold other tags.
  IdMap known(kNoPools, {});
  known.learnId(kRecordedA, kLiveA);
  known.learnId(kRecordedB, kLiveB);
  const std::string both = std::string(R"({"predictions":[{"tagId":")") + kRecordedA + R"("},{"tagId":")" +
                           kRecordedB + R"("}]})";
  const std::string onlyB = std::string(R"({"predictions":[{"tagId":")") + kLiveB + R"("}]})";
  EXPECT_TRUE(compareExchange({200, {}, {}}, both, {200, {}, onlyB},
                              {"c", 1, "POST /customvision/v3.1/prediction/p/detect/iterations/x/image"},
                              VerifyTable::builtin(), known, true)
                  .empty());
  const std::vector<Difference> classified =
      run("POST /customvision/v3.1/prediction/p/classify/iterations/x/url", three, two);
  ASSERT_FALSE(classified.empty());
  EXPECT_EQ(classified.front().message, "2 elements, recorded 3");
}

TEST(Compare, StatusErrorCodeAndHeaders) {
  EXPECT_EQ(
      compare(R"({"code":"NotFoundProject","message":"a"})", R"({"code":"NotFoundIteration","message":"b"})", 404, 404)
          .at("error code"),
      "\"NotFoundIteration\", recorded \"NotFoundProject\"");
  EXPECT_EQ(compare("{}", R"({"code":"BadRequest"})", 200, 400).at("status"), "400 BadRequest, recorded 200");
  EXPECT_EQ(compare("{}", "{}", 200, 200, {{"Retry-After", {"1"}}}, {}).at("header Retry-After"),
            "absent, recorded \"1\"");
  EXPECT_TRUE(compare("{}", "{}", 200, 200, {{"Content-Type", {"application/json; charset=utf-8"}}},
                      {{"content-type", {"application/json;charset=utf-8"}}})
                  .differences.empty());
  EXPECT_EQ(compare("{}", "{}", 200, 200, {{"Content-Type", {"application/json"}}}, {{"Content-Type", {"text/plain"}}})
                .at("header Content-Type"),
            "\"text/plain\", recorded \"application/json\"");
}

TEST(Compare, TheUsersTableAcceptsAndRelaxes) {
  VerifyTable table = VerifyTable::builtin();
  const char* document = R"({"fields": [{"path": "$..width", "as": "shape", "why": "other images"}],
    "accept": [{"cassette": "c", "exchanges": [1], "path": ["$.quirk"], "why": "the service's quirk"}]})";
  testing::TempDir folder;
  std::ofstream(folder.path() / "verify.json") << document;
  table.load(folder.path() / "verify.json");
  const Compared c =
      compare(R"({"width":900,"quirk":""})", R"({"width":256,"quirk":null})", 200, 200, {}, {}, true, table);
  ASSERT_EQ(c.differences.size(), 1u);
  EXPECT_EQ(c.differences[0].where(), "$.quirk");
  EXPECT_EQ(c.differences[0].acceptedWhy, "the service's quirk");
}

TEST(ValueShape, Formats) {
  EXPECT_EQ(stringFormat("2020-11-06T16:37:27.3151279"), "date-time without zone");
  EXPECT_EQ(stringFormat("2020-11-06T16:37:27Z"), "date-time with Z");
  EXPECT_EQ(stringFormat("2020-11-06T16:37:27+01:00"), "date-time with offset");
  EXPECT_EQ(stringFormat("Fri, 06 Nov 2020 16:37:26 GMT"), "HTTP date");
  EXPECT_EQ(stringFormat("ee85a74c-405e-4adc-bb47-ffa8ca0c9f31"), "GUID");
  EXPECT_EQ(stringFormat("https://x.blob.core.windows.net/i-1/t-2?sv=1"), "URI");
  EXPECT_EQ(stringFormat("Multilabel"), "text");
}

}  // namespace
}  // namespace cvmock::recording
