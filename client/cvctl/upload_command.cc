// cvctl upload (every image file of a directory, tagged with one tag), upload-regions (labelled detection images)
// and upload-urls.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>

#include "client/batch_upload.h"
#include "client/cvctl/commands.h"
#include "client/cvctl/image_files.h"
#include "client/cvctl/labelled_images.h"
#include "client/cvctl/lookup.h"
#include "client/cvctl/reports.h"
#include "client/cvctl/table.h"

namespace cvmock::cvctl {

namespace {

namespace fs = std::filesystem;

client::Tag createTagSaying(client::TrainingClient& training, const std::string& projectId, const std::string& name,
                            bool quiet) {
  client::Tag tag = training.createTag(projectId, name);
  if (!quiet) std::cout << "created tag " << tag.id << " '" << tag.name << "'\n";
  return tag;
}

client::Tag findOrCreateTag(client::TrainingClient& training, const std::string& projectId, const std::string& name,
                            bool quiet) {
  if (auto tag = findTagByName(training, projectId, name)) return *tag;
  return createTagSaying(training, projectId, name, quiet);
}

bool isAccepted(client::ImageCreateStatus status) {
  return status == client::ImageCreateStatus::OK || status == client::ImageCreateStatus::OKDuplicate;
}

// Prints the results (as JSON with --json) and returns the exit code: 1 when any image was rejected.
int report(const Settings& settings, const std::vector<client::ImageCreateResult>& results,
           const std::vector<std::string>& names) {
  if (printedAsJson(settings, results)) {
    return std::all_of(results.begin(), results.end(), [](const auto& r) { return isAccepted(r.status); }) ? 0 : 1;
  }
  size_t rejected = 0;
  for (size_t i = 0; i < results.size(); ++i) {
    if (isAccepted(results[i].status)) continue;
    ++rejected;
    std::cerr << "rejected " << (i < names.size() ? names[i] : "image " + std::to_string(i + 1)) << ": "
              << toString(results[i].status) << "\n";
  }
  if (rejected == 0) return 0;
  std::cerr << rejected << " of " << results.size() << " images were rejected\n";
  return 1;
}

}  // namespace

int runUpload(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  const fs::path directory = line.argument(1, "DIR");
  line.expectAtMost(2);
  auto tagName = line.option("tag");
  if (!tagName) throw UsageError("--tag NAME is required");

  const std::vector<fs::path> paths = imagesIn(directory);
  if (paths.empty()) throw UsageError("no jpg, jpeg, png, bmp or gif files in " + directory.string());
  std::vector<client::ImageSource> images;
  std::vector<std::string> names;
  for (const auto& path : paths) {
    images.push_back(client::ImageSource::fromFile(path));
    names.push_back(path.filename().string());
  }

  client::TrainingClient training = settings.trainingClient();
  const client::Project project = findProject(training, projectText);
  const client::Tag tag = findOrCreateTag(training, project.id, *tagName, settings.json);
  size_t shown = 0;
  client::UploadImagesOptions options{.tagIds = {tag.id}};
  if (!settings.json) {
    options.progress = [&](const client::BatchUploadProgress& progress) {
      if (progress.imagesDone == shown) return;
      shown = progress.imagesDone;
      std::cout << "uploaded " << progress.imagesDone << "/" << progress.imagesTotal << std::endl;
    };
  }
  return report(settings, client::uploadImages(training, project.id, images, options), names);
}

int runUploadRegions(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  const fs::path directory = line.argument(1, "DIR");
  line.expectAtMost(2);
  const std::vector<LabelledImage> labelled = labelledImagesIn(directory);

  client::TrainingClient training = settings.trainingClient();
  const client::Project project = findProject(training, projectText);
  std::map<std::string, std::string> tagIds;
  for (const client::Tag& tag : training.getTags(project.id)) tagIds[tag.name] = tag.id;
  for (const std::string& name : tagNamesOf(labelled)) {
    if (tagIds.count(name) == 0) tagIds[name] = createTagSaying(training, project.id, name, settings.json).id;
  }
  std::vector<client::ImageFileCreateEntry> images;
  std::vector<std::string> names;
  for (const LabelledImage& image : labelled) {
    images.push_back(uploadEntry(image, tagIds));
    names.push_back(images.back().name);
  }
  client::FilesProgress progress;
  if (!settings.json) {
    progress = [](size_t done, size_t total) { std::cout << "uploaded " << done << "/" << total << std::endl; };
  }
  return report(settings, client::uploadImageFiles(training, project.id, images, progress), names);
}

int runUploadUrls(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  line.argument(1, "URL");
  const std::vector<std::string> urls(line.positional.begin() + 1, line.positional.end());
  client::TrainingClient training = settings.trainingClient();
  const client::Project project = findProject(training, projectText);
  client::ImageUrlCreateBatch batch;
  for (const auto& url : urls) batch.images.push_back({.url = url});
  if (std::optional<std::string> tagName = line.option("tag")) {
    batch.tagIds.push_back(findOrCreateTag(training, project.id, *tagName, settings.json).id);
  }
  const int status = report(settings, training.createImagesFromUrls(project.id, batch).images, urls);
  if (status == 0 && !settings.json) std::cout << "uploaded " << urls.size() << " image(s) from URLs\n";
  return status;
}

}  // namespace cvmock::cvctl
