// A Service in memory for tests of its rules without sockets: a fixed clock, chosen resources and tier, and
// helpers that upload fixture images and train.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "fixtures/generator.h"
#include "mock_server/base/errors.h"
#include "mock_server/service/service.h"
#include "mock_server/simulation/sim_clock.h"
#include "mock_server/store/sqlite_store.h"

namespace cvmock::server::testing {

inline const TimePoint kFixedTime = *simulation::parseIsoTime("2024-05-06T07:08:09.250Z");

// Two prediction resources in westeurope and one in eastus, and the training resource that calls.
inline std::vector<Resource> threeRegionsResources() {
  const auto resource = [](std::string name, ResourceKind kind, std::string region) {
    return Resource{name, kind, region, name + "-key1", name + "-key2", defaultArmId(name), std::nullopt};
  };
  return {resource("train-we", ResourceKind::Training, "westeurope"),
          resource("predict-we", ResourceKind::Prediction, "westeurope"),
          resource("predict-we-2", ResourceKind::Prediction, "westeurope"),
          resource("predict-us", ResourceKind::Prediction, "eastus")};
}

struct ServiceOptions {
  std::vector<Resource> resources = threeRegionsResources();
  simulation::SimulationConfig simulation = immediateTraining();
  int trainingWorkers = 1;

  static simulation::SimulationConfig immediateTraining() {
    simulation::SimulationConfig config;
    config.clock = "fixed:2024-05-06T07:08:09.250Z";
    config.training.mode = simulation::TrainingMode::Immediate;
    return config;
  }
};

class ServiceTest : public ::testing::Test {
 protected:
  // A new service on `store`, or on a SqliteStore in memory when none is given.
  void start(ServiceOptions options = {}, std::unique_ptr<Store> store = nullptr) {
    ServiceConfig config;
    config.resources = std::move(options.resources);
    config.trainingWorkers = options.trainingWorkers;
    if (!store) store = std::make_unique<SqliteStore>();
    service = std::make_unique<Service>(config, std::move(store),
                                        std::make_shared<simulation::Simulation>(options.simulation, config.seed));
  }
  void SetUp() override { start(); }

  const Resource& resource(const std::string& name) const {
    for (const Resource& r : service->config().resources) {
      if (r.name == name) return r;
    }
    throw std::invalid_argument(name);
  }
  RequestContext as(const std::string& name) const { return {&resource(name), "request-" + name}; }

  // A Multiclass project with `perTag` fixture images for each of `classes`, each tagged with its class.
  std::string labelledProject(const std::vector<std::string>& classes, int perTag,
                              const std::string& type = "Multiclass") {
    const std::string projectId = service->projects().createProject({"p", std::nullopt, std::nullopt, type, {}}).id;
    const std::vector<fixtures::FixtureImage> images =
        fixtures::generateFixtureSet({classes, perTag, 64, 64, 7});
    for (const std::string& name : classes) {
      const std::string tagId = service->tags().createTag(projectId, {name, std::nullopt, std::nullopt}).tag.id;
      std::vector<ImageUpload> uploads;
      for (const fixtures::FixtureImage& image : images) {
        if (image.className == name) uploads.push_back({image.fileName, image.bytes, {tagId}, {}, std::nullopt, {}});
      }
      EXPECT_TRUE(service->images().createImages(projectId, std::move(uploads)).isBatchSuccessful);
    }
    return projectId;
  }

  // Trains and reads the iteration back once training has settled (the immediate mode waits for it).
  IterationRecord trained(const std::string& projectId, TrainRequest request = {}) {
    const IterationRecord started = service->iterations().trainProject(projectId, std::move(request));
    return service->iterations().getIteration(projectId, started.id);
  }

  std::unique_ptr<Service> service;
};

// The code of the ServiceError `call` throws; "" when it throws none.
template <typename Call>
std::string errorCodeOf(Call&& call) {
  try {
    call();
  } catch (const ServiceError& error) {
    return error.code();
  }
  return "";
}

}  // namespace cvmock::server::testing
