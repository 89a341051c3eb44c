// Domain ids, names and export platforms as recorded from the real service (DomainsApiTests) and CONTRACT.md.
#include "mock_server/service/domains.h"

namespace cvmock::server {
namespace {

const std::vector<std::string> kCompactClassificationPlatforms = {"VAIDK", "CoreML", "DockerFile",
                                                                  "ONNX",  "OpenVino", "TensorFlow"};

Domain full(const char* id, const char* name, DomainType type) { return {id, name, type, false, {}, std::nullopt, ""}; }

Domain compact(const char* id, const char* name, DomainType type, std::vector<std::string> platforms, double sizeMb,
               const char* description) {
  return {id, name, type, true, std::move(platforms), sizeMb, description};
}

std::vector<Domain> buildCatalogue() {
  using enum DomainType;
  return {
      full("ee85a74c-405e-4adc-bb47-ffa8ca0c9f31", "General", Classification),
      full("a8e3c40f-fb4a-466f-832a-5e457ae4a344", "General [A1]", Classification),
      full("2e37d7fb-3a54-486a-b4d6-cfc369af0018", "General [A2]", Classification),
      full("c151d5b5-dd07-472a-acc8-15d29dea8518", "Food", Classification),
      full("ca455789-012d-4b50-9fec-5bb63841c793", "Landmarks", Classification),
      full("b30a91ae-e3c1-4f73-a81e-c270bff27c39", "Retail", Classification),
      full("45badf75-3591-4f26-a705-45678d3e9f5f", "Adult", Classification),
      compact("0732100f-1a38-4e49-a514-c9b44c697ab5", "General (compact)", Classification,
              kCompactClassificationPlatforms, 5, "A ShuffleNet-like model for general classification problem."),
      compact("a1db07ca-a19a-4830-bae8-e004a42dc863", "General (compact) [S1]", Classification,
              kCompactClassificationPlatforms, 5, "A ShuffleNet-like model for general classification problem."),
      compact("8882951b-82cd-4c32-970b-d5f8cb8bf6d7", "Food (compact)", Classification,
              kCompactClassificationPlatforms, 5, "A ShuffleNet-like model for food classification problem."),
      compact("b5cfd229-2ac7-4b2b-8d0a-2b0661344894", "Landmarks (compact)", Classification,
              kCompactClassificationPlatforms, 5, "A ShuffleNet-like model for landmarks classification problem."),
      compact("6b4faeda-8396-481b-9f8b-177b9fa3097f", "Retail (compact)", Classification,
              kCompactClassificationPlatforms, 5, "A ShuffleNet-like based model for food classification problem."),
      full("da2e3a8a-40a5-4171-82f4-58522f70fbc1", "General", ObjectDetection),
      full("9c616dff-2e7d-ea11-af59-1866da359ce6", "General [A1]", ObjectDetection),
      full("1d8ffafe-ec40-4fb2-8f90-72b3b6cecea4", "Logo", ObjectDetection),
      full("3780a898-81c3-4516-81ae-3a139614e1f3", "Products on Shelves", ObjectDetection),
      compact("a27d5ca5-bb19-49d8-a70a-fec086c47f5b", "General (compact)", ObjectDetection,
              {"CoreML", "DockerFile", "ONNX", "TensorFlow"}, 42, "A YOLO-like model for general detection problem."),
      compact("7ec2ac80-887b-48a6-8df9-8b1357765430", "General (compact) [S1]", ObjectDetection,
              {"VAIDK", "CoreML", "DockerFile", "ONNX", "OpenVino", "TensorFlow", "IVS"}, 13,
              "A SSD-like model for general detection problem."),
  };
}

}  // namespace

const std::vector<Domain>& allDomains() {
  static const std::vector<Domain> catalogue = buildCatalogue();
  return catalogue;
}

const Domain* findDomain(std::string_view id) {
  for (const Domain& domain : allDomains()) {
    if (domain.id == id) return &domain;
  }
  return nullptr;
}

const Domain& defaultDomain() { return allDomains().front(); }

}  // namespace cvmock::server
