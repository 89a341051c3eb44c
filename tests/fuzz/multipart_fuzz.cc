// libFuzzer target: the multipart/form-data parser. Input: a Content-Type line, then the body.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "mock_server/api/multipart.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cvmock::server;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  const std::string_view contentType = input.substr(0, newline);
  const std::string_view body = newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
  if (!isMultipartFormData(contentType)) return 0;
  const auto boundary = multipartBoundary(contentType);
  if (!boundary) return 0;
  const auto parts = parseMultipart(body, *boundary);
  if (!parts) return 0;
  // Parts are disjoint slices of the body, so together they can never be larger than it.
  std::size_t total = 0;
  for (const FormPart& part : *parts) total += part.content.size();
  if (total > body.size()) std::abort();
  return 0;
}
