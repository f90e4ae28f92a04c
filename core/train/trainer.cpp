#include "trainer.h"

#include <chrono>
#include <filesystem>
#include <sstream>

#include "runtime/runtime.h"
#include "train/checkpoint.h"

namespace recforge {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Sets every group's rate to lr times its ParameterGroup::lrScale.
void setLearningRate(torch::optim::Optimizer &optimizer, double lr,
                     const std::vector<double> &scales)
{
    auto &groups = optimizer.param_groups();
    for (size_t i = 0; i < groups.size(); ++i)
        static_cast<torch::optim::AdamWOptions &>(groups[i].options())
            .lr(lr * (i < scales.size() ? scales[i] : 1.0));
}

nlohmann::json jsonNumbers(const std::vector<double> &values)
{
    nlohmann::json out = nlohmann::json::array();
    for (double v : values)
        out.push_back(std::isfinite(v) ? nlohmann::json(v) : nlohmann::json());
    return out;
}

std::vector<double> numbersFromJson(const nlohmann::json &j)
{
    std::vector<double> out;
    for (const auto &v : j)
        out.push_back(v.is_number() ? v.get<double>() : std::numeric_limits<double>::quiet_NaN());
    return out;
}

// Everything the loop needs besides the objective, so run() stays readable.
struct Loop {
    const TrainParams &params;
    Objective &objective;
    Observer &observer;
    TrainObserver *events; // observer as a TrainObserver, or null
    StopToken stop;
    torch::optim::AdamW &optimizer;
    std::vector<torch::Tensor> parameters;
    std::vector<double> lrScales; // per optimiser group
    std::mt19937_64 rng;
    int64_t step = 0;
    int64_t totalSteps = 0;
    double lastLr = 0;

    Status cancelled(int epoch) const
    {
        return makeError(ErrorCode::Cancelled, "training cancelled in epoch " +
                                                   std::to_string(epoch) + " after step " +
                                                   std::to_string(step));
    }

    // One epoch of optimiser steps. Returns (mean loss, samples).
    Expected<std::pair<double, int64_t>> trainEpoch(int epoch)
    {
        const int64_t batches = objective.beginEpoch(epoch, params.batchSize, rng);
        if (batches <= 0)
            return makeError(ErrorCode::Empty, "training: the objective has no training example");
        if (totalSteps == 0)
            totalSteps = batches * params.epochs;
        ProgressReporter progress(
            observer, stop, "epoch " + std::to_string(epoch) + "/" + std::to_string(params.epochs),
            batches);
        objective.module().train();
        double lossSum = 0;
        int64_t samples = 0;
        for (int64_t b = 0; b < batches; ++b) {
            if (stop.stopRequested() || progress.stopRequested())
                return tl::unexpected(cancelled(epoch).error());
            ++step;
            lastLr = learningRateAt(params, step, totalSteps);
            setLearningRate(optimizer, lastLr, lrScales);
            optimizer.zero_grad();
            BatchLoss batch = objective.loss(b);
            const double value = batch.loss.item<double>();
            if (auto s = checkFiniteLoss(value, step, epoch, b + 1); !s)
                return tl::unexpected(s.error());
            batch.loss.backward();
            if (params.clipNorm > 0)
                torch::nn::utils::clip_grad_norm_(parameters, params.clipNorm);
            optimizer.step();
            lossSum += value * double(batch.samples);
            samples += batch.samples;
            if (events)
                events->onBatch(
                    BatchEvent{epoch, step, b + 1, batches, value, lastLr, batch.samples});
            if (!progress.tick(b + 1))
                return tl::unexpected(cancelled(epoch).error());
        }
        progress.finish();
        return std::make_pair(samples > 0 ? lossSum / double(samples) : 0.0, samples);
    }
};

} // namespace

void Trainer::addCallback(std::shared_ptr<TrainCallback> callback)
{
    m_callbacks.push_back(std::move(callback));
}

Expected<TrainResult> Trainer::run(const TrainParams &params, Objective &objective,
                                   Observer &observer, StopToken stop)
{
    if (auto s = params.validate(); !s)
        return tl::unexpected(s.error());
    const auto start = Clock::now();
    TrainResult result;
    try {
        auto choice = parseDeviceChoice(params.device);
        if (!choice)
            return tl::unexpected(choice.error());
        auto device = applyRuntime(RuntimeOptions{*choice, params.threads});
        if (!device)
            return tl::unexpected(device.error());
        result.device = *device;
        const torch::Device torchDevice(*device == "cuda" ? torch::kCUDA : torch::kCPU);

        torch::manual_seed(params.seed);
        torch::nn::Module &module = objective.module();
        module.to(torchDevice);
        objective.setDevice(torchDevice);
        const auto adamw = torch::optim::AdamWOptions(params.learningRate)
                               .betas({params.beta1, params.beta2})
                               .weight_decay(params.weightDecay);
        std::vector<torch::Tensor> parameters;
        std::vector<double> scales;
        std::vector<torch::optim::OptimizerParamGroup> groups;
        for (auto &g : objective.parameterGroups()) {
            if (g.parameters.empty())
                continue;
            parameters.insert(parameters.end(), g.parameters.begin(), g.parameters.end());
            scales.push_back(g.lrScale);
            groups.emplace_back(g.parameters, std::make_unique<torch::optim::AdamWOptions>(adamw));
        }
        torch::optim::AdamW optimizer(std::move(groups), adamw);
        Loop loop{params,
                  objective,
                  observer,
                  dynamic_cast<TrainObserver *>(&observer),
                  stop,
                  optimizer,
                  parameters,
                  scales,
                  std::mt19937_64(params.seed)};

        auto early = std::make_shared<EarlyStopping>(params.patience, params.minDelta);
        std::vector<std::shared_ptr<TrainCallback>> callbacks{early};
        callbacks.insert(callbacks.end(), m_callbacks.begin(), m_callbacks.end());

        std::vector<torch::Tensor> best; // best epoch's weights (restoreBest)
        int firstEpoch = 1;
        const bool checkpoints = !params.checkpointDir.empty();
        std::string resumePath = params.resumeFrom;
        if (params.resume && resumePath.empty() && checkpoints)
            resumePath = latestTrainCheckpoint(params.checkpointDir).value_or(std::string());
        if (params.resume && !resumePath.empty()) {
            auto loaded = loadTrainCheckpoint(resumePath, module, optimizer);
            if (!loaded)
                return tl::unexpected(loaded.error());
            if (*loaded) {
                const nlohmann::json &st = (*loaded)->state;
                result.epochsRun = st.at("epoch").get<int>();
                result.resumedFromEpoch = result.epochsRun;
                loop.step = st.at("step").get<int64_t>();
                loop.totalSteps = st.at("totalSteps").get<int64_t>();
                std::istringstream(st.at("rng").get<std::string>()) >> loop.rng;
                result.epochLosses = numbersFromJson(st.at("losses"));
                result.validation = numbersFromJson(st.at("validation"));
                const auto &cbs = st.at("callbacks");
                for (size_t i = 0; i < callbacks.size() && i < cbs.size(); ++i)
                    callbacks[i]->setState(cbs[i]);
                best = std::move((*loaded)->best);
                firstEpoch = result.epochsRun + 1;
                observer.onMessage("resumed after epoch " + std::to_string(result.epochsRun));
            }
        }

        for (int epoch = firstEpoch; epoch <= params.epochs; ++epoch) {
            const auto epochStart = Clock::now();
            auto trained = loop.trainEpoch(epoch);
            if (!trained)
                return tl::unexpected(trained.error());
            const double trainSeconds = secondsSince(epochStart);

            EpochEvent event;
            event.epoch = epoch;
            event.epochs = params.epochs;
            event.trainLoss = trained->first;
            event.samplesPerSecond = trainSeconds > 0 ? double(trained->second) / trainSeconds : 0;
            event.learningRate = loop.lastLr;
            event.monitored = std::numeric_limits<double>::quiet_NaN();

            EpochState state{epoch, loop.step, trained->first, std::nullopt};
            {
                module.eval();
                torch::NoGradGuard noGrad;
                auto validation = objective.validate(epoch);
                if (!validation)
                    return tl::unexpected(validation.error());
                if (*validation) {
                    state.monitored = (*validation)->value;
                    event.monitored = (*validation)->value;
                    event.metrics = (*validation)->metrics;
                }
            }
            result.epochsRun = epoch;
            result.steps = loop.step;
            result.epochLosses.push_back(trained->first);
            result.validation.push_back(event.monitored);

            std::string reason;
            for (auto &cb : callbacks)
                if (cb->onEpochEnd(state) == CallbackAction::Stop && reason.empty())
                    reason = cb->stopReason();
            event.improved = early->improved();
            if (event.improved && params.restoreBest) {
                torch::NoGradGuard noGrad;
                best.clear();
                for (auto &t : moduleTensors(module))
                    best.push_back(t.detach().clone());
            }
            event.seconds = secondsSince(epochStart);
            const double perEpoch = secondsSince(start) / double(epoch - firstEpoch + 1);
            event.etaSeconds = perEpoch * double(params.epochs - epoch);
            if (loop.events)
                loop.events->onEpoch(event);

            if (checkpoints) {
                const std::string checkpointPath = trainCheckpointPath(params.checkpointDir, epoch);
                std::error_code ec;
                std::filesystem::create_directories(params.checkpointDir, ec);
                std::ostringstream rngText;
                rngText << loop.rng;
                nlohmann::json cbs = nlohmann::json::array();
                for (auto &cb : callbacks)
                    cbs.push_back(cb->state());
                TrainCheckpoint ckpt{{{"epoch", epoch},
                                      {"step", loop.step},
                                      {"totalSteps", loop.totalSteps},
                                      {"rng", rngText.str()},
                                      {"losses", jsonNumbers(result.epochLosses)},
                                      {"validation", jsonNumbers(result.validation)},
                                      {"callbacks", cbs},
                                      {"params", toJson(params)}},
                                     best};
                if (auto s = saveTrainCheckpoint(checkpointPath, module, optimizer, ckpt); !s)
                    return tl::unexpected(s.error());
                pruneTrainCheckpoints(params.checkpointDir, epoch - 1);
                if (loop.events)
                    loop.events->onCheckpoint(CheckpointEvent{epoch, loop.step, checkpointPath});
            }
            if (!reason.empty()) {
                result.stopReason = reason;
                result.pruned = reason.rfind("pruned", 0) == 0;
                result.earlyStopped = !result.pruned;
                observer.onMessage(reason);
                break;
            }
        }
        result.bestEpoch = early->bestEpoch();
        result.bestValue = early->bestValue();
        if (params.restoreBest && !best.empty()) {
            torch::NoGradGuard noGrad;
            auto tensors = moduleTensors(module);
            for (size_t i = 0; i < tensors.size() && i < best.size(); ++i)
                tensors[i].copy_(best[i]);
            result.restoredBest = true;
        }
        module.eval();
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Internal, std::string("training failed: ") + e.what());
    }
    result.seconds = secondsSince(start);
    return result;
}

Expected<TrainResult> train(const TrainParams &params, Objective &objective, Observer &observer,
                            StopToken stop)
{
    return Trainer().run(params, objective, observer, stop);
}

} // namespace recforge
