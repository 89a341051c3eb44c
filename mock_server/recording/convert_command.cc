// `cvmock convert-recordings SRC DST`: every HttpRecorder file under SRC becomes a cassette at the same
// relative path under DST (".json" → ".jsonl"), sharing DST/bodies.
#include <fstream>
#include <iostream>

#include "mock_server/recording/command_line.h"
#include "mock_server/recording/commands.h"
#include "mock_server/recording/httprecorder_import.h"

namespace cvmock::recording {
namespace {

constexpr const char* kUsage =
    "usage: cvmock convert-recordings SRC DST\n"
    "  SRC  a folder of Microsoft.Rest HttpRecorder session files (*.json), e.g. the Azure .NET SDK tests'\n"
    "  DST  where the cassettes go (docs/RECORDING_FORMAT.md); existing cassettes of the same name are replaced\n";

std::vector<std::filesystem::path> sourceFiles(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void writeCassette(const Cassette& cassette, const std::filesystem::path& file) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << headerLine(cassette.header) << '\n';
  for (const Exchange& exchange : cassette.exchanges) out << exchangeLine(exchange) << '\n';
  if (!out) throw RecordingError("cannot write " + file.string());
}

}  // namespace

int runConvertRecordings(const std::vector<std::string>& args) {
  const CommandLine line = parseCommandLine(args, {}, {"--help"});
  if (line.has("--help")) {
    std::cout << kUsage;
    return 0;
  }
  if (!line.error.empty() || line.positional.size() != 2) {
    std::cerr << "cvmock convert-recordings: " << (line.error.empty() ? "needs SRC and DST" : line.error) << "\n\n"
              << kUsage;
    return 2;
  }
  const std::filesystem::path source = line.positional[0];
  const std::filesystem::path destination = line.positional[1];
  if (!std::filesystem::is_directory(source)) {
    std::cerr << "cvmock convert-recordings: " << source.string() << " is not a folder\n";
    return 2;
  }
  std::size_t files = 0;
  std::size_t exchanges = 0;
  try {
    for (const std::filesystem::path& file : sourceFiles(source)) {
      const std::filesystem::path relative = std::filesystem::relative(file, source);
      std::filesystem::path target = destination / relative;
      target.replace_extension(".jsonl");
      BodyStore store(destination, target.parent_path());
      const Cassette cassette = importHttpRecorder(file, relative.generic_string(), store);
      writeCassette(cassette, target);
      ++files;
      exchanges += cassette.exchanges.size();
    }
  } catch (const std::exception& failure) {
    std::cerr << "cvmock convert-recordings: " << failure.what() << "\n";
    return 1;
  }
  std::cout << "converted " << files << " recordings (" << exchanges << " exchanges) into " << destination.string()
            << std::endl;
  return 0;
}

}  // namespace cvmock::recording
