// How cvctl shows training progress, evaluation results and predictions.
#pragma once

#include <ostream>

#include "client/models.h"
#include "client/training_wait.h"

namespace cvmock::cvctl {

// One line per poll: "  Iteration 1: Training (3 s)".
client::TrainingProgress trainingProgressPrinter(std::ostream& out);

// A table of tag, precision, recall and average precision, then the overall row.
void printPerformance(std::ostream& out, const client::IterationPerformance& performance);

// A table of tag and probability, in the service's order (highest first).
void printPredictions(std::ostream& out, const client::ImagePrediction& prediction);

}  // namespace cvmock::cvctl
