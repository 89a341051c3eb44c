// The C++ contract scenario's shared state and its steps, in the order scenario_test.cc runs them: the same walk
// through every classification operation, then object detection, as the JS and Python suites (../README.md).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tests/contract/cpp/images.h"
#include "tests/contract/cpp/target.h"

namespace cvmock::contract {

// What steps hand on to later ones. Each member stays unset until the step that makes it succeeds, so a later step
// that needs it skips (CONTRACT_NEED) instead of failing for an earlier step's fault.
struct Scenario {
  std::unique_ptr<Target> target;
  std::unique_ptr<Images> images;
  std::optional<std::string> projectId;
  std::optional<std::string> importedProjectId;
  std::optional<std::map<std::string, std::string>> tags;                     // shape -> tag id
  std::optional<std::map<std::string, std::vector<std::string>>> imageIds;  // shape -> tagged image ids
  std::optional<std::vector<std::string>> untagged;
  std::optional<std::string> iteration1;
  std::optional<std::string> iteration2;
  std::optional<std::string> publishName;
  std::optional<std::vector<std::string>> stored;  // ids of stored predictions
  std::vector<std::string> notStored;
  std::optional<std::string> classifiedCircle;
  std::optional<std::string> fromPrediction;
  // Object detection, on a project of its own.
  std::optional<std::string> detProjectId;
  std::optional<std::map<std::string, std::string>> detTags;  // shape -> tag id
  std::optional<std::vector<std::string>> detImageIds;       // in the order of the uploaded scenes
  std::optional<std::string> detIteration;
  std::optional<std::string> detPublishName;
  std::optional<std::vector<std::string>> detStored;  // ids of stored detections
  std::vector<std::string> detNotStored;
  std::optional<client::Prediction> detStoredTop;  // the top detection of detStored's first
};

// Skips the current step, naming what an earlier step failed to make.
#define CONTRACT_NEED(scenario, member) \
  if (!(scenario).member) GTEST_SKIP() << "needs " #member " from an earlier step that failed"

// workspace_steps.cc
void domains(Scenario& s);
void projects(Scenario& s);
void errors(Scenario& s);
void tags(Scenario& s);
void imagesFromData(Scenario& s);
void imagesFromFiles(Scenario& s);
void imagesFromUrls(Scenario& s);
void untaggedImages(Scenario& s);
void listsAndCounts(Scenario& s);
void metadata(Scenario& s);
void imageTags(Scenario& s);
// training_steps.cc
void train(Scenario& s);
void forceTrainSelectedTags(Scenario& s);
void iteration(Scenario& s);
void quickTest(Scenario& s);
void publish(Scenario& s);
void publishTargetInvalid(Scenario& s);
// prediction_steps.cc
void classify(Scenario& s);
void storedPredictions(Scenario& s);
void suggestedTags(Scenario& s);
void detectionRefused(Scenario& s);
// portability_steps.cc
void exportImportProject(Scenario& s);
void exportIteration(Scenario& s);
void artifact(Scenario& s);
void unpublishAndDeleteIterations(Scenario& s);
// detection_steps.cc
void detectionProject(Scenario& s);
void detectionImages(Scenario& s);
void detectionRegions(Scenario& s);
void detectionProposals(Scenario& s);
void detectionTrainAndPerformance(Scenario& s);
void detectionQuickTest(Scenario& s);
void detectionPublishAndDetect(Scenario& s);
void detectionStoredPredictions(Scenario& s);
void detectionUnpublish(Scenario& s);

}  // namespace cvmock::contract
