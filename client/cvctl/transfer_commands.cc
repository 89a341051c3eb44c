// cvctl export-project, import-project, export-iteration and exports: moving projects and models out and in.
#include <chrono>
#include <iostream>
#include <thread>
#include <type_traits>

#include "client/cvctl/commands.h"
#include "client/cvctl/lookup.h"
#include "client/cvctl/option_values.h"
#include "client/cvctl/reports.h"
#include "client/cvctl/table.h"
#include "client/download.h"

namespace cvmock::cvctl {

namespace {

constexpr std::chrono::seconds kPollInterval{1};
constexpr double kDefaultTimeoutSeconds = 300;

// Calls probe every kPollInterval until it returns a value or timeoutSeconds pass; throws naming what.
template <class Probe>
auto pollUntil(const std::string& what, double timeoutSeconds, Probe probe) ->
    typename std::invoke_result_t<Probe>::value_type {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeoutSeconds);
  while (true) {
    if (auto value = probe()) return *value;
    if (std::chrono::steady_clock::now() + kPollInterval > deadline) {
      throw std::runtime_error("gave up waiting for " + what + " after " + formatDecimal(timeoutSeconds) + " s");
    }
    std::this_thread::sleep_for(kPollInterval);
  }
}

std::string exportFileName(const client::Iteration& iteration, client::ExportPlatform platform) {
  std::string name = iteration.name + "-" + std::string(toString(platform)) + ".zip";
  for (char& c : name) c = c == ' ' || c == '/' ? '-' : c;
  return name;
}

}  // namespace

int runExportProject(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  line.expectAtMost(1);
  client::TrainingClient training = settings.trainingClient();
  const client::ProjectExport exported = training.exportProject(findProject(training, projectText).id);
  if (printedAsJson(settings, exported)) return 0;
  std::cout << exported.token << "\n";
  std::cerr << exported.imageCount << " images, " << exported.iterationCount
            << " iterations; import with: cvctl import-project TOKEN\n";
  return 0;
}

int runImportProject(const Settings& settings, const CommandLine& line) {
  const std::string& token = line.argument(0, "TOKEN");
  line.expectAtMost(1);
  client::TrainingClient training = settings.trainingClient();
  client::Project project = training.importProject(token, line.option("name"));
  if (line.has("wait")) {
    project = pollUntil("the import", kDefaultTimeoutSeconds, [&]() -> std::optional<client::Project> {
      client::Project now = training.getProject(project.id);
      if (now.status == client::ProjectStatus::Failed) throw std::runtime_error("the import failed");
      return now.status == client::ProjectStatus::Importing ? std::nullopt : std::optional(now);
    });
  }
  if (printedAsJson(settings, project)) return 0;
  std::cout << "imported project " << project.id << " '" << project.name << "'"
            << (project.status ? " (" + std::string(toString(*project.status)) + ")" : "") << "\n";
  return 0;
}

int runExportIteration(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  const std::string& iterationText = line.argument(1, "ITERATION");
  line.expectAtMost(2);
  const auto platform =
      enumOption<client::ExportPlatform>(line, "platform").value_or(client::ExportPlatform::TensorFlow);
  const auto flavor = enumOption<client::ExportFlavor>(line, "flavor");
  const double timeoutSeconds = numberOption(line, "timeout").value_or(kDefaultTimeoutSeconds);
  client::TrainingClient training = settings.trainingClient();
  const client::Project project = findProject(training, projectText);
  const client::Iteration iteration = findIteration(training, project.id, iterationText);
  training.exportIteration(project.id, iteration.id, platform, flavor);
  if (!settings.json) std::cout << "exporting " << iteration.name << " for " << toString(platform) << std::endl;
  const client::Export done = pollUntil("the export", timeoutSeconds, [&]() -> std::optional<client::Export> {
    for (const client::Export& candidate : training.getExports(project.id, iteration.id)) {
      if (candidate.platform != platform || candidate.flavor != flavor) continue;
      if (candidate.status == client::ExportStatus::Failed) throw std::runtime_error("the export failed");
      if (candidate.status == client::ExportStatus::Done && candidate.downloadUri) return candidate;
    }
    return std::nullopt;
  });
  const std::string out = line.option("out").value_or(exportFileName(iteration, platform));
  const std::uint64_t bytes = client::downloadToFile(*done.downloadUri, out, settings.clientOptions());
  if (printedAsJson(settings, {{"export", done}, {"file", out}, {"bytes", bytes}})) return 0;
  std::cout << "downloaded " << bytes << " bytes to " << out << "\n";
  return 0;
}

int runExports(const Settings& settings, const CommandLine& line) {
  const std::string& projectText = line.argument(0, "PROJECT");
  const std::string& iterationText = line.argument(1, "ITERATION");
  line.expectAtMost(2);
  client::TrainingClient training = settings.trainingClient();
  const client::Project project = findProject(training, projectText);
  const std::vector<client::Export> exports =
      training.getExports(project.id, findIteration(training, project.id, iterationText).id);
  if (printedAsJson(settings, exports)) return 0;
  Table table({"platform", "flavor", "status", "download"});
  for (const auto& exported : exports) {
    table.addRow({std::string(toString(exported.platform)),
                  exported.flavor ? std::string(toString(*exported.flavor)) : "-",
                  std::string(toString(exported.status)), exported.downloadUri.value_or("-")});
  }
  table.print(std::cout);
  return 0;
}

}  // namespace cvmock::cvctl
