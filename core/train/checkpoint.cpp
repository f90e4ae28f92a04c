#include "checkpoint.h"

#include <cstdio>
#include <filesystem>
#include <mutex>

#include <ATen/CPUGeneratorImpl.h>

namespace recforge {

namespace fs = std::filesystem;

std::vector<torch::Tensor> moduleTensors(torch::nn::Module &module)
{
    std::vector<torch::Tensor> out = module.parameters();
    for (auto &b : module.buffers())
        out.push_back(b);
    return out;
}

Status saveTrainCheckpoint(const std::string &path, torch::nn::Module &module,
                           torch::optim::Optimizer &optimizer, const TrainCheckpoint &checkpoint)
{
    try {
        torch::serialize::OutputArchive archive, model, optim, best;
        module.save(model);
        optimizer.save(optim);
        archive.write("model", model);
        archive.write("optimizer", optim);
        archive.write("state", c10::IValue(checkpoint.state.dump()));
        {
            auto gen = at::detail::getDefaultCPUGenerator();
            std::lock_guard<std::mutex> lock(gen.mutex());
            archive.write("torch_rng", gen.get_state());
        }
        for (size_t i = 0; i < checkpoint.best.size(); ++i)
            best.write(std::to_string(i), checkpoint.best[i].to(torch::kCPU));
        archive.write("best", best);
        const std::string tmp = path + ".tmp";
        archive.save_to(tmp);
        fs::rename(tmp, path);
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Io,
                         std::string("cannot write training checkpoint: ") + e.what(),
                         Location{path, 0, 0, {}});
    }
    return {};
}

Expected<std::optional<TrainCheckpoint>> loadTrainCheckpoint(const std::string &path,
                                                             torch::nn::Module &module,
                                                             torch::optim::Optimizer &optimizer)
{
    std::error_code ec;
    if (!fs::exists(path, ec))
        return std::optional<TrainCheckpoint>{};
    TrainCheckpoint out;
    try {
        torch::serialize::InputArchive archive, model, optim, best;
        archive.load_from(path);
        archive.read("model", model);
        archive.read("optimizer", optim);
        c10::IValue state;
        if (!archive.try_read("state", state) || !state.isString())
            return makeError(ErrorCode::InvalidArgument, "not a RecForge training checkpoint",
                             Location{path, 0, 0, {}});
        out.state = nlohmann::json::parse(state.toStringRef());
        module.load(model);
        optimizer.load(optim);
        torch::Tensor rng;
        archive.read("torch_rng", rng);
        {
            auto gen = at::detail::getDefaultCPUGenerator();
            std::lock_guard<std::mutex> lock(gen.mutex());
            gen.set_state(rng);
        }
        if (archive.try_read("best", best)) {
            const size_t n = moduleTensors(module).size();
            for (size_t i = 0; i < n; ++i) {
                torch::Tensor t;
                if (!best.try_read(std::to_string(i), t))
                    break;
                out.best.push_back(t);
            }
            if (!out.best.empty() && out.best.size() != n)
                return makeError(ErrorCode::InvalidArgument,
                                 "training checkpoint: best-weights snapshot is incomplete",
                                 Location{path, 0, 0, {}});
        }
    } catch (const std::exception &e) {
        return makeError(ErrorCode::InvalidArgument,
                         std::string("cannot resume from training checkpoint: ") + e.what(),
                         Location{path, 0, 0, {}});
    }
    return std::optional<TrainCheckpoint>(std::move(out));
}

namespace {

// Epoch of a "trainer-e0007.ckpt" name, or -1.
int checkpointEpoch(const std::filesystem::path &file)
{
    int epoch = -1;
    char tail = 0;
    const std::string name = file.filename().string();
    if (std::sscanf(name.c_str(), "trainer-e%d.ckp%c", &epoch, &tail) != 2 || tail != 't' ||
        name.size() < 5 || name.substr(name.size() - 5) != ".ckpt")
        return -1;
    return epoch;
}

} // namespace

std::string trainCheckpointPath(const std::string &dir, int epoch)
{
    char name[40];
    std::snprintf(name, sizeof name, "trainer-e%04d.ckpt", epoch);
    return (std::filesystem::path(dir) / name).string();
}

std::optional<std::string> latestTrainCheckpoint(const std::string &dir)
{
    std::error_code ec;
    std::optional<std::string> best;
    int bestEpoch = -1;
    for (const auto &entry : std::filesystem::directory_iterator(dir, ec)) {
        const int epoch = checkpointEpoch(entry.path());
        if (epoch > bestEpoch && entry.is_regular_file(ec)) {
            bestEpoch = epoch;
            best = entry.path().string();
        }
    }
    return best;
}

void pruneTrainCheckpoints(const std::string &dir, int keepFrom)
{
    std::error_code ec;
    std::vector<std::filesystem::path> old;
    for (const auto &entry : std::filesystem::directory_iterator(dir, ec)) {
        const int epoch = checkpointEpoch(entry.path());
        if (epoch >= 0 && epoch < keepFrom)
            old.push_back(entry.path());
    }
    for (const auto &path : old)
        std::filesystem::remove(path, ec);
}

} // namespace recforge
