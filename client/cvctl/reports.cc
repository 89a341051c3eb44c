// Text output for training progress, performance and predictions.
#include "client/cvctl/reports.h"

#include <chrono>
#include <iostream>

#include "client/cvctl/table.h"

namespace cvmock::cvctl {

namespace {

// The spec lets averagePrecision be null (no positive images for a tag, for example).
std::string formatOptional(const std::optional<double>& value) {
  return value ? formatDecimal(*value) : "-";
}

}  // namespace

bool printedAsJson(const Settings& settings, const nlohmann::json& value) {
  if (!settings.json) return false;
  std::cout << value.dump(2) << "\n";
  return true;
}

client::TrainingProgress trainingProgressPrinter(std::ostream& out) {
  auto start = std::chrono::steady_clock::now();
  return [&out, start](const client::Iteration& iteration) {
    auto elapsed =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - start);
    out << "  " << iteration.name << ": " << iteration.status << " (" << elapsed.count() << " s)"
        << std::endl;
  };
}

void printPerformance(std::ostream& out, const client::IterationPerformance& performance) {
  Table table({"tag", "precision", "recall", "AP"});
  for (const auto& tag : performance.perTagPerformance) {
    table.addRow({tag.name, formatDecimal(tag.precision), formatDecimal(tag.recall),
                  formatOptional(tag.averagePrecision)});
  }
  table.addRow({"(overall)", formatDecimal(performance.precision),
                formatDecimal(performance.recall), formatOptional(performance.averagePrecision)});
  table.print(out);
}

void printPredictions(std::ostream& out, const client::ImagePrediction& prediction) {
  Table table({"tag", "probability"});
  for (const auto& entry : prediction.predictions) {
    table.addRow({entry.tagName.value_or(entry.tagId), formatDecimal(entry.probability)});
  }
  table.print(out);
}

}  // namespace cvmock::cvctl
