#pragma once
// Shared by the Beauty benchmarks: loads ../shared/data/amazon-beauty (sequence format + item
// attributes) and builds the leave-one-out TrainingData. Header-only so bench/CMakeLists.txt
// keeps one executable per bench_*.cpp.

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "data/import/sequenceimporter.h"
#include "data/split.h"
#include "models/trainingdata.h"

namespace recforge::bench {

inline std::string beautyDir()
{
    const char *env = std::getenv("RECFORGE_BEAUTY_DIR");
    return env ? env : "/work/shared/data/amazon-beauty";
}

struct BeautyData {
    Dataset dataset;
    std::unique_ptr<TrainingData> data;
};

// Exits the process with a message when the data is missing or does not import.
inline BeautyData loadBeauty(bool attributes)
{
    ImportOptions options;
    options.path = beautyDir() + "/Beauty.txt";
    options.format = ImportFormat::Sequence;
    if (attributes)
        options.itemsPath = beautyDir() + "/Beauty_item2attributes.json";
    NullObserver obs;
    auto imported = importSequences(options, obs);
    if (!imported) {
        std::fprintf(stderr, "cannot import %s: %s\n", options.path.c_str(),
                     imported.error().toString().c_str());
        std::exit(1);
    }
    BeautyData out;
    out.dataset = std::move(imported->dataset);
    auto split = makeSplit(out.dataset, SplitParams{});
    if (!split) {
        std::fprintf(stderr, "split: %s\n", split.error().toString().c_str());
        std::exit(1);
    }
    auto data = TrainingData::build(out.dataset, *split);
    if (!data) {
        std::fprintf(stderr, "training data: %s\n", data.error().toString().c_str());
        std::exit(1);
    }
    out.data = std::make_unique<TrainingData>(std::move(*data));
    return out;
}

} // namespace recforge::bench
