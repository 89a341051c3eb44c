// Regions on object-detection images, called on the service itself: uploads with regions, CreateImageRegions'
// checks and lists, DeleteImageRegions, proposals, and images labelled by regions counting as tagged.
#include "fixtures/detection_scenes.h"
#include "tests/service/service_fixture.h"

namespace cvmock::server::testing {
namespace {

constexpr char kGeneralDetection[] = "da2e3a8a-40a5-4171-82f4-58522f70fbc1";

class RegionRules : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    projectId = service->projects().createProject({"d", std::nullopt, kGeneralDetection, std::nullopt, {}}).id;
    circle = service->tags().createTag(projectId, {"circle", std::nullopt, std::nullopt}).tag.id;
    square = service->tags().createTag(projectId, {"square", std::nullopt, std::nullopt}).tag.id;
    scenes = fixtures::generateDetectionScenes({.classes = {"circle"}, .images = 2, .width = 160, .height = 120});
  }

  // Uploads scene i with the given regions; returns the stored image's id.
  std::string upload(std::size_t i, std::vector<RegionLabel> regions) {
    ImageUpload entry{scenes[i].fileName, scenes[i].bytes, {}, {}, std::nullopt, std::move(regions)};
    const ImageCreateSummaryView summary = service->images().createImages(projectId, {entry});
    EXPECT_TRUE(summary.isBatchSuccessful);
    return summary.images.at(0).image->image.id;
  }

  std::vector<ImageRegionRecord> regionsOf(const std::string& imageId) {
    return service->images().getImagesByIds(projectId, {imageId}).at(0).image.regions;
  }

  std::string projectId, circle, square;
  std::vector<fixtures::DetectionScene> scenes;
};

TEST_F(RegionRules, UploadedRegionsAreKeptAndLabelTheImage) {
  const std::string imageId = upload(0, {{circle, {0.1f, 0.2f, 0.3f, 0.4f}}, {square, {0.5f, 0.5f, 0.5f, 0.5f}}});
  upload(1, {});
  const ImageView view = service->images().getImagesByIds(projectId, {imageId}).at(0);
  ASSERT_EQ(view.image.regions.size(), 2u);
  EXPECT_FALSE(view.image.regions[0].regionId.empty());
  EXPECT_NE(view.image.regions[0].regionId, view.image.regions[1].regionId);
  EXPECT_EQ(view.image.regions[0].created, kFixedTime);
  EXPECT_EQ(view.image.regions[0].box.height, 0.4f);
  EXPECT_EQ(view.regionTagNames, (std::vector<std::string>{"circle", "square"}));

  EXPECT_EQ(service->images().countImages(projectId, {.taggingStatus = TaggingStatus::Tagged}), 1);
  EXPECT_EQ(service->images().countImages(projectId, {.taggingStatus = TaggingStatus::Untagged}), 1);
  EXPECT_EQ(service->images().countImages(projectId, {.tagIds = {square}}), 1);
  EXPECT_EQ(service->tags().getTag(projectId, circle, std::nullopt).imageCount, 1);
}

TEST_F(RegionRules, UploadedRegionsAreChecked) {
  const auto uploadWith = [&](RegionLabel region) {
    return errorCodeOf([&] {
      service->images().createImages(projectId, {{"x", scenes[0].bytes, {}, {}, std::nullopt, {region}}});
    });
  };
  EXPECT_EQ(uploadWith({circle, {0.8f, 0.1f, 0.3f, 0.1f}}), "BadRequestImageRegions");
  EXPECT_EQ(uploadWith({circle, {0.1f, 0.1f, 0.0f, 0.1f}}), "BadRequestImageRegions");
  EXPECT_EQ(uploadWith({"00000000-0000-0000-0000-0000000000ff", {0.1f, 0.1f, 0.1f, 0.1f}}), "NotFoundTag");
  EXPECT_EQ(service->images().countImages(projectId, {}), 0);

  std::vector<RegionLabel> tooMany(301, {circle, {0.1f, 0.1f, 0.1f, 0.1f}});
  const ImageCreateSummaryView summary =
      service->images().createImages(projectId, {{"x", scenes[0].bytes, {}, {}, std::nullopt, tooMany}});
  EXPECT_EQ(summary.images.at(0).status, ImageCreateStatus::ErrorRegionLimitExceed);
  EXPECT_FALSE(summary.isBatchSuccessful);

  const std::string classifier = service->projects().createProject({"c", std::nullopt, std::nullopt, std::nullopt, {}}).id;
  const std::string tag = service->tags().createTag(classifier, {"t", std::nullopt, std::nullopt}).tag.id;
  EXPECT_EQ(errorCodeOf([&] {
              service->images().createImages(classifier,
                                             {{"x", scenes[0].bytes, {}, {}, std::nullopt, {{tag, {0, 0, 1, 1}}}}});
            }),
            "BadRequestImageRegions");
}

TEST_F(RegionRules, CreateImageRegionsSortsEachEntryIntoOneList) {
  const std::string imageId = upload(0, {});
  const std::uint64_t revision = service->projects().getProject(projectId).revision;
  const RegionCreateSummaryView first = service->regions().createImageRegions(
      projectId, {{imageId, {circle, {0.1f, 0.1f, 0.2f, 0.2f}}}, {imageId, {circle, {0.1f, 0.1f, 0.2f, 0.2f}}},
                  {imageId, {square, {0.1f, 0.1f, 0.2f, 0.2f}}}});
  ASSERT_EQ(first.created.size(), 2u);
  EXPECT_EQ(first.duplicated.size(), 1u);  // the same tag on the same box, given twice
  EXPECT_EQ(first.created[1].tagName, "square");
  EXPECT_EQ(regionsOf(imageId).size(), 2u);
  EXPECT_GT(service->projects().getProject(projectId).revision, revision);

  // Fill the image to its limit, then one more is exceeded.
  for (int batch = 0; batch < 5; ++batch) {
    std::vector<RegionCreate> entries;
    for (int k = 0; k < 64 && 2 + batch * 64 + k < 300; ++k) {
      const float left = static_cast<float>(batch * 64 + k) / 1000.0f;
      entries.push_back({imageId, {circle, {left, 0.5f, 0.1f, 0.1f}}});
    }
    EXPECT_TRUE(service->regions().createImageRegions(projectId, entries).allCreated());
  }
  EXPECT_EQ(regionsOf(imageId).size(), 300u);
  const RegionCreateSummaryView over =
      service->regions().createImageRegions(projectId, {{imageId, {square, {0.7f, 0.7f, 0.1f, 0.1f}}}});
  EXPECT_TRUE(over.created.empty());
  EXPECT_EQ(over.exceeded.size(), 1u);
}

TEST_F(RegionRules, CreateImageRegionsChecksTheWholeBatchFirst) {
  const std::string imageId = upload(0, {});
  const auto create = [&](std::vector<RegionCreate> entries) {
    return errorCodeOf([&] { service->regions().createImageRegions(projectId, entries); });
  };
  const RegionCreate good{imageId, {circle, {0.1f, 0.1f, 0.2f, 0.2f}}};
  EXPECT_EQ(create({good, {imageId, {circle, {-0.1f, 0.1f, 0.2f, 0.2f}}}}), "BadRequestImageRegions");
  EXPECT_EQ(create({good, {imageId, {circle, {0.1f, 0.1f, 0.2f, -0.2f}}}}), "BadRequestImageRegions");
  EXPECT_EQ(create({good, {imageId, {"00000000-0000-0000-0000-0000000000ff", {0.1f, 0.1f, 0.2f, 0.2f}}}}),
            "NotFoundTag");
  EXPECT_EQ(create({good, {"00000000-0000-0000-0000-0000000000ff", {circle, {0.1f, 0.1f, 0.2f, 0.2f}}}}),
            "NotFoundImage");
  EXPECT_EQ(create(std::vector<RegionCreate>(65, good)), "BadRequestExceededBatchSize");
  EXPECT_EQ(create({}), "BadRequestRequiredParamIsNull");
  EXPECT_TRUE(regionsOf(imageId).empty());  // nothing of a refused batch was kept
}

TEST_F(RegionRules, DeleteImageRegionsRemovesOnlyTheListed) {
  const std::string imageId = upload(0, {{circle, {0.1f, 0.2f, 0.3f, 0.4f}}, {square, {0.5f, 0.5f, 0.5f, 0.5f}}});
  const std::string doomed = regionsOf(imageId)[0].regionId;
  service->regions().deleteImageRegions(projectId, {doomed, "00000000-0000-0000-0000-0000000000ff"});
  ASSERT_EQ(regionsOf(imageId).size(), 1u);
  EXPECT_EQ(regionsOf(imageId)[0].tagId, square);
  EXPECT_EQ(errorCodeOf([&] { service->regions().deleteImageRegions(projectId, std::vector<std::string>(65, doomed)); }),
            "BadRequestExceededBatchSize");
}

TEST_F(RegionRules, ProposalsLieInsideTheImage) {
  const std::string imageId = upload(0, {});
  const ImageRegionProposalView view = service->regions().getImageRegionProposals(projectId, imageId);
  EXPECT_EQ(view.imageId, imageId);
  ASSERT_FALSE(view.proposals.empty());
  for (const RegionProposalView& p : view.proposals) EXPECT_NO_THROW(checkRegionBox(p.box));
  EXPECT_EQ(errorCodeOf([&] {
              service->regions().getImageRegionProposals(projectId, "00000000-0000-0000-0000-0000000000ff");
            }),
            "NotFoundImage");
}

TEST_F(RegionRules, AClassifierRefusesRegionOperations) {
  const std::string classifier = service->projects().createProject({"c", std::nullopt, std::nullopt, std::nullopt, {}}).id;
  EXPECT_EQ(errorCodeOf([&] { service->regions().deleteImageRegions(classifier, {"x"}); }), "BadRequestNotSupported");
  EXPECT_EQ(errorCodeOf([&] { service->regions().createImageRegions(classifier, {}); }), "BadRequestNotSupported");
}

}  // namespace
}  // namespace cvmock::server::testing
