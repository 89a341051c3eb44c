// cvctl upload: every image file of a directory, tagged with one tag.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "client/cvctl/commands.h"
#include "client/cvctl/lookup.h"
#include "client/cvctl/upload_batches.h"

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

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
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

client::Tag findOrCreateTag(client::TrainingClient& training, const std::string& projectId,
                            const std::string& name) {
  if (auto tag = findTagByName(training, projectId, name)) return *tag;
  auto tag = training.createTag(projectId, name);
  std::cout << "created tag " << tag.id << " '" << tag.name << "'\n";
  return tag;
}

}  // namespace

int runUpload(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  const fs::path directory = line.argument(1, "DIR");
  line.expectAtMost(2);
  auto tagName = line.option("tag");
  if (!tagName) throw UsageError("--tag NAME is required");

  auto paths = imagesIn(directory);
  if (paths.empty())
    throw UsageError("no jpg, jpeg, png, bmp or gif files in " + directory.string());
  std::vector<client::ImageFile> images;
  for (const auto& path : paths) images.push_back({readFile(path), path.filename().string()});

  client::TrainingClient training(settings.endpoint, settings.trainingKey);
  auto project = findProject(training, projectText);
  auto tag = findOrCreateTag(training, project.id, *tagName);
  size_t done = 0;
  auto failures = uploadInBatches(training, project.id, images, {tag.id}, [&](size_t count) {
    done += count;
    std::cout << "uploaded " << done << "/" << images.size() << std::endl;
  });
  for (const auto& failure : failures) std::cerr << "rejected " << failure << "\n";
  if (!failures.empty()) {
    std::cerr << failures.size() << " of " << images.size() << " images were rejected\n";
    return 1;
  }
  return 0;
}

}  // namespace cvmock::cvctl
