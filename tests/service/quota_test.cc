// The tier quotas, called on the service itself.
#include "tests/service/service_fixture.h"

namespace cvmock::server::testing {
namespace {

class Quotas : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceOptions options;
    options.simulation.tier = *simulation::tierProfile("F0");
    options.simulation.tier.tagsPerProject = 3;
    options.simulation.tier.imagesPerProject = 4;
    start(options);
  }
};

TEST_F(Quotas, ProjectsPerSubscription) {
  service->projects().createProject({"one", {}, {}, {}, {}});
  service->projects().createProject({"two", {}, {}, {}, {}});
  EXPECT_EQ(errorCodeOf([&] { service->projects().createProject({"three", {}, {}, {}, {}}); }),
            "BadRequestExceedProjectLimit");
}

TEST_F(Quotas, TagsPerProject) {
  const std::string projectId = service->projects().createProject({"p", {}, {}, {}, {}}).id;
  for (const char* name : {"a", "b", "c"}) service->tags().createTag(projectId, {name, {}, {}});
  EXPECT_EQ(errorCodeOf([&] { service->tags().createTag(projectId, {"d", {}, {}}); }),
            "BadRequestExceedTagPerProjectLimit");
}

TEST_F(Quotas, ImagesPerProjectRefuseTheWholeBatch) {
  const std::string projectId = service->projects().createProject({"p", {}, {}, {}, {}}).id;
  std::vector<ImageUpload> uploads;
  for (const fixtures::FixtureImage& image : fixtures::generateFixtureSet({{"circle"}, 5, 64, 64, 3})) {
    uploads.push_back({image.fileName, image.bytes, {}, {}, std::nullopt, {}});
  }
  EXPECT_EQ(errorCodeOf([&] { service->images().createImages(projectId, uploads); }), "BadRequestImageExceededCount");
  EXPECT_EQ(service->images().countImages(projectId, {}), 0);
  uploads.pop_back();
  EXPECT_TRUE(service->images().createImages(projectId, uploads).isBatchSuccessful);
  EXPECT_EQ(service->images().countImages(projectId, {}), 4);
}

}  // namespace
}  // namespace cvmock::server::testing
