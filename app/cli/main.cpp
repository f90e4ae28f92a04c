#include <cstdio>
#include <cstring>
#include <string>

#include "commands.h"
#include "recforge/version.h"

using namespace recforge::cli;

namespace recforge::cli {

const std::vector<Command> &commands()
{
    static const std::vector<Command> all = {
        {"demo-data", "generate the synthetic demo shop into a project", runDemoData},
        {"import", "import interactions (+ catalogue, users) into a project", runImport},
        {"datasets", "list the datasets and splits of a project", runDatasets},
        {"stats", "statistics of a stored dataset", runStats},
        {"split", "make and store a train/validation/test split", runSplit},
        {"train", "train and evaluate a model (--config run.json), recorded as a run", runTrain},
        {"pretrain",
         "pretrain a text encoder on the catalogue (masked-language model) or the sequential "
         "transformer on behaviour (--objective behaviour: cloze + attributes, a stored run)",
         runPretrain},
        {"finetune",
         "fine-tune a pretrained encoder: next item, purchase / click classification or rating "
         "regression",
         runFinetune},
        {"distill",
         "distil a teacher run into a small student (--teacher-run ID --config student.json), "
         "with the teacher-vs-student comparison",
         runDistill},
        {"pipeline",
         "pretrain -> fine-tune -> distil as a chain of runs (pipeline run | resume | rerun | "
         "list | show)",
         runPipeline},
        {"evaluate", "evaluate a run's model under another protocol", runEvaluate},
        {"runs",
         "list runs (runs list), show one (runs show --run ID) or resume an interrupted one (runs "
         "resume --run ID)",
         runRuns},
        {"export", "export a run's model (safetensors, TorchScript, embeddings, top-K)", runExport},
        {"recommend", "top-K for user histories with an exported model", runRecommend},
    };
    return all;
}

} // namespace recforge::cli

static void printUsage()
{
    std::printf("recforge-cli %s — headless RecForge\n\nusage: recforge-cli <command> [options]\n"
                "       recforge-cli <command> --help\n\ncommands:\n",
                recforge::kVersion);
    for (const Command &c : commands())
        std::printf("  %-12s %s\n", c.name, c.summary);
    std::printf(
        "\nEvery command accepts --json (machine-readable result on stdout) and --quiet.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "help") == 0) {
        printUsage();
        return argc < 2 ? kUsage : kOk;
    }
    if (std::strcmp(argv[1], "--version") == 0) {
        std::printf("recforge-cli %s (%s)\n", recforge::kVersion, recforge::kGitCommit);
        return kOk;
    }
    for (const Command &c : commands())
        if (std::strcmp(argv[1], c.name) == 0)
            return c.run(argc, argv, 2);
    std::fprintf(stderr, "error: unknown command '%s' (see recforge-cli --help)\n", argv[1]);
    return kUsage;
}
