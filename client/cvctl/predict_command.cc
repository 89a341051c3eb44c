// cvctl predict: classify one image file with a published iteration.
#include <fstream>
#include <iostream>
#include <sstream>

#include "client/cvctl/commands.h"
#include "client/cvctl/lookup.h"
#include "client/cvctl/reports.h"
#include "client/prediction_client.h"

namespace cvmock::cvctl {

int runPredict(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  const std::string& publishName = line.argument(1, "NAME");
  const std::string& file = line.argument(2, "FILE");
  line.expectAtMost(3);
  std::ifstream in(file, std::ios::binary);
  if (!in) throw UsageError("cannot read " + file);
  std::ostringstream bytes;
  bytes << in.rdbuf();

  // The Prediction API takes a project id only; a name needs the training key to resolve, which a
  // caller holding just a prediction key may not have, so ids are used as given.
  std::string projectId = projectText;
  if (!looksLikeId(projectText)) {
    client::TrainingClient training(settings.endpoint, settings.trainingKey);
    projectId = findProject(training, projectText).id;
  }
  client::PredictionClient prediction(settings.endpoint, settings.predictionKey);
  printPredictions(std::cout, prediction.classifyImage(projectId, publishName, bytes.str()));
  return 0;
}

}  // namespace cvmock::cvctl
