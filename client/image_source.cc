// ImageSource over memory, files and caller-supplied readers.
#include "client/image_source.h"

#include <cstring>
#include <fstream>
#include <stdexcept>

namespace cvmock::client {

ImageSource::ImageSource(std::uint64_t size, Reader reader, std::optional<std::string> fileName)
    : size_(size), reader_(std::move(reader)), fileName_(std::move(fileName)) {}

ImageSource::ImageSource(std::string bytes) : ImageSource(ImageFile{std::move(bytes), std::nullopt}) {}

ImageSource::ImageSource(ImageFile file) : size_(file.bytes.size()), fileName_(std::move(file.fileName)) {
  auto bytes = std::make_shared<const std::string>(std::move(file.bytes));
  reader_ = [bytes](std::uint64_t offset, std::size_t count, char* out) {
    std::memcpy(out, bytes->data() + offset, count);
  };
}

ImageSource ImageSource::fromFile(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) throw std::runtime_error(path.string() + " is not a file");
  const std::uint64_t size = std::filesystem::file_size(path, error);
  if (error) throw std::runtime_error("cannot read the size of " + path.string() + ": " + error.message());
  Reader reader = [path, size](std::uint64_t offset, std::size_t count, char* out) {
    std::ifstream in(path, std::ios::binary);
    if (!in || std::filesystem::file_size(path) != size) {
      throw std::runtime_error(path.string() + " changed or vanished during the upload");
    }
    in.seekg(static_cast<std::streamoff>(offset));
    in.read(out, static_cast<std::streamsize>(count));
    if (static_cast<std::size_t>(in.gcount()) != count) throw std::runtime_error("cannot read " + path.string());
  };
  return ImageSource(size, std::move(reader), path.filename().string());
}

ImageSource ImageSource::fromReader(std::uint64_t size, Reader reader, std::optional<std::string> fileName) {
  return ImageSource(size, std::move(reader), std::move(fileName));
}

void ImageSource::read(std::uint64_t offset, std::size_t count, char* out) const {
  if (offset + count > size_) throw std::out_of_range("read past the end of an image source");
  if (count > 0) reader_(offset, count, out);
}

}  // namespace cvmock::client
