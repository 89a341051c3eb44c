// Region proposals: they cover the labelled objects of generated scenes, are ranked, distinct and deterministic.
#include <gtest/gtest.h>

#include "tests/trainer/detection_scenes.h"
#include "trainer/decode.h"
#include "trainer/detection/proposals.h"

namespace cvmock::trainer::detection {
namespace {

const DetectorTrainingData& scenes() {
  static const DetectorTrainingData data = testing::trainingData(testing::smallScenes(20, 11));
  return data;
}

TEST(ProposeRegions, CoverTheLabelledObjects) {
  int regions = 0;
  int covered = 0;
  for (const DetectionImage& image : scenes().images) {
    const std::vector<Proposal> proposals = proposeRegions(image.bytes);
    for (const Region& region : image.regions) {
      ++regions;
      covered += std::any_of(proposals.begin(), proposals.end(), [&](const Proposal& proposal) {
        return intersectionOverUnion(proposal.box, region.box) >= 0.5f;
      });
    }
  }
  ASSERT_GT(regions, 20);
  EXPECT_GE(static_cast<double>(covered) / regions, 0.95) << covered << " of " << regions;
}

TEST(ProposeRegions, AreRankedDistinctAndInsideTheImage) {
  for (const DetectionImage& image : scenes().images) {
    const std::vector<Proposal> proposals = proposeRegions(image.bytes);
    ASSERT_FALSE(proposals.empty());
    EXPECT_LE(std::ssize(proposals), kMaxProposals);
    for (std::size_t i = 0; i < proposals.size(); ++i) {
      EXPECT_TRUE(isValidRegion(proposals[i].box));
      EXPECT_GT(proposals[i].confidence, 0.0f);
      EXPECT_LE(proposals[i].confidence, 1.0f);
      if (i > 0) {
        EXPECT_GE(proposals[i - 1].confidence, proposals[i].confidence);
      }
      for (std::size_t j = 0; j < i; ++j) EXPECT_LE(intersectionOverUnion(proposals[i].box, proposals[j].box), 0.9f);
    }
  }
}

TEST(ProposeRegions, AreTheSameForTheSameBytes) {
  const std::string& bytes = scenes().images[3].bytes;
  const std::vector<Proposal> first = proposeRegions(bytes);
  const std::vector<Proposal> second = proposeRegions(bytes);
  ASSERT_EQ(first.size(), second.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].box.left, second[i].box.left);
    EXPECT_EQ(first[i].box.width, second[i].box.width);
    EXPECT_EQ(first[i].confidence, second[i].confidence);
  }
}

TEST(ProposeRegions, RefuseBytesThatAreNotAnImage) { EXPECT_THROW(proposeRegions("not an image"), DecodeError); }

}  // namespace
}  // namespace cvmock::trainer::detection
