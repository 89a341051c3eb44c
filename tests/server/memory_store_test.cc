// MemoryStore: ordering, cascades and copies.
#include <gtest/gtest.h>

#include "mock_server/memory_store.h"

namespace cvmock::server {
namespace {

ProjectRecord projectNamed(const std::string& id) {
  ProjectRecord project;
  project.id = id;
  project.name = id;
  return project;
}

NewImage imageOf(const std::string& projectId, const std::string& id, std::vector<std::string> tagIds = {}) {
  NewImage image;
  image.record.id = id;
  image.record.projectId = projectId;
  for (std::string& tagId : tagIds) image.record.tags.push_back({tagId, now()});
  image.bytes = "bytes-" + id;
  image.features = {1.0f, 2.0f};
  return image;
}

TEST(MemoryStore, KeepsCreationOrder) {
  MemoryStore store;
  store.putProject(projectNamed("b"));
  store.putProject(projectNamed("a"));
  store.putProject(projectNamed("b"));  // replacing keeps the place
  ASSERT_EQ(store.projects().size(), 2u);
  EXPECT_EQ(store.projects()[0].id, "b");
  store.addImages({imageOf("a", "i2"), imageOf("a", "i1")});
  EXPECT_EQ(store.images("a")[0].id, "i2");
}

TEST(MemoryStore, ErasingATagUntagsItsImages) {
  MemoryStore store;
  store.putProject(projectNamed("p"));
  store.putTag({"t", "p", "tag", std::nullopt, TagType::Regular});
  store.addImages({imageOf("p", "i", {"t"})});
  store.eraseTag("p", "t");
  EXPECT_TRUE(store.tags("p").empty());
  EXPECT_TRUE(store.image("p", "i")->tags.empty());
}

TEST(MemoryStore, ErasingAProjectErasesWhatItOwns) {
  MemoryStore store;
  store.putProject(projectNamed("p"));
  store.addImages({imageOf("p", "i")});
  store.eraseProject("p");
  EXPECT_FALSE(store.project("p"));
  EXPECT_FALSE(store.imageBytes("p", "i"));
  store.putProject(projectNamed("p"));
  EXPECT_TRUE(store.images("p").empty());
}

TEST(MemoryStore, ImageBytesAndFeaturesByIdAfterDeletes) {
  MemoryStore store;
  store.putProject(projectNamed("p"));
  store.addImages({imageOf("p", "i1"), imageOf("p", "i2"), imageOf("p", "i3")});
  store.eraseImages("p", {"i1"});
  EXPECT_EQ(store.imageBytes("p", "i3"), "bytes-i3");
  const auto features = store.imageFeatures("p", {"i3", "i1"});
  EXPECT_EQ(features[0].size(), 2u);
  EXPECT_TRUE(features[1].empty());
}

}  // namespace
}  // namespace cvmock::server
