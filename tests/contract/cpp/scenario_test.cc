// The whole Custom Vision scenario through the C++ client, one step per test, in order, sharing one state. Runs
// against a cvmock it starts, or against the real service when CVMOCK_CONTRACT_* is set (../README.md). CTest runs
// the executable whole (steps depend on each other), with shuffling off.
#include <gtest/gtest.h>

#include "tests/contract/cpp/scenario.h"

namespace cvmock::contract {
namespace {

class ContractScenario : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    state_ = new Scenario;
    state_->target = openTarget();
    state_->images = std::make_unique<Images>(state_->target->real);
  }

  // Deletes the scenario's projects (cleanup only: the steps asserted what matters), then stops a local cvmock.
  static void TearDownTestSuite() {
    client::TrainingClient training = state_->target->training();
    if (state_->detPublishName) {  // a failed step may have left the detector published
      try {
        training.unpublishIteration(*state_->detProjectId, *state_->detIteration);
      } catch (const std::exception&) {
      }
    }
    for (const auto& projectId : {state_->projectId, state_->importedProjectId, state_->detProjectId}) {
      if (!projectId) continue;
      try {
        training.deleteProject(*projectId);
      } catch (const std::exception&) {
      }
    }
    delete state_;
    state_ = nullptr;
  }

  Scenario& s() { return *state_; }

 private:
  static Scenario* state_;
};

Scenario* ContractScenario::state_ = nullptr;

TEST_F(ContractScenario, Step01Domains) { domains(s()); }
TEST_F(ContractScenario, Step02Projects) { projects(s()); }
TEST_F(ContractScenario, Step03Errors) { errors(s()); }
TEST_F(ContractScenario, Step04Tags) { tags(s()); }
TEST_F(ContractScenario, Step05ImagesFromData) { imagesFromData(s()); }
TEST_F(ContractScenario, Step06ImagesFromFiles) { imagesFromFiles(s()); }
TEST_F(ContractScenario, Step07ImagesFromUrls) { imagesFromUrls(s()); }
TEST_F(ContractScenario, Step08UntaggedImages) { untaggedImages(s()); }
TEST_F(ContractScenario, Step09ListsAndCounts) { listsAndCounts(s()); }
TEST_F(ContractScenario, Step10Metadata) { metadata(s()); }
TEST_F(ContractScenario, Step11ImageTags) { imageTags(s()); }
TEST_F(ContractScenario, Step12Train) { train(s()); }
TEST_F(ContractScenario, Step13ForceTrainSelectedTags) { forceTrainSelectedTags(s()); }
TEST_F(ContractScenario, Step14Iteration) { iteration(s()); }
TEST_F(ContractScenario, Step15QuickTest) { quickTest(s()); }
TEST_F(ContractScenario, Step16Publish) { publish(s()); }
TEST_F(ContractScenario, Step17PublishTargetInvalid) { publishTargetInvalid(s()); }
TEST_F(ContractScenario, Step18Classify) { classify(s()); }
TEST_F(ContractScenario, Step19StoredPredictions) { storedPredictions(s()); }
TEST_F(ContractScenario, Step20SuggestedTags) { suggestedTags(s()); }
TEST_F(ContractScenario, Step21DetectionRefused) { detectionRefused(s()); }
TEST_F(ContractScenario, Step22ExportImportProject) { exportImportProject(s()); }
TEST_F(ContractScenario, Step23ExportIteration) { exportIteration(s()); }
TEST_F(ContractScenario, Step24Artifact) { artifact(s()); }
TEST_F(ContractScenario, Step25UnpublishAndDeleteIterations) { unpublishAndDeleteIterations(s()); }
TEST_F(ContractScenario, Step26DetectionProject) { detectionProject(s()); }
TEST_F(ContractScenario, Step27DetectionImages) { detectionImages(s()); }
TEST_F(ContractScenario, Step28DetectionRegions) { detectionRegions(s()); }
TEST_F(ContractScenario, Step29DetectionProposals) { detectionProposals(s()); }
TEST_F(ContractScenario, Step30DetectionTrainAndPerformance) { detectionTrainAndPerformance(s()); }
TEST_F(ContractScenario, Step31DetectionQuickTest) { detectionQuickTest(s()); }
TEST_F(ContractScenario, Step32DetectionPublishAndDetect) { detectionPublishAndDetect(s()); }
TEST_F(ContractScenario, Step33DetectionStoredPredictions) { detectionStoredPredictions(s()); }
TEST_F(ContractScenario, Step34DetectionUnpublish) { detectionUnpublish(s()); }

}  // namespace
}  // namespace cvmock::contract
