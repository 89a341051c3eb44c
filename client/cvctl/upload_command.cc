// cvctl upload (every image file of a directory, tagged with one tag) and upload-urls.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <set>

#include "client/batch_upload.h"
#include "client/cvctl/commands.h"
#include "client/cvctl/lookup.h"
#include "client/cvctl/reports.h"
#include "client/cvctl/table.h"

namespace cvmock::cvctl {

namespace {

namespace fs = std::filesystem;

// The formats Custom Vision accepts for training images.
bool isImageFile(const fs::path& path) {
  static const std::set<std::string> kExtensions = {".jpg", ".jpeg", ".png", ".bmp", ".gif"};
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return kExtensions.count(extension) > 0;
}

// Sorted by name so repeated uploads go in the same order.
std::vector<fs::path> imagesIn(const fs::path& directory) {
  if (!fs::is_directory(directory)) throw UsageError(directory.string() + " is not a directory");
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(directory)) {
    if (entry.is_regular_file() && isImageFile(entry.path())) paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

client::Tag findOrCreateTag(client::TrainingClient& training, const std::string& projectId, const std::string& name,
                            bool quiet) {
  if (auto tag = findTagByName(training, projectId, name)) return *tag;
  auto tag = training.createTag(projectId, name);
  if (!quiet) std::cout << "created tag " << tag.id << " '" << tag.name << "'\n";
  return tag;
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
