// cvctl predict and detect (with a published iteration) and quick-test (with any trained iteration): one image file
// or URL.
#include <iostream>

#include "client/cvctl/box_drawing.h"
#include "client/cvctl/commands.h"
#include "client/cvctl/image_files.h"
#include "client/cvctl/lookup.h"
#include "client/cvctl/option_values.h"
#include "client/cvctl/reports.h"
#include "client/download.h"
#include "client/image_source.h"

namespace cvmock::cvctl {

namespace {

// The service answers every box it considers, most of them improbable; these are the ones worth showing.
constexpr double kDefaultDetectionThreshold = 0.5;

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

// The Prediction API takes a project id only; a name needs the training key to resolve, which a caller holding
// just a prediction key may not have, so ids are used as given.
std::string predictionProjectId(const Settings& settings, const std::string& projectText) {
  if (looksLikeId(projectText)) return projectText;
  client::TrainingClient training = settings.trainingClient();
  return findProject(training, projectText).id;
}

// The bytes of the image a file path or URL names, fetched as the service would fetch the URL.
std::string imageBytes(const Settings& settings, const std::string& image) {
  if (!isUrl(image)) return readFileBytes(image);
  std::string bytes;
  client::download(image,
                   {.begin = [&] { bytes.clear(); },
                    .write = [&](const char* data, std::size_t size) {
                      bytes.append(data, size);
                      return true;
                    }},
                   settings.clientOptions());
  return bytes;
}

}  // namespace

int runPredict(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  const std::string& publishName = line.argument(1, "NAME");
  const std::string& image = line.argument(2, "FILE or URL");
  line.expectAtMost(3);
  const std::string projectId = predictionProjectId(settings, projectText);
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

int runDetect(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  const std::string& publishName = line.argument(1, "NAME");
  const std::string& image = line.argument(2, "FILE or URL");
  line.expectAtMost(3);
  const double threshold = numberOption(line, "threshold").value_or(kDefaultDetectionThreshold);
  if (threshold < 0 || threshold > 1) throw UsageError("--threshold must be between 0 and 1");
  const std::optional<std::string> drawing = line.option("draw");
  // Read before the call, so a file that cannot be read stops cvctl before the service stores a prediction.
  const std::optional<std::string> bytes =
      drawing || !isUrl(image) ? std::optional(imageBytes(settings, image)) : std::nullopt;
  const std::string projectId = predictionProjectId(settings, projectText);
  client::PredictionClient prediction = settings.predictionClient();
  const bool noStore = line.has("no-store");
  client::ImagePrediction result;
  if (isUrl(image)) {
    const client::ImageUrl url{image};
    result = noStore ? prediction.detectImageUrlWithNoStore(projectId, publishName, url)
                     : prediction.detectImageUrl(projectId, publishName, url);
  } else {
    result = noStore ? prediction.detectImageWithNoStore(projectId, publishName, *bytes)
                     : prediction.detectImage(projectId, publishName, *bytes);
  }
  if (drawing) writeFileBytes(*drawing, drawnPng(*bytes, predictedBoxes(result, threshold)));
  if (printedAsJson(settings, result)) return 0;
  printPredictions(std::cout, result, threshold);
  if (drawing) std::cout << "drew the boxes on " << *drawing << "\n";
  return 0;
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
