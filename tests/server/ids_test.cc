// Seeded GUIDs and GUID parsing.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "mock_server/base/ids.h"

namespace cvmock::server {
namespace {

TEST(IdGenerator, SameSeedSameSequence) {
  IdGenerator a(7), b(7), c(8);
  const std::string first = a.next();
  EXPECT_EQ(first, b.next());
  EXPECT_NE(first, c.next());
  EXPECT_NE(first, a.next());
}

TEST(IdGenerator, WritesLowerCaseVersion4Guids) {
  IdGenerator ids(1);
  const std::regex guid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  for (int i = 0; i < 100; ++i) EXPECT_TRUE(std::regex_match(ids.next(), guid));
}

TEST(NormaliseGuid, AcceptsTheUsualSpellings) {
  const std::string canonical = "8a32ea60-1c53-43c3-8113-d0b1f470fbdb";
  EXPECT_EQ(normaliseGuid(canonical), canonical);
  EXPECT_EQ(normaliseGuid("8A32EA60-1C53-43C3-8113-D0B1F470FBDB"), canonical);
  EXPECT_EQ(normaliseGuid("8a32ea601c5343c38113d0b1f470fbdb"), canonical);
  EXPECT_EQ(normaliseGuid("{8a32ea60-1c53-43c3-8113-d0b1f470fbdb}"), canonical);
}

TEST(NormaliseGuid, RejectsEverythingElse) {
  EXPECT_EQ(normaliseGuid(""), std::nullopt);
  EXPECT_EQ(normaliseGuid("not-a-guid"), std::nullopt);
  EXPECT_EQ(normaliseGuid("8a32ea60-1c53-43c3-8113-d0b1f470fbd"), std::nullopt);
  EXPECT_EQ(normaliseGuid("8a32ea6-01c53-43c3-8113-d0b1f470fbdb"), std::nullopt);
  EXPECT_EQ(normaliseGuid("8a32ea60-1c53-43c3-8113-d0b1f470fbdz"), std::nullopt);
}

TEST(CompactGuid, DropsHyphens) {
  EXPECT_EQ(compactGuid("8a32ea60-1c53-43c3-8113-d0b1f470fbdb"), "8a32ea601c5343c38113d0b1f470fbdb");
}

TEST(Ids, ARestartDrawsFromAFreshStream) {
  EXPECT_EQ(restartSeed(7, 0), 7u);  // fresh state: the run is reproducible from the seed alone
  IdGenerator first(restartSeed(7, 0)), second(restartSeed(7, 1)), third(restartSeed(7, 2));
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    seen.insert(first.next());
    seen.insert(second.next());
    seen.insert(third.next());
  }
  EXPECT_EQ(seen.size(), 300u);
}

}  // namespace
}  // namespace cvmock::server
