// Pricing-tier limit profiles (F0, S0, unlimited) from CONTRACT.md's table, every number overridable.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "mock_server/base/limits.h"

namespace cvmock::server::simulation {

// 0 means "no limit" for every field: the unlimited profile is all zeros.
struct TierLimits {
  const char* name = "unlimited";  // a profile name; string literals only
  int projects = 0;
  int imagesPerProject = 0;
  int tagsPerProject = 0;
  int iterationsPerProject = 0;  // iterations kept
  int tagsPerImage = 0;          // 0 keeps the service's own per-image limit
  long long imageBytes = 0;      // 0 keeps the service's own training image limit
  long long predictionsPerMonth = 0;
  // Requests per second and per key, by operation class (throttling).
  double trainPerSecond = 0;
  double predictionsStoredPerSecond = 0;
  double predictionsNoStorePerSecond = 0;
  double otherPerSecond = 0;
};

// "F0", "S0" or "unlimited" (any case); nullopt for another name.
std::optional<TierLimits> tierProfile(const std::string& name);

// Overrides fields from a JSON object whose keys are the field names above ("tier" picks the profile
// first). Returns an error message, or "" on success; `limits` is unchanged on error.
std::string applyTierJson(TierLimits& limits, const nlohmann::json& overrides);

nlohmann::json toJson(const TierLimits& limits);

// Sets the service's per-image limits (tags per image, training image bytes) where the tier overrides
// them; applied once at start, as the service sizes its request buffers from them.
void applyPerImageLimits(const TierLimits& limits, ServiceLimits& service);

}  // namespace cvmock::server::simulation
