// Trains a classifier on a folder of folders of images (one per tag) and classifies one more image.
#include <filesystem>
#include <iostream>

#include "client/custom_vision.h"

using namespace cvmock::client;
namespace fs = std::filesystem;

int main(int, char** argv) {  // ENDPOINT TRAINING_DIR PREDICTION_RESOURCE_ID IMAGE
  TrainingClient training(argv[1], "cvmock-training-key");
  Project project = training.createProject("shapes");
  for (const auto& folder : fs::directory_iterator(argv[2])) {
    std::vector<ImageSource> images;
    for (const auto& file : fs::directory_iterator(folder)) images.push_back(ImageSource::fromFile(file));
    Tag tag = training.createTag(project.id, folder.path().filename());
    uploadImages(training, project.id, images, {.tagIds = {tag.id}});
  }
  Iteration iteration = waitForTraining(training, project.id, training.trainProject(project.id).id);
  training.publishIteration(project.id, iteration.id, "shapes", argv[3]);
  PredictionClient prediction(argv[1], "cvmock-prediction-key");
  ImagePrediction result = prediction.classifyImage(project.id, "shapes", ImageSource::fromFile(argv[4]));
  std::cout << result.predictions.at(0).tagName.value_or("?") << "\n";
}
