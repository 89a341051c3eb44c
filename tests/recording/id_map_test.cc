// Recorded ids in requests become live ones: learnt from answers, handed from the given state, domains kept.
#include <gtest/gtest.h>

#include "mock_server/recording/id_map.h"

namespace cvmock::recording {
namespace {

const std::string kProject = "aaaaaaaa-0000-0000-0000-000000000001";
const std::string kLiveProject = "bbbbbbbb-0000-0000-0000-000000000001";
const std::string kGeneral = "ee85a74c-405e-4adc-bb47-ffa8ca0c9f31";

TEST(IdMap, PathQueryAndBodyIdsFollowWhatAnswersRevealed) {
  const IdPools pools;
  IdMap ids(pools, {kGeneral});
  ids.learnId(kProject, kLiveProject);
  EXPECT_EQ(ids.liveTarget("//customvision/v3.4-preview/training/projects/" + kProject + "/tags?name=a%20b"),
            "//customvision/v3.4-preview/training/projects/" + kLiveProject + "/tags?name=a%20b");
  EXPECT_EQ(ids.liveTarget("/x?domainId=" + kGeneral), "/x?domainId=" + kGeneral) << "domains stand for themselves";
  const std::string compact = "aaaaaaaa000000000000000000000001";
  EXPECT_EQ(ids.liveTarget("/artifacts?path=i-" + compact + "%2Fi-1"),
            "/artifacts?path=i-bbbbbbbb000000000000000000000001%2Fi-1");
  EXPECT_EQ(
      ids.liveJsonBody("{\"images\":[{\"url\":\"https://example.com/a.jpg\"}],\"projectId\":\"" + kProject + "\"}",
                       [](const std::string& url) { return "http://127.0.0.1:1/" + url.substr(8); }),
      "{\"images\":[{\"url\":\"http://127.0.0.1:1/example.com/a.jpg\"}],\"projectId\":\"" + kLiveProject + "\"}");
  EXPECT_EQ(ids.liveJsonBody("{\r\n  \"name\": \"unchanged\"\r\n}", nullptr), "{\r\n  \"name\": \"unchanged\"\r\n}");
}

TEST(IdMap, UnrevealedIdsAreHandedFromTheGivenStateInTurn) {
  IdPools pools = {{"tag", {"t1", "t2"}}, {"project", {"p1"}}};
  IdMap ids(pools, {});
  const std::string a = "aaaaaaaa-0000-0000-0000-00000000000a";
  const std::string b = "aaaaaaaa-0000-0000-0000-00000000000b";
  EXPECT_EQ(ids.liveTarget("/projects/" + kProject + "/images?tagIds=" + a + "%2C" + b),
            "/projects/p1/images?tagIds=t1%2Ct2");
  EXPECT_EQ(ids.counterpart(a), "t1");
  EXPECT_FALSE(ids.identity(a)) << "a handed-out id is a guess, not an identity to hold cvmock to";
  pools["image"].push_back("i1");  // the given state adds an image between two exchanges
  EXPECT_EQ(ids.liveTarget("/images?imageIds=" + kGeneral), "/images?imageIds=i1");
}

TEST(IdMap, OpaqueValuesLearntFromAnswersAreSentBack) {
  const IdPools pools;
  IdMap ids(pools, {});
  ids.learnValue("https://storage/export?sig=a%2Bb", "cvmock-token");
  EXPECT_EQ(ids.liveTarget("/projects/import?token=https%3A%2F%2Fstorage%2Fexport%3Fsig%3Da%252Bb"),
            "/projects/import?token=cvmock-token");
}

}  // namespace
}  // namespace cvmock::recording
