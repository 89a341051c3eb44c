// The cvctl commands: each takes the connection settings and its command line, returns the exit
// code.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "client/cvctl/command_line.h"
#include "client/cvctl/settings.h"

namespace cvmock::cvctl {

using CommandFunction = int (*)(const Settings&, const CommandLine&);

struct Command {
  std::string name;
  std::string arguments;             // the synopsis after the name, e.g. "PROJECT NAME [--wait]"
  std::string summary;               // one sentence for the overview
  std::vector<OptionSpec> options;   // the command's own options
  CommandFunction run;
};

// Every command, in the order `cvctl --help` lists them.
const std::vector<Command>& allCommands();
// nullptr for an unknown name.
const Command* findCommand(const std::string& name);

// The overview: every command with its summary, then the global options. Names get a column as wide as the
// longest, so a summary never runs into its name.
void printOverview(std::ostream& out);
void printUsage(std::ostream& out, const Command& command);

// project_commands.cc
int runDomains(const Settings& settings, const CommandLine& line);
int runProjects(const Settings& settings, const CommandLine& line);
int runCreateProject(const Settings& settings, const CommandLine& line);
int runDeleteProject(const Settings& settings, const CommandLine& line);
// tag_commands.cc
int runCreateTag(const Settings& settings, const CommandLine& line);
int runTags(const Settings& settings, const CommandLine& line);
// image_commands.cc
int runImages(const Settings& settings, const CommandLine& line);
int runImageMetadata(const Settings& settings, const CommandLine& line);
int runDeleteImages(const Settings& settings, const CommandLine& line);
// upload_command.cc
int runUpload(const Settings& settings, const CommandLine& line);
int runUploadRegions(const Settings& settings, const CommandLine& line);
int runUploadUrls(const Settings& settings, const CommandLine& line);
// region_commands.cc
int runRegions(const Settings& settings, const CommandLine& line);
int runAddRegion(const Settings& settings, const CommandLine& line);
int runDeleteRegions(const Settings& settings, const CommandLine& line);
int runProposals(const Settings& settings, const CommandLine& line);
// iteration_commands.cc
int runTrain(const Settings& settings, const CommandLine& line);
int runIterations(const Settings& settings, const CommandLine& line);
int runPerformance(const Settings& settings, const CommandLine& line);
int runPublish(const Settings& settings, const CommandLine& line);
int runUnpublish(const Settings& settings, const CommandLine& line);
int runDeleteIteration(const Settings& settings, const CommandLine& line);
// predict_command.cc
int runPredict(const Settings& settings, const CommandLine& line);
int runDetect(const Settings& settings, const CommandLine& line);
int runQuickTest(const Settings& settings, const CommandLine& line);
// stored_prediction_commands.cc
int runPredictions(const Settings& settings, const CommandLine& line);
int runDeletePredictions(const Settings& settings, const CommandLine& line);
int runSuggestions(const Settings& settings, const CommandLine& line);
// transfer_commands.cc
int runExportProject(const Settings& settings, const CommandLine& line);
int runImportProject(const Settings& settings, const CommandLine& line);
int runExportIteration(const Settings& settings, const CommandLine& line);
int runExports(const Settings& settings, const CommandLine& line);
// demo_command.cc
int runDemo(const Settings& settings, const CommandLine& line);
// detection_demo.cc (demo --detection)
int runDetectionDemo(const Settings& settings, const CommandLine& line);
// admin_commands.cc (cvmock's admin API)
int runHealth(const Settings& settings, const CommandLine& line);
int runReset(const Settings& settings, const CommandLine& line);
int runConfig(const Settings& settings, const CommandLine& line);
int runTier(const Settings& settings, const CommandLine& line);
int runClock(const Settings& settings, const CommandLine& line);
int runJournal(const Settings& settings, const CommandLine& line);
// simulation_commands.cc (cvmock's admin API)
int runTrainingMode(const Settings& settings, const CommandLine& line);
int runNextTraining(const Settings& settings, const CommandLine& line);
int runAdvanceTraining(const Settings& settings, const CommandLine& line);
int runFaults(const Settings& settings, const CommandLine& line);
int runAddFault(const Settings& settings, const CommandLine& line);
int runRemoveFault(const Settings& settings, const CommandLine& line);

}  // namespace cvmock::cvctl
