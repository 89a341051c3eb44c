// One handler per operationId: parse the call, ask the service, write the wire model.
#pragma once

#include "mock_server/api/call.h"

namespace cvmock::server::handlers {

// Training API: domains and projects (project_handlers.cc)
void getDomains(Call& call);
void getDomain(Call& call);
void getProjects(Call& call);
void createProject(Call& call);
void getProject(Call& call);
void updateProject(Call& call);
void deleteProject(Call& call);

// Training API: tags (tag_handlers.cc)
void getTags(Call& call);
void createTag(Call& call);
void getTag(Call& call);
void updateTag(Call& call);
void deleteTag(Call& call);

// Training API: images (image_handlers.cc)
void getImages(Call& call);
void createImagesFromData(Call& call);
void createImagesFromFiles(Call& call);
void deleteImages(Call& call);
void getImageCount(Call& call);
void getTaggedImages(Call& call);
void getTaggedImageCount(Call& call);
void getUntaggedImages(Call& call);
void getImagesByIds(Call& call);
void getUntaggedImageCount(Call& call);
void createImageTags(Call& call);
void deleteImageTags(Call& call);
void updateImageMetadata(Call& call);

// Training API: suggested tags, the portal's Smart Labeler (suggested_tag_handlers.cc)
void suggestTagsAndRegions(Call& call);
void querySuggestedImages(Call& call);
void querySuggestedImageCount(Call& call);

// Training API: regions of object-detection images (region_handlers.cc)
void createImageRegions(Call& call);
void deleteImageRegions(Call& call);
void getImageRegionProposals(Call& call);

// Training and Prediction APIs: the URL variants (url_handlers.cc)
void createImagesFromUrls(Call& call);
void quickTestImageUrl(Call& call);
void classifyImageUrl(Call& call);
void classifyImageUrlWithNoStore(Call& call);
void detectImageUrl(Call& call);
void detectImageUrlWithNoStore(Call& call);

// Training API: iterations (iteration_handlers.cc)
void trainProject(Call& call);
void getIterations(Call& call);
void getIteration(Call& call);
void updateIteration(Call& call);
void deleteIteration(Call& call);
void getIterationPerformance(Call& call);
void getImagePerformances(Call& call);
void getImagePerformanceCount(Call& call);
void publishIteration(Call& call);
void unpublishIteration(Call& call);

// Training quick test and the Prediction API (prediction_handlers.cc)
void quickTestImage(Call& call);
void classifyImage(Call& call);
void classifyImageWithNoStore(Call& call);
void detectImage(Call& call);
void detectImageWithNoStore(Call& call);

// Training API: project transfer and artifacts (project_transfer_handlers.cc)
void exportProject(Call& call);
void importProject(Call& call);
void getArtifact(Call& call);

// Training API: iteration exports (export_handlers.cc)
void exportIteration(Call& call);
void getExports(Call& call);

// Training API: stored predictions (stored_prediction_handlers.cc)
void queryPredictions(Call& call);
void deletePrediction(Call& call);
void createImagesFromPredictions(Call& call);

}  // namespace cvmock::server::handlers
