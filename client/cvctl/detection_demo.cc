// cvctl demo --detection: the object-detection workflow on labelled scenes from disk (cvmock-fixtures --detection),
// explained step by step: regions on upload, region edits, proposals, training, evaluation at an overlap threshold,
// publishing and detection on scenes the model never saw.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>

#include "client/batch_upload.h"
#include "client/cvctl/box_drawing.h"
#include "client/cvctl/commands.h"
#include "client/cvctl/demo_support.h"
#include "client/cvctl/image_files.h"
#include "client/cvctl/labelled_images.h"
#include "client/cvctl/lookup.h"
#include "client/cvctl/reports.h"
#include "client/cvctl/table.h"
#include "client/prediction_client.h"

namespace cvmock::cvctl {

namespace {

namespace fs = std::filesystem;

constexpr int kSteps = 11;
constexpr size_t kHeldBack = 5;
// The service trains a detector only when each tag has regions on at least 15 images.
constexpr size_t kMinImagesPerTag = 15;
// A detection counts when its box overlaps a labelled box of its tag by this much (intersection over union), the
// rule the service's own evaluation uses by default.
constexpr double kOverlap = 0.5;
constexpr double kProbability = 0.5;
const std::string kPublishName = "cvmock detection demo model";

void step(int number, const std::string& title, const std::string& explanation) {
  printStep(number, kSteps, title, explanation);
}

// How many of the labelled regions a detection of their tag found, each detection used once.
size_t foundRegions(const std::vector<LabelledRegion>& truth, const std::vector<client::Prediction>& detections) {
  std::vector<bool> used(detections.size(), false);
  size_t found = 0;
  for (const LabelledRegion& region : truth) {
    for (size_t i = 0; i < detections.size(); ++i) {
      const client::Prediction& detection = detections[i];
      if (used[i] || detection.tagName != region.tagName || !detection.boundingBox ||
          intersectionOverUnion(*detection.boundingBox, region.box) < kOverlap) {
        continue;
      }
      used[i] = true;
      ++found;
      break;
    }
  }
  return found;
}

// The scenes split into training and held-back ones; throws UsageError when the training scenes cannot train a
// detector.
struct DemoScenes {
  std::vector<LabelledImage> training;
  std::vector<LabelledImage> heldBack;
  std::vector<std::string> tagNames;
};

DemoScenes splitScenes(const fs::path& directory) {
  std::vector<LabelledImage> scenes = labelledImagesIn(directory);
  DemoScenes split;
  split.tagNames = tagNamesOf(scenes);
  const size_t heldBack = std::min(kHeldBack, scenes.size() / 5);
  split.heldBack.assign(scenes.end() - static_cast<std::ptrdiff_t>(heldBack), scenes.end());
  scenes.resize(scenes.size() - heldBack);
  split.training = std::move(scenes);
  for (const std::string& tag : split.tagNames) {
    const auto count = std::count_if(split.training.begin(), split.training.end(), [&](const LabelledImage& image) {
      return std::any_of(image.regions.begin(), image.regions.end(),
                         [&](const LabelledRegion& region) { return region.tagName == tag; });
    });
    if (static_cast<size_t>(count) < kMinImagesPerTag) {
      throw UsageError("only " + std::to_string(count) + " training scenes show a " + tag + "; the service needs " +
                       std::to_string(kMinImagesPerTag) + ": write more with cvmock-fixtures --detection --images N");
    }
  }
  return split;
}

void uploadScenes(client::TrainingClient& training, const std::string& projectId, const DemoScenes& scenes,
                  const std::map<std::string, std::string>& tagIds) {
  std::vector<client::ImageFileCreateEntry> images;
  for (const LabelledImage& scene : scenes.training) images.push_back(uploadEntry(scene, tagIds));
  const auto results = client::uploadImageFiles(training, projectId, images, [](size_t done, size_t total) {
    std::cout << "    uploaded " << done << "/" << total << std::endl;
  });
  for (size_t i = 0; i < results.size(); ++i) {
    if (results[i].status != client::ImageCreateStatus::OK) {
      throw std::runtime_error("upload rejected " + images[i].name + ": " + std::string(toString(results[i].status)));
    }
  }
}

// Shows one uploaded image's regions and the service's proposals for it, then adds a region and deletes it again.
void showRegions(client::TrainingClient& training, const std::string& projectId, const std::string& tagId) {
  const client::Image image = training.getImages(projectId, {.take = 1}).at(0);
  std::cout << "    image " << image.id << " has these regions:\n";
  printRegions(std::cout, image.regions.value_or(std::vector<client::ImageRegion>{}));
  const client::ImageRegionProposal proposal = training.getImageRegionProposals(projectId, image.id);
  std::cout << "    the service proposes " << proposal.proposals.size() << " boxes for it; the likeliest:\n";
  printProposals(std::cout, proposal.proposals, 3);

  const client::ImageRegionCreateSummary added = training.createImageRegions(
      projectId, {{{.imageId = image.id, .tagId = tagId, .left = 0, .top = 0, .width = 0.1, .height = 0.1}}});
  if (!added.created || added.created->empty()) throw std::runtime_error("the service did not add the region");
  training.deleteImageRegions(projectId, {added.created->front().regionId});
  std::cout << "    added region " << added.created->front().regionId << " in the top-left corner and deleted it\n";
}

// Detects objects on each held-back scene and compares them with its labels; with drawTo, writes each scene with
// the detected boxes as <scene>_boxes.png there. Returns the share of labelled objects found.
double detectHeldBack(client::PredictionClient& prediction, const std::string& projectId,
                      const std::vector<LabelledImage>& scenes, const std::optional<fs::path>& drawTo) {
  Table table({"scene", "objects", "detections", "found"});
  size_t objects = 0, found = 0;
  for (const LabelledImage& scene : scenes) {
    const std::string bytes = readFileBytes(scene.path);
    const client::ImagePrediction result = prediction.detectImage(projectId, kPublishName, bytes);
    std::vector<client::Prediction> detections;
    std::copy_if(result.predictions.begin(), result.predictions.end(), std::back_inserter(detections),
                 [](const client::Prediction& entry) { return entry.probability >= kProbability; });
    const size_t sceneFound = foundRegions(scene.regions, detections);
    objects += scene.regions.size();
    found += sceneFound;
    table.addRow({scene.path.filename().string(), std::to_string(scene.regions.size()),
                  std::to_string(detections.size()), std::to_string(sceneFound)});
    if (drawTo) {
      const fs::path out = *drawTo / (scene.path.stem().string() + "_boxes.png");
      writeFileBytes(out, drawnPng(bytes, predictedBoxes(result, kProbability)));
    }
  }
  table.print(std::cout);
  return objects == 0 ? 0 : static_cast<double>(found) / static_cast<double>(objects);
}

}  // namespace

int runDetectionDemo(const Settings& settings, const CommandLine& line) {
  line.expectAtMost(0);
  const std::optional<std::string> scenesDir = line.option("scenes");
  if (!scenesDir) throw UsageError("--detection needs --scenes DIR, written by cvmock-fixtures --detection --out DIR");
  std::optional<fs::path> drawTo;
  if (std::optional<std::string> draw = line.option("draw")) {
    drawTo = *draw;
    fs::create_directories(*drawTo);
  }
  const bool keep = line.has("keep");

  step(1, "Read the scenes",
       "An object detector learns from pictures with boxes drawn around the objects, each box tagged. The scenes in " +
           *scenesDir + " have theirs in the JSON file beside each image; " + std::to_string(kHeldBack) +
           " are held back to test the model later.");
  const DemoScenes scenes = splitScenes(*scenesDir);
  std::cout << "    " << scenes.training.size() << " training scenes, " << scenes.heldBack.size()
            << " held back; tags:";
  for (const std::string& tag : scenes.tagNames) std::cout << " " << tag;
  std::cout << "\n";

  client::TrainingClient training = settings.trainingClient();
  step(2, "Create a project", "An object-detection project is one on a detection domain, here General.");
  const client::Domain domain = findDetectionDomain(training);
  const client::Project project = training.createProject(demoProjectName("detection"), {.domainId = domain.id});
  std::cout << "    project " << project.id << " '" << project.name << "' on domain " << domain.id << "\n";
  ProjectCleanup cleanup(training, project.id, keep);

  step(3, "Create tags", "One tag per kind of object.");
  std::map<std::string, std::string> tagIds;
  for (const std::string& name : scenes.tagNames) {
    const client::Tag tag = training.createTag(project.id, name);
    tagIds[name] = tag.id;
    std::cout << "    tag " << tag.id << " '" << tag.name << "'\n";
  }

  step(4, "Upload the scenes with their regions",
       "Each image goes up with its regions: a tag and a box in fractions of the image's width and height. "
       "At most 64 images per call.");
  uploadScenes(training, project.id, scenes, tagIds);

  step(5, "Look at the regions",
       "Regions can be read back, proposed by the service (GetImageRegionProposals), added and deleted.");
  showRegions(training, project.id, tagIds.at(scenes.tagNames.front()));

  step(6, "Train",
       "The service trains a detector once every tag has regions on at least 15 images; we poll the new "
       "iteration until it is Completed.");
  const client::Iteration iteration = trainToCompletion(training, project.id);

  step(7, "Evaluate",
       "A detection is right when its tag matches a labelled box it overlaps enough: intersection over union of at "
       "least the overlap threshold. AP per tag, and their mean (mAP) overall, at two thresholds:");
  for (const double overlapThreshold : {0.5, 0.3}) {
    std::cout << "    overlap threshold " << overlapThreshold << ":\n";
    printPerformance(std::cout,
                     training.getIterationPerformance(project.id, iteration.id, kProbability, overlapThreshold));
  }

  step(8, "Publish", "The iteration becomes callable from the Prediction API as '" + kPublishName + "'.");
  training.publishIteration(project.id, iteration.id, kPublishName, settings.predictionResourceId);
  cleanup.setPublishedIteration(iteration.id);
  std::cout << "    published " << iteration.name << "\n";

  step(9, "Detect",
       "The held-back scenes go to DetectImage. A labelled object counts as found when a detection of probability " +
           formatDecimal(kProbability) + " or more has its tag and overlaps it by " + formatDecimal(kOverlap) +
           " or more.");
  client::PredictionClient prediction = settings.predictionClient();
  const double recall = detectHeldBack(prediction, project.id, scenes.heldBack, drawTo);
  std::cout << "    objects found in held-back scenes: " << formatDecimal(recall) << "\n";

  step(10, "See the boxes",
       drawTo ? "Each held-back scene with its detections drawn is in " + drawTo->string() + "."
              : "Run with --draw DIR to get each held-back scene with its detections drawn.");

  if (keep) {
    step(11, "Keep the project", "The project stays so you can explore it, for example:");
    std::cout << "    cvctl performance " << project.id << " \"" << iteration.name << "\" --overlap-threshold 0.3\n"
              << "    cvctl detect " << project.id << " \"" << kPublishName << "\" SCENE.jpg --draw boxes.png\n"
              << "    cvctl delete-project " << project.id << "\n";
    return 0;
  }
  step(11, "Clean up", "We unpublish the iteration and delete the project; run with --keep to explore it instead.");
  cleanup.removeDemoProject();
  std::cout << "    deleted project " << project.id << "\n";
  return 0;
}

}  // namespace cvmock::cvctl
