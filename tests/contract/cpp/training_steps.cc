// Scenario steps of training: train and poll to Completed, TrainingNotNeeded, forceTrain with selectedTags, iteration
// get/update/performance, quick tests, and publishing (and an invalid publish target).
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <regex>

#include "tests/contract/cpp/scenario.h"
#include "tests/contract/cpp/support.h"

namespace cvmock::contract {

namespace {

using namespace client;

constexpr int kPredictedIndex = 7;  // not uploaded for training

Iteration trained(Scenario& s, TrainingClient& training, const std::string& iterationId) {
  return poll(
      "iteration " + iterationId + " to finish training",
      [&]() -> std::optional<Iteration> {
        Iteration iteration = training.getIteration(*s.projectId, iterationId);
        if (iteration.status == "Failed") throw std::runtime_error("training failed");
        return iteration.status == "Completed" ? std::optional(iteration) : std::nullopt;
      },
      s.target->pollInterval, s.target->trainingTimeout);
}

std::vector<std::string> sorted(std::vector<std::string> values) {
  std::sort(values.begin(), values.end());
  return values;
}

}  // namespace

void train(Scenario& s) {
  CONTRACT_NEED(s, untagged);
  TrainingClient training = s.target->training();
  const Iteration started = training.trainProject(*s.projectId);
  EXPECT_EQ(started.status, "Training");
  EXPECT_EQ(started.name, "Iteration 1");
  EXPECT_FALSE(started.trainedAt.has_value());
  const Iteration done = trained(s, training, started.id);
  EXPECT_TRUE(done.trainedAt.has_value());
  EXPECT_EQ(done.domainId, "0732100f-1a38-4e49-a514-c9b44c697ab5");
  EXPECT_EQ(done.classificationType, ClassificationType::Multilabel);
  s.iteration1 = done.id;
  const std::vector<Iteration> iterations = training.getIterations(*s.projectId);
  ASSERT_EQ(iterations.size(), 1u);
  EXPECT_EQ(iterations[0].id, done.id);
  expectError([&] { training.trainProject(*s.projectId); }, 400, "BadRequestTrainingNotNeeded");
}

void forceTrainSelectedTags(Scenario& s) {
  CONTRACT_NEED(s, iteration1);
  TrainingClient training = s.target->training();
  const std::vector<std::string> selected = {s.tags->at("circle"), s.tags->at("square")};
  const Iteration started = training.trainProject(*s.projectId, {.forceTrain = true, .selectedTags = selected});
  EXPECT_EQ(started.status, "Training");
  EXPECT_NE(started.id, *s.iteration1);
  trained(s, training, started.id);
  s.iteration2 = started.id;
  std::vector<std::string> performed;
  for (const auto& tag : training.getIterationPerformance(*s.projectId, started.id).perTagPerformance) {
    performed.push_back(tag.id);
  }
  EXPECT_EQ(sorted(performed), sorted(selected));
  EXPECT_EQ(training.getIterations(*s.projectId).size(), 2u);
}

void iteration(Scenario& s) {
  CONTRACT_NEED(s, iteration1);
  TrainingClient training = s.target->training();
  const std::string& p = *s.projectId;
  const std::string& it = *s.iteration1;
  Iteration renamed = training.getIteration(p, it);
  renamed.name = "contract first";
  EXPECT_EQ(training.updateIteration(p, it, renamed).name, "contract first");
  EXPECT_EQ(training.getIteration(p, it).name, "contract first");

  const IterationPerformance performance = training.getIterationPerformance(p, it, 0.5);
  std::vector<std::string> names;
  for (const auto& tag : performance.perTagPerformance) names.push_back(tag.name);
  EXPECT_EQ(sorted(names), kClasses);
  for (double value : {performance.precision, performance.recall, performance.averagePrecision.value_or(-1)}) {
    EXPECT_TRUE(value >= 0 && value <= 1) << "a ratio: " << value;
  }
  const int count = training.getImagePerformanceCount(p, it);
  // cvmock always holds some images out; how many the real service evaluates is its own business.
  EXPECT_TRUE((s.target->real ? 0 : 1) <= count && count <= 18) << "evaluated images: " << count;
  const std::vector<ImagePerformance> images = training.getImagePerformances(p, it, {.take = 256});
  EXPECT_EQ(static_cast<int>(images.size()), count);
  for (const ImagePerformance& image : images) {
    expectRanked(image.predictions.value_or(std::vector<Prediction>{}));
    EXPECT_EQ(image.tags.value_or(std::vector<ImageTag>{}).size(), 1u);
  }
  const int circles = training.getImagePerformanceCount(p, it, {.tagIds = {s.tags->at("circle")}});
  EXPECT_LE(circles, count);
  EXPECT_EQ(static_cast<int>(training.getImagePerformances(p, it, {.tagIds = {s.tags->at("circle")}}).size()),
            circles);
}

void quickTest(Scenario& s) {
  CONTRACT_NEED(s, iteration1);
  TrainingClient training = s.target->training();
  const std::string& p = *s.projectId;
  const ImagePrediction fromImage = training.quickTestImage(
      p, s.images->data(s.images->file("triangle", kPredictedIndex)), {.iterationId = *s.iteration1, .store = true});
  EXPECT_EQ(fromImage.project, p);
  EXPECT_EQ(fromImage.iteration, *s.iteration1);
  expectRanked(fromImage.predictions);
  ASSERT_FALSE(fromImage.predictions.empty());
  EXPECT_EQ(fromImage.predictions[0].tagName, "triangle");
  s.stored = std::vector<std::string>{fromImage.id};

  const std::optional<std::string> url = s.images->url(s.images->file("square", kPredictedIndex));
  if (!url) GTEST_SKIP() << "no public image URL (set CVMOCK_CONTRACT_IMAGE_BASE_URL): QuickTestImageUrl not run";
  const ImagePrediction fromUrl = training.quickTestImageUrl(p, {*url}, {.iterationId = *s.iteration1, .store = true});
  EXPECT_EQ(fromUrl.iteration, *s.iteration1);
  expectRanked(fromUrl.predictions);
  ASSERT_FALSE(fromUrl.predictions.empty());
  EXPECT_EQ(fromUrl.predictions[0].tagName, "square");
  s.stored->push_back(fromUrl.id);
}

void publish(Scenario& s) {
  CONTRACT_NEED(s, iteration1);
  TrainingClient training = s.target->training();
  static std::mt19937 random{std::random_device{}()};
  const std::string name = "contract-" + std::to_string(random() % 100000000);
  EXPECT_TRUE(training.publishIteration(*s.projectId, *s.iteration1, name, s.target->predictionResourceId));
  const Iteration published = training.getIteration(*s.projectId, *s.iteration1);
  EXPECT_EQ(published.publishName, name);
  EXPECT_EQ(published.originalPublishResourceId, s.target->predictionResourceId);
  s.publishName = name;
  expectError([&] { training.deleteIteration(*s.projectId, *s.iteration1); }, 400, "BadRequestIterationIsPublished");
}

void publishTargetInvalid(Scenario& s) {
  CONTRACT_NEED(s, iteration2);
  TrainingClient training = s.target->training();
  const std::string& p = *s.projectId;
  const std::string& it = *s.iteration2;
  expectError([&] { training.publishIteration(p, it, "contract-nowhere", "not-a-resource-id"); }, 400,
              "BadRequestInvalidPublishTarget");
  const std::string wrongAccount =
      std::regex_replace(s.target->predictionResourceId, std::regex("accounts/[^/]+$"), "accounts/no-such-account");
  expectError([&] { training.publishIteration(p, it, "contract-nowhere", wrongAccount); }, 400,
              "BadRequestInvalidPublishTarget");
  EXPECT_FALSE(training.getIteration(p, it).publishName.has_value());
}

}  // namespace cvmock::contract
