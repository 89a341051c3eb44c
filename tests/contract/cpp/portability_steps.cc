// Scenario steps that take things out of the project: project export -> import, iteration export -> zip, artifacts;
// then unpublish and delete the iterations.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "client/download.h"
#include "tests/contract/cpp/scenario.h"
#include "tests/contract/cpp/support.h"

namespace cvmock::contract {

namespace {

using namespace client;

std::map<std::string, int> tagCounts(TrainingClient& training, const std::string& projectId) {
  std::map<std::string, int> counts;
  for (const Tag& tag : training.getTags(projectId)) counts[tag.name] = tag.imageCount;
  return counts;
}

}  // namespace

void exportImportProject(Scenario& s) {
  CONTRACT_NEED(s, iteration1);
  CONTRACT_NEED(s, fromPrediction);
  TrainingClient training = s.target->training();
  const std::string& p = *s.projectId;
  const int total = training.getImageCount(p);
  const ProjectExport exported = training.exportProject(p);
  EXPECT_EQ(exported.imageCount, total);
  EXPECT_EQ(exported.regionCount, 0);
  // tagCount is not the number of tags: a recorded 2-tag project with one iteration said 4 (ImportExportProject).
  EXPECT_GE(exported.tagCount, 3);
  EXPECT_GE(exported.iterationCount, 1);
  EXPECT_FALSE(exported.token.empty());

  static std::mt19937 random{std::random_device{}()};
  const std::string name = "contract-cpp-import-" + std::to_string(random() % 100000000);
  const Project imported = training.importProject(exported.token, name);
  s.importedProjectId = imported.id;
  EXPECT_NE(imported.id, p);
  EXPECT_EQ(imported.name, name);
  EXPECT_TRUE(imported.status == ProjectStatus::Importing || imported.status == ProjectStatus::Succeeded);
  poll(
      "the import to succeed",
      [&]() -> std::optional<bool> {
        const std::optional<ProjectStatus> status = training.getProject(imported.id).status;
        if (status == ProjectStatus::Failed) throw std::runtime_error("the import failed");
        return status == ProjectStatus::Succeeded ? std::optional(true) : std::nullopt;
      },
      s.target->pollInterval, std::chrono::seconds(120));
  EXPECT_EQ(training.getProject(imported.id).settings.domainId, training.getProject(p).settings.domainId);
  EXPECT_EQ(tagCounts(training, imported.id), tagCounts(training, p));
  EXPECT_EQ(training.getImageCount(imported.id), total);
  EXPECT_EQ(training.getUntaggedImageCount(imported.id), static_cast<int>(s.untagged->size()));
  EXPECT_EQ(static_cast<int>(training.getIterations(imported.id).size()), exported.iterationCount);
  const std::vector<Image> circles = training.getImages(imported.id, {.filter = "shape eq 'circle'"});
  EXPECT_EQ(circles.size(), s.imageIds->at("circle").size());
  for (const Image& image : circles) {
    EXPECT_EQ(image.metadata.value_or(std::map<std::string, std::string>{})["source"], "data");
  }
}

void exportIteration(Scenario& s) {
  CONTRACT_NEED(s, iteration1);
  TrainingClient training = s.target->training();
  const std::string& p = *s.projectId;
  const std::string& it = *s.iteration1;
  EXPECT_TRUE(training.getIteration(p, it).exportable) << "a compact domain's iteration is exportable";
  const Export started = training.exportIteration(p, it, ExportPlatform::TensorFlow);
  EXPECT_EQ(started.platform, ExportPlatform::TensorFlow);
  EXPECT_EQ(started.status, ExportStatus::Exporting);
  const Export done = poll(
      "the export to be Done",
      [&]() -> std::optional<Export> {
        std::vector<Export> mine;
        for (const Export& e : training.getExports(p, it)) {
          if (e.platform == ExportPlatform::TensorFlow) mine.push_back(e);
        }
        if (mine.size() != 1) throw std::runtime_error("GetExports lists the export once");
        if (mine[0].status == ExportStatus::Failed) throw std::runtime_error("the export failed");
        return mine[0].status == ExportStatus::Done ? std::optional(mine[0]) : std::nullopt;
      },
      s.target->pollInterval, std::chrono::seconds(120));
  EXPECT_FALSE(done.newerVersionAvailable);
  ASSERT_TRUE(done.downloadUri.has_value());
  std::string zip;
  download(*done.downloadUri, {[&] { zip.clear(); }, [&](const char* data, std::size_t size) {
                                 zip.append(data, size);
                                 return true;
                               }});
  EXPECT_EQ(zip.substr(0, 4), "PK\x03\x04") << "the download is a zip";
}

void artifact(Scenario& s) {
  CONTRACT_NEED(s, imageIds);
  TrainingClient training = s.target->training();
  const std::vector<Image> images = training.getImagesByIds(*s.projectId, {s.imageIds->at("circle").at(0)});
  ASSERT_EQ(images.size(), 1u);
  const std::string bytes = training.getArtifact(*s.projectId, artifactPath(images[0].originalImageUri));
  EXPECT_TRUE(isImage(bytes)) << "an image came back";
}

void unpublishAndDeleteIterations(Scenario& s) {
  CONTRACT_NEED(s, publishName);
  CONTRACT_NEED(s, iteration2);
  TrainingClient training = s.target->training();
  PredictionClient prediction = s.target->prediction();
  const std::string& p = *s.projectId;
  training.unpublishIteration(p, *s.iteration1);
  EXPECT_FALSE(training.getIteration(p, *s.iteration1).publishName.has_value());
  const std::string image = s.images->data(s.images->file("circle", 0));
  poll(
      "the unpublished name to stop answering",
      [&]() -> std::optional<bool> {
        try {
          prediction.classifyImage(p, *s.publishName, image);
        } catch (const CustomVisionError& error) {
          if (error.status() == 404 && error.code() == "NotFoundIteration") return true;
          throw;
        }
        return std::nullopt;
      },
      s.target->pollInterval, std::chrono::seconds(60), s.target->real);
  for (const std::string& iterationId : {*s.iteration1, *s.iteration2}) {
    training.deleteIteration(p, iterationId);
    expectError([&] { training.getIteration(p, iterationId); }, 404, "NotFoundIteration");
  }
  EXPECT_TRUE(training.getIterations(p).empty());
}

}  // namespace cvmock::contract
