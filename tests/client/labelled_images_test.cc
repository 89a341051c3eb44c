// Labelled detection images read from disk in cvmock-fixtures --detection's layout: which files count, the regions,
// and the errors that name the file.
#include "client/cvctl/labelled_images.h"

#include <gtest/gtest.h>

#include <fstream>

#include "client/cvctl/command_line.h"
#include "tests/support/temp_dir.h"

namespace cvmock::cvctl {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

TEST(LabelledImages, EachImageWithItsJsonInNameOrder) {
  cvmock::testing::TempDir dir;
  write(dir.path() / "scene_002.jpg", "jpeg");
  write(dir.path() / "scene_002.json",
        R"({"image": "scene_002.jpg", "width": 640, "height": 480, "regions": [
             {"tagName": "square", "left": 0.5, "top": 0.25, "width": 0.125, "height": 0.2}]})");
  write(dir.path() / "scene_001.PNG", "png");
  write(dir.path() / "scene_001.json",
        R"({"regions": [{"tagName": "circle", "left": 0.1, "top": 0.2, "width": 0.3, "height": 0.4},
                        {"tagName": "square", "left": 0, "top": 0, "width": 1, "height": 1}]})");
  write(dir.path() / "unlabelled.jpg", "jpeg");
  write(dir.path() / "notes.json", "{}");

  const std::vector<LabelledImage> images = labelledImagesIn(dir.path());
  ASSERT_EQ(images.size(), 2u);
  EXPECT_EQ(images[0].path.filename(), "scene_001.PNG");
  ASSERT_EQ(images[0].regions.size(), 2u);
  EXPECT_EQ(images[0].regions[0].tagName, "circle");
  EXPECT_DOUBLE_EQ(images[0].regions[0].box.left, 0.1);
  EXPECT_DOUBLE_EQ(images[0].regions[0].box.top, 0.2);
  EXPECT_DOUBLE_EQ(images[0].regions[0].box.width, 0.3);
  EXPECT_DOUBLE_EQ(images[0].regions[0].box.height, 0.4);
  EXPECT_EQ(images[1].path.filename(), "scene_002.jpg");
  EXPECT_EQ(tagNamesOf(images), (std::vector<std::string>{"circle", "square"}));
}

TEST(LabelledImages, ADirectoryWithoutLabelsIsAUsageError) {
  cvmock::testing::TempDir dir;
  write(dir.path() / "a.jpg", "jpeg");
  EXPECT_THROW(labelledImagesIn(dir.path()), UsageError);
  EXPECT_THROW(labelledImagesIn(dir.path() / "missing"), UsageError);
}

TEST(LabelledImages, ABrokenRegionNamesItsFile) {
  cvmock::testing::TempDir dir;
  write(dir.path() / "a.jpg", "jpeg");
  for (const std::string broken : {R"({"regions": [{"tagName": "circle", "left": 0.1}]})",
                                   R"({"regions": [{"tagName": 3, "left": 0, "top": 0, "width": 1, "height": 1}]})",
                                   R"({"image": "a.jpg"})", "not json"}) {
    write(dir.path() / "a.json", broken);
    try {
      labelledImagesIn(dir.path());
      ADD_FAILURE() << broken;
    } catch (const std::runtime_error& error) {
      EXPECT_NE(std::string(error.what()).find("a.json"), std::string::npos) << error.what();
    }
  }
}

TEST(LabelledImages, AnUploadEntryCarriesTheBytesAndTheRegionsByTagId) {
  cvmock::testing::TempDir dir;
  write(dir.path() / "a.jpg", "jpeg bytes");
  const LabelledImage image{dir.path() / "a.jpg", {{"circle", {0.1, 0.2, 0.3, 0.4}}, {"square", {0, 0, 1, 1}}}};
  const client::ImageFileCreateEntry entry = uploadEntry(image, {{"circle", "tc"}, {"square", "ts"}});
  EXPECT_EQ(entry.name, "a.jpg");
  EXPECT_EQ(entry.contents, "jpeg bytes");
  ASSERT_EQ(entry.regions.size(), 2u);
  EXPECT_EQ(entry.regions[0].tagId, "tc");
  EXPECT_DOUBLE_EQ(entry.regions[0].top, 0.2);
  EXPECT_DOUBLE_EQ(entry.regions[0].height, 0.4);
  EXPECT_EQ(entry.regions[1].tagId, "ts");
  EXPECT_THROW(uploadEntry(image, {{"circle", "tc"}}), std::out_of_range);
}

TEST(LabelledImages, IntersectionOverUnion) {
  const client::BoundingBox box{0.1, 0.1, 0.4, 0.2};
  EXPECT_DOUBLE_EQ(intersectionOverUnion(box, box), 1);
  EXPECT_DOUBLE_EQ(intersectionOverUnion(box, {0.3, 0.1, 0.4, 0.2}), 1.0 / 3);  // half of each overlaps
  EXPECT_DOUBLE_EQ(intersectionOverUnion(box, {0.2, 0.15, 0.1, 0.1}), 0.125);   // inside: 0.01 of 0.08
  EXPECT_EQ(intersectionOverUnion(box, {0.5, 0.1, 0.4, 0.2}), 0);               // touching
  EXPECT_EQ(intersectionOverUnion(box, {0.6, 0.6, 0.1, 0.1}), 0);
}

}  // namespace
}  // namespace cvmock::cvctl
