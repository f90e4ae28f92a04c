#include "checkpoint.h"

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

} // namespace recforge
