// Text output for training progress, performance and predictions.
#include "client/cvctl/reports.h"

#include <algorithm>
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

void printPredictions(std::ostream& out, const client::ImagePrediction& prediction, double minProbability) {
  const bool boxes = std::any_of(prediction.predictions.begin(), prediction.predictions.end(),
                                 [](const client::Prediction& entry) { return entry.boundingBox.has_value(); });
  Table table(boxes ? std::vector<std::string>{"tag", "probability", "left", "top", "width", "height"}
                    : std::vector<std::string>{"tag", "probability"});
  for (const auto& entry : prediction.predictions) {
    if (entry.probability < minProbability) continue;
    std::vector<std::string> cells{entry.tagName.value_or(entry.tagId), formatDecimal(entry.probability)};
    if (entry.boundingBox) {
      for (std::string& cell : boxCells(*entry.boundingBox)) cells.push_back(std::move(cell));
    }
    table.addRow(std::move(cells));
  }
  table.print(out);
}

void printRegions(std::ostream& out, const std::vector<client::ImageRegion>& regions) {
  Table table({"region", "tag", "left", "top", "width", "height"});
  for (const client::ImageRegion& region : regions) {
    std::vector<std::string> cells{region.regionId, region.tagName.value_or(region.tagId)};
    for (std::string& cell : boxCells({region.left, region.top, region.width, region.height})) {
      cells.push_back(std::move(cell));
    }
    table.addRow(std::move(cells));
  }
  table.print(out);
}

void printProposals(std::ostream& out, const std::vector<client::RegionProposal>& proposals, size_t count) {
  Table table({"confidence", "left", "top", "width", "height"});
  for (size_t i = 0; i < std::min(count, proposals.size()); ++i) {
    std::vector<std::string> cells{formatDecimal(proposals[i].confidence)};
    for (std::string& cell : boxCells(proposals[i].boundingBox)) cells.push_back(std::move(cell));
    table.addRow(std::move(cells));
  }
  table.print(out);
}

std::vector<std::string> boxCells(const client::BoundingBox& box) {
  return {formatDecimal(box.left), formatDecimal(box.top), formatDecimal(box.width), formatDecimal(box.height)};
}

}  // namespace cvmock::cvctl
