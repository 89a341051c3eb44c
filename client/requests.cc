// Request builders shared by the Training and Prediction clients.
#include "client/requests.h"

#include <stdexcept>

#include "client/multipart.h"
#include "client/training_client.h"

namespace cvmock::client::requests {

HttpRequest bodiless(std::string method, std::string path, Query query) {
  return {std::move(method), std::move(path), std::move(query)};
}

HttpRequest withJson(std::string method, std::string path, const nlohmann::json& body, Query query) {
  return {std::move(method), std::move(path), std::move(query), body.dump(), "application/json"};
}

HttpRequest withImages(std::string path, std::vector<ImageSource> images, Query query, UploadProgress progress) {
  auto upload = std::make_shared<const MultipartUpload>(std::move(images));
  auto stream = std::make_shared<StreamedBody>();
  stream->size = upload->size();
  stream->contentType = upload->contentType();
  stream->read = [upload](std::uint64_t offset, std::size_t count, char* out) {
    return upload->read(offset, count, out);
  };
  stream->progress = std::move(progress);
  HttpRequest request{"POST", std::move(path), std::move(query)};
  request.stream = std::move(stream);
  return request;
}

Query imageQuery(const ImageQuery& query, std::initializer_list<ImageParam> params) {
  Query out;
  for (ImageParam param : params) {
    switch (param) {
      case ImageParam::IterationId:
        out.add("iterationId", query.iterationId);
        break;
      case ImageParam::TagIds:
        out.add("tagIds", query.tagIds);
        break;
      case ImageParam::TaggingStatus:
        out.add("taggingStatus", query.taggingStatus);
        break;
      case ImageParam::Filter:
        out.add("$filter", query.filter);
        break;
      case ImageParam::OrderBy:
        out.add("orderBy", query.orderBy);
        break;
      case ImageParam::Take:
        out.add("take", query.take);
        break;
      case ImageParam::Skip:
        out.add("skip", query.skip);
        break;
    }
  }
  return out;
}

void checkBatchSize(size_t count) {
  if (count > TrainingClient::kMaxImagesPerBatch) {
    throw std::invalid_argument("at most " + std::to_string(TrainingClient::kMaxImagesPerBatch) +
                                " images per upload call, got " + std::to_string(count));
  }
}

}  // namespace cvmock::client::requests
