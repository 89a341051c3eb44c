// The image files of a directory, as cvctl's upload commands take them, and whole files read and written.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace cvmock::cvctl {

// True for the formats Custom Vision accepts for training images: jpg, jpeg, png, bmp and gif, in any case.
bool isImageFile(const std::filesystem::path& path);

// The image files directly in directory, sorted by name so repeated uploads go in the same order. Throws UsageError
// when directory is not one.
std::vector<std::filesystem::path> imagesIn(const std::filesystem::path& directory);

// The whole file's bytes. Throws UsageError naming the file when it cannot be read.
std::string readFileBytes(const std::filesystem::path& path);

// Writes bytes to path, replacing the file. Throws std::runtime_error naming the file when it cannot be written.
void writeFileBytes(const std::filesystem::path& path, const std::string& bytes);

}  // namespace cvmock::cvctl
