// How cvctl shows training progress, evaluation results and predictions.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "client/cvctl/settings.h"
#include "client/models.h"
#include "client/training_wait.h"

namespace cvmock::cvctl {

// With --json, prints value as indented JSON to stdout and returns true; otherwise does nothing and returns false,
// and the command prints its table.
bool printedAsJson(const Settings& settings, const nlohmann::json& value);

// One line per poll: "  Iteration 1: Training (3 s)".
client::TrainingProgress trainingProgressPrinter(std::ostream& out);

// A table of tag, precision, recall and average precision, then the overall row.
void printPerformance(std::ostream& out, const client::IterationPerformance& performance);

// A table of tag and probability, in the service's order (highest first), with each box's left, top, width and
// height when the predictions are detections. Only predictions of at least minProbability are listed.
void printPredictions(std::ostream& out, const client::ImagePrediction& prediction, double minProbability = 0);

// A table of region id, tag and box.
void printRegions(std::ostream& out, const std::vector<client::ImageRegion>& regions);

// A table of confidence and box for the first count proposals (all of them when there are fewer).
void printProposals(std::ostream& out, const std::vector<client::RegionProposal>& proposals, size_t count);

// A box's left, top, width and height as table cells.
std::vector<std::string> boxCells(const client::BoundingBox& box);

}  // namespace cvmock::cvctl
