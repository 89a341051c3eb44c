// The tier profiles' numbers, and their JSON form for the config file and the admin API.
#include "mock_server/simulation/tiers.h"

#include <cctype>
#include <stdexcept>

namespace cvmock::server::simulation {
namespace {

// CONTRACT.md, "Limits and quotas"; S0's unlimited predictions per month stay 0. Tags per image and
// image bytes are the same on both tiers and already the service's own limits, so profiles leave them 0.
TierLimits f0() {
  TierLimits t;
  t.name = "F0";
  t.projects = 2;
  t.imagesPerProject = 5000;
  t.tagsPerProject = 50;
  t.iterationsPerProject = 20;
  t.predictionsPerMonth = 10000;
  t.trainPerSecond = 2;
  t.predictionsStoredPerSecond = 2;
  t.predictionsNoStorePerSecond = 2;
  t.otherPerSecond = 10;
  return t;
}

TierLimits s0() {
  TierLimits t = f0();
  t.name = "S0";
  t.projects = 100;
  t.imagesPerProject = 100000;
  t.tagsPerProject = 500;
  t.predictionsPerMonth = 0;
  t.trainPerSecond = 10;
  t.predictionsStoredPerSecond = 10;
  t.predictionsNoStorePerSecond = 20;
  return t;
}

template <typename Field>
void readField(const nlohmann::json& json, const char* name, Field& field) {
  if (!json.contains(name)) return;
  const nlohmann::json& value = json.at(name);
  if (!value.is_number() || value.get<double>() < 0) throw std::invalid_argument(std::string(name) + " must be a number >= 0");
  field = value.get<Field>();
}

}  // namespace

std::optional<TierLimits> tierProfile(const std::string& name) {
  std::string upper;
  for (char c : name) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper == "F0") return f0();
  if (upper == "S0") return s0();
  if (upper == "UNLIMITED") return TierLimits{};
  return std::nullopt;
}

std::string applyTierJson(TierLimits& limits, const nlohmann::json& overrides) {
  if (!overrides.is_object()) return "tier settings must be a JSON object";
  TierLimits next = limits;
  if (overrides.contains("tier")) {
    const nlohmann::json& tier = overrides.at("tier");
    std::optional<TierLimits> profile = tier.is_string() ? tierProfile(tier.get<std::string>()) : std::nullopt;
    if (!profile) return "tier must be F0, S0 or unlimited";
    next = *profile;
  }
  try {
    readField(overrides, "projects", next.projects);
    readField(overrides, "imagesPerProject", next.imagesPerProject);
    readField(overrides, "tagsPerProject", next.tagsPerProject);
    readField(overrides, "iterationsPerProject", next.iterationsPerProject);
    readField(overrides, "tagsPerImage", next.tagsPerImage);
    readField(overrides, "imageBytes", next.imageBytes);
    readField(overrides, "predictionsPerMonth", next.predictionsPerMonth);
    readField(overrides, "trainPerSecond", next.trainPerSecond);
    readField(overrides, "predictionsStoredPerSecond", next.predictionsStoredPerSecond);
    readField(overrides, "predictionsNoStorePerSecond", next.predictionsNoStorePerSecond);
    readField(overrides, "otherPerSecond", next.otherPerSecond);
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  limits = next;
  return "";
}

nlohmann::json toJson(const TierLimits& t) {
  return {{"tier", t.name},
          {"projects", t.projects},
          {"imagesPerProject", t.imagesPerProject},
          {"tagsPerProject", t.tagsPerProject},
          {"iterationsPerProject", t.iterationsPerProject},
          {"tagsPerImage", t.tagsPerImage},
          {"imageBytes", t.imageBytes},
          {"predictionsPerMonth", t.predictionsPerMonth},
          {"trainPerSecond", t.trainPerSecond},
          {"predictionsStoredPerSecond", t.predictionsStoredPerSecond},
          {"predictionsNoStorePerSecond", t.predictionsNoStorePerSecond},
          {"otherPerSecond", t.otherPerSecond}};
}

void applyPerImageLimits(const TierLimits& limits, ServiceLimits& service) {
  if (limits.tagsPerImage > 0) service.maxTagsPerImage = limits.tagsPerImage;
  if (limits.imageBytes > 0) service.maxTrainingImageBytes = static_cast<std::size_t>(limits.imageBytes);
}

}  // namespace cvmock::server::simulation
