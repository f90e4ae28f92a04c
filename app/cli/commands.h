#pragma once

#include <string>
#include <vector>

namespace recforge::cli {

// Exit codes shared by every sub-command.
enum ExitCode { kOk = 0, kFailed = 1, kUsage = 2, kCancelled = 130 };

struct Command {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv, int first); // argv[first..] are the command's options
};

// Every sub-command, in the order `recforge-cli --help` lists them.
const std::vector<Command> &commands();

int runDemoData(int argc, char **argv, int first);
int runImport(int argc, char **argv, int first);
int runStats(int argc, char **argv, int first);
int runSplit(int argc, char **argv, int first);
int runDatasets(int argc, char **argv, int first);
int runTrain(int argc, char **argv, int first);
int runDistill(int argc, char **argv, int first);
int runPretrain(int argc, char **argv, int first);
int runFinetune(int argc, char **argv, int first);
int runPipeline(int argc, char **argv, int first);
int runEvaluate(int argc, char **argv, int first);
int runRuns(int argc, char **argv, int first);
int runExport(int argc, char **argv, int first);
int runRecommend(int argc, char **argv, int first);

} // namespace recforge::cli
