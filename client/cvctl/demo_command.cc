// cvctl demo: the whole Custom Vision workflow on generated images, explained step by step (--detection: the
// object-detection workflow, detection_demo.cc).
#include <iostream>
#include <map>

#include "client/cvctl/commands.h"
#include "client/cvctl/demo_support.h"
#include "client/cvctl/reports.h"
#include "client/cvctl/table.h"
#include "client/batch_upload.h"
#include "client/prediction_client.h"
#include "fixtures/generator.h"

namespace cvmock::cvctl {

namespace {

constexpr int kHeldBackPerClass = 5;
// The service refuses to train a tag with fewer than 5 images, and 5 per class are held back.
constexpr int kMinImagesPerClass = kHeldBackPerClass + 5;
constexpr int kDefaultImagesPerClass = 30;
constexpr int kSteps = 9;
const std::string kPublishName = "cvmock demo model";

struct DemoImages {
  std::map<std::string, std::vector<client::ImageFile>> trainingByClass;
  std::vector<fixtures::FixtureImage> heldBack;
};

void step(int number, const std::string& title, const std::string& explanation) {
  printStep(number, kSteps, title, explanation);
}

int imagesPerClass(const CommandLine& line) {
  auto text = line.option("images-per-class");
  if (!text) return kDefaultImagesPerClass;
  try {
    int count = std::stoi(*text);
    if (count >= kMinImagesPerClass) return count;
  } catch (const std::logic_error&) {
  }
  throw UsageError("--images-per-class must be a whole number of at least " +
                   std::to_string(kMinImagesPerClass));
}

// The last kHeldBackPerClass images of each class are kept out of training to test the model on
// images it has never seen.
DemoImages splitImages(const std::vector<fixtures::FixtureImage>& images, int perClass) {
  DemoImages split;
  std::map<std::string, int> seen;
  for (const auto& image : images) {
    if (++seen[image.className] > perClass - kHeldBackPerClass) {
      split.heldBack.push_back(image);
    } else {
      split.trainingByClass[image.className].push_back({image.bytes, image.fileName});
    }
  }
  return split;
}

// Uploads each class's images tagged with that class, counting progress over all classes.
void uploadTrainingImages(client::TrainingClient& training, const std::string& projectId,
                          const DemoImages& images,
                          const std::map<std::string, std::string>& tagIdByClass) {
  size_t total = 0;
  for (const auto& [className, files] : images.trainingByClass) total += files.size();
  size_t done = 0;
  for (const auto& [className, files] : images.trainingByClass) {
    const std::vector<client::ImageSource> sources(files.begin(), files.end());
    size_t shown = 0;
    auto progress = [&](const client::BatchUploadProgress& batch) {
      if (batch.imagesDone == shown) return;
      shown = batch.imagesDone;
      std::cout << "    uploaded " << done + shown << "/" << total << std::endl;
    };
    const auto results =
        client::uploadImages(training, projectId, sources,
                             {.tagIds = {tagIdByClass.at(className)}, .progress = progress});
    for (size_t i = 0; i < results.size(); ++i) {
      if (results[i].status != client::ImageCreateStatus::OK) {
        throw std::runtime_error("upload rejected " + files[i].fileName.value_or("an image") + ": " +
                                 std::string(toString(results[i].status)));
      }
    }
    done += files.size();
  }
}

double classifyHeldBack(client::PredictionClient& prediction, const std::string& projectId,
                        const std::vector<fixtures::FixtureImage>& heldBack) {
  Table table({"file", "truth", "predicted", "probability", ""});
  int correct = 0;
  for (const auto& image : heldBack) {
    auto result = prediction.classifyImage(projectId, kPublishName, image.bytes);
    std::string predicted = "-";
    double probability = 0;
    if (!result.predictions.empty()) {
      predicted = result.predictions.front().tagName.value_or(result.predictions.front().tagId);
      probability = result.predictions.front().probability;
    }
    bool right = predicted == image.className;
    correct += right ? 1 : 0;
    table.addRow({image.fileName, image.className, predicted, formatDecimal(probability),
                  right ? "ok" : "WRONG"});
  }
  table.print(std::cout);
  return heldBack.empty() ? 0 : static_cast<double>(correct) / static_cast<double>(heldBack.size());
}

}  // namespace

int runDemo(const Settings& settings, const CommandLine& line) {
  if (line.has("detection")) {
    if (line.has("images-per-class")) throw UsageError("--images-per-class is for the classification demo");
    return runDetectionDemo(settings, line);
  }
  if (line.has("scenes") || line.has("draw")) throw UsageError("--scenes and --draw go with --detection");
  line.expectAtMost(0);
  const int perClass = imagesPerClass(line);
  const bool keep = line.has("keep");

  fixtures::FixtureSpec spec;
  spec.imagesPerClass = perClass;
  step(1, "Generate images",
       "Custom Vision learns from labelled pictures. We draw " + std::to_string(perClass) +
           " per shape class in memory and hold back " + std::to_string(kHeldBackPerClass) +
           " of each to test the model later.");
  DemoImages images = splitImages(fixtures::generateFixtureSet(spec), perClass);
  std::cout << "    classes:";
  for (const auto& className : spec.classes) std::cout << " " << className;
  std::cout << "\n";

  client::TrainingClient training = settings.trainingClient();
  step(2, "Create a project",
       "A project holds images, tags and trained iterations. Multiclass means each image gets "
       "exactly one tag.");
  auto project = training.createProject(demoProjectName("classification"),
                                        {.classificationType = client::ClassificationType::Multiclass});
  std::cout << "    project " << project.id << " '" << project.name << "'\n";
  ProjectCleanup cleanup(training, project.id, keep);

  step(3, "Create tags", "Tags are the labels the model will learn to predict, one per class.");
  std::map<std::string, std::string> tagIdByClass;
  for (const auto& className : spec.classes) {
    auto tag = training.createTag(project.id, className);
    tagIdByClass[className] = tag.id;
    std::cout << "    tag " << tag.id << " '" << tag.name << "'\n";
  }

  step(4, "Upload training images",
       "Images go up in batches of at most 64, each batch tagged with its class.");
  uploadTrainingImages(training, project.id, images, tagIdByClass);

  step(5, "Train",
       "Training is asynchronous: TrainProject returns a new iteration at once, and we poll it "
       "until its status is Completed.");
  const client::Iteration iteration = trainToCompletion(training, project.id);

  step(6, "Evaluate",
       "Precision: of the images given a tag, how many were right. Recall: of the images that "
       "have the tag, how many were found. AP summarises both over all thresholds.");
  printPerformance(std::cout, training.getIterationPerformance(project.id, iteration.id, 0.5));

  step(7, "Publish",
       "Publishing makes the iteration callable from the Prediction API under a name of our "
       "choosing, here '" +
           kPublishName + "'.");
  training.publishIteration(project.id, iteration.id, kPublishName, settings.predictionResourceId);
  cleanup.setPublishedIteration(iteration.id);
  std::cout << "    published " << iteration.name << "\n";

  step(8, "Predict",
       "Now the held-back images, which the model never saw, go to the Prediction API with the "
       "prediction key; the top tag is its answer.");
  client::PredictionClient prediction = settings.predictionClient();
  double accuracy = classifyHeldBack(prediction, project.id, images.heldBack);
  std::cout << "    accuracy on held-back images: " << formatDecimal(accuracy) << "\n";

  if (keep) {
    step(9, "Keep the project", "The project stays so you can explore it, for example:");
    std::cout << "    cvctl performance " << project.id << " \"" << iteration.name << "\"\n"
              << "    cvctl predict " << project.id << " \"" << kPublishName << "\" IMAGE_FILE\n"
              << "    cvctl delete-project " << project.id << "\n";
    return 0;
  }
  step(9, "Clean up",
       "We unpublish the iteration and delete the project; run with --keep to explore it instead.");
  cleanup.removeDemoProject();
  std::cout << "    deleted project " << project.id << "\n";
  return 0;
}

}  // namespace cvmock::cvctl
