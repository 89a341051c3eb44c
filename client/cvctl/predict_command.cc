// cvctl predict (with a published iteration) and quick-test (with any trained iteration): one image file or URL.
#include <iostream>

#include "client/cvctl/commands.h"
#include "client/cvctl/lookup.h"
#include "client/cvctl/reports.h"
#include "client/image_source.h"

namespace cvmock::cvctl {

namespace {

bool isUrl(const std::string& text) { return text.rfind("http://", 0) == 0 || text.rfind("https://", 0) == 0; }

client::ImageSource imageFile(const std::string& path) {
  try {
    return client::ImageSource::fromFile(path);
  } catch (const std::runtime_error& error) {
    throw UsageError(std::string("cannot read the image: ") + error.what());
  }
}

int show(const Settings& settings, const client::ImagePrediction& prediction) {
  if (!printedAsJson(settings, prediction)) printPredictions(std::cout, prediction);
  return 0;
}

}  // namespace

int runPredict(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  const std::string& publishName = line.argument(1, "NAME");
  const std::string& image = line.argument(2, "FILE or URL");
  line.expectAtMost(3);
  // The Prediction API takes a project id only; a name needs the training key to resolve, which a
  // caller holding just a prediction key may not have, so ids are used as given.
  std::string projectId = projectText;
  if (!looksLikeId(projectText)) {
    client::TrainingClient training = settings.trainingClient();
    projectId = findProject(training, projectText).id;
  }
  client::PredictionClient prediction = settings.predictionClient();
  const bool noStore = line.has("no-store");
  if (isUrl(image)) {
    const client::ImageUrl url{image};
    return show(settings, noStore ? prediction.classifyImageUrlWithNoStore(projectId, publishName, url)
                                  : prediction.classifyImageUrl(projectId, publishName, url));
  }
  const client::ImageSource file = imageFile(image);
  return show(settings, noStore ? prediction.classifyImageWithNoStore(projectId, publishName, file)
                                : prediction.classifyImage(projectId, publishName, file));
}

int runQuickTest(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  const std::string& image = line.argument(1, "FILE or URL");
  line.expectAtMost(2);
  client::TrainingClient training = settings.trainingClient();
  const client::Project project = findProject(training, projectText);
  client::QuickTestOptions options;
  if (std::optional<std::string> iteration = line.option("iteration")) {
    options.iterationId = findIteration(training, project.id, *iteration).id;
  }
  if (line.has("no-store")) options.store = false;
  if (isUrl(image)) return show(settings, training.quickTestImageUrl(project.id, {image}, options));
  return show(settings, training.quickTestImage(project.id, imageFile(image), options));
}

}  // namespace cvmock::cvctl
