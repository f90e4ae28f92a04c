#include "finetunepairs.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

#include "eval/metrics.h"
#include "models/itemfeatures.h"
#include "models/seqtransformer.h"
#include "models/trainingdata.h"
#include "train/seqpretrained.h"
#include "train/trainer.h"

namespace recforge {

namespace {

struct Pairs {
    std::vector<int64_t> tokens, offsets{0}; // CSR: history tokens (item + 1) per pair
    std::vector<int64_t> candidates;
    std::vector<float> labels;
    size_t size() const { return candidates.size(); }
};

class PairModelImpl : public torch::nn::Module {
public:
    PairModelImpl(SeqTransformerNet encoder, int64_t hidden)
    {
        net = register_module("net", std::move(encoder));
        head = register_module(
            "taskHead", torch::nn::Sequential(torch::nn::Linear(3 * hidden, hidden),
                                              torch::nn::GELU(), torch::nn::Linear(hidden, 1)));
    }
    // history [B, W] tokens, candidates [B] item indices -> [B] logits / predictions.
    torch::Tensor forward(const torch::Tensor &history, const torch::Tensor &candidates)
    {
        torch::Tensor table = net->itemTable();
        const torch::Tensor composed = net->composedItems() ? table : torch::Tensor();
        torch::Tensor user = net->output(net->encode(history, false, composed, true)).select(1, -1);
        torch::Tensor item = table.index_select(0, candidates);
        return head->forward(torch::cat({user, item, user * item}, 1)).squeeze(1);
    }
    SeqTransformerNet net{nullptr};
    torch::nn::Sequential head{nullptr};
};
TORCH_MODULE(PairModel);

class PairObjective final : public Objective {
public:
    PairObjective(PairModel model, Pairs train, Pairs heldOut, PairTask task,
                  FinetuneOptions options)
        : m_model(std::move(model)), m_train(std::move(train)), m_heldOut(std::move(heldOut)),
          m_task(task), m_options(options)
    {
    }
    torch::nn::Module &module() override { return *m_model; }
    std::vector<ParameterGroup> parameterGroups() override
    {
        return finetuneParameterGroups(*m_model->net, m_options, m_model->head->parameters());
    }
    void setDevice(const torch::Device &device) override { m_device = device; }
    int64_t beginEpoch(int, int64_t batchSize, std::mt19937_64 &rng) override
    {
        std::vector<int64_t> order(m_train.size());
        std::iota(order.begin(), order.end(), int64_t(0));
        std::shuffle(order.begin(), order.end(), rng);
        m_batches.clear();
        for (size_t b = 0; b < order.size(); b += size_t(batchSize))
            m_batches.emplace_back(order.begin() + int64_t(b),
                                   order.begin() + int64_t(std::min(order.size(), b + batchSize)));
        return int64_t(m_batches.size());
    }
    BatchLoss loss(int64_t batch) override
    {
        const auto &rows = m_batches[size_t(batch)];
        torch::Tensor out = predict(m_train, rows);
        std::vector<float> y;
        for (int64_t r : rows)
            y.push_back(m_train.labels[size_t(r)]);
        torch::Tensor target = torch::tensor(y).to(m_device);
        torch::Tensor l = m_task == PairTask::Classification
                              ? torch::binary_cross_entropy_with_logits(out, target)
                              : torch::mse_loss(out, target);
        return {l, int64_t(rows.size())};
    }
    Expected<std::optional<Validation>> validate(int) override
    {
        return std::optional<Validation>(measure());
    }

    // Held-out metrics in eval mode (restores the mode).
    Validation measure()
    {
        torch::NoGradGuard noGrad;
        const bool training = m_model->is_training();
        m_model->eval();
        std::vector<float> predictions;
        for (size_t b = 0; b < m_heldOut.size(); b += 512) {
            std::vector<int64_t> rows(std::min<size_t>(512, m_heldOut.size() - b));
            std::iota(rows.begin(), rows.end(), int64_t(b));
            torch::Tensor p = predict(m_heldOut, rows);
            if (m_task == PairTask::Classification)
                p = torch::sigmoid(p);
            p = p.to(torch::kCPU).contiguous();
            predictions.insert(predictions.end(), p.data_ptr<float>(),
                               p.data_ptr<float>() + p.numel());
        }
        if (training)
            m_model->train();
        Validation v;
        if (m_task == PairTask::Classification) {
            std::vector<uint8_t> labels;
            for (float l : m_heldOut.labels)
                labels.push_back(l > 0.5f ? 1 : 0);
            v.metrics["AUC"] = auc(predictions, labels);
            v.metrics["LogLoss"] = logLoss(predictions, labels);
            v.value = v.metrics["AUC"];
        } else {
            v.metrics["RMSE"] = rmse(predictions, m_heldOut.labels);
            v.metrics["MAE"] = mae(predictions, m_heldOut.labels);
            v.value = -v.metrics["RMSE"];
        }
        return v;
    }

private:
    torch::Tensor predict(const Pairs &pairs, const std::vector<int64_t> &rows)
    {
        std::vector<std::span<const int64_t>> history;
        std::vector<int64_t> candidates;
        for (int64_t r : rows) {
            history.emplace_back(pairs.tokens.data() + pairs.offsets[size_t(r)],
                                 size_t(pairs.offsets[size_t(r) + 1] - pairs.offsets[size_t(r)]));
            candidates.push_back(pairs.candidates[size_t(r)]);
        }
        return m_model->forward(leftPadded(history).to(m_device),
                                torch::tensor(candidates, torch::kLong).to(m_device));
    }

    PairModel m_model;
    Pairs m_train, m_heldOut;
    PairTask m_task;
    FinetuneOptions m_options;
    std::vector<std::vector<int64_t>> m_batches;
    torch::Device m_device = torch::kCPU;
};

uint16_t eventCode(const std::string &name)
{
    if (name == "view")
        return uint16_t(EventType::View);
    if (name == "click")
        return uint16_t(EventType::Click);
    if (name == "cart")
        return uint16_t(EventType::Cart);
    return uint16_t(EventType::Purchase);
}

} // namespace

Expected<PairFinetuneResult> finetunePairs(const PairFinetuneParams &params,
                                           const TrainingData &data,
                                           const SeqPretrainInputs &inputs, Observer &observer,
                                           StopToken stop)
{
    if (auto s = params.validate(); !s)
        return tl::unexpected(s.error());
    auto resolved = resolveEncoderParams(params.model);
    if (!resolved)
        return tl::unexpected(resolved.error());
    const SeqTransformerParams model = SeqTransformerParams::fromJson(*resolved);
    const auto start = std::chrono::steady_clock::now();
    PairFinetuneResult result;
    result.task = params.task;
    try {
        // Pairs from the fit sequences; each user's last pair is held out.
        Pairs trainPairs, heldOut;
        const uint16_t positive = eventCode(params.positiveEvent);
        const bool classify = params.task == PairTask::Classification;
        for (int32_t u = 0; u < data.userCount(); ++u) {
            const HistoryView seq = data.fitSequence(u);
            for (size_t t = 1; t < seq.size(); ++t) {
                Pairs &into = t + 1 == seq.size() && seq.size() > 2 ? heldOut : trainPairs;
                const size_t from = t > size_t(model.maxLength) ? t - size_t(model.maxLength) : 0;
                for (size_t k = from; k < t; ++k)
                    into.tokens.push_back(int64_t(seq.items[k]) + 1);
                into.offsets.push_back(int64_t(into.tokens.size()));
                into.candidates.push_back(seq.items[t]);
                into.labels.push_back(classify ? (seq.events[t] == positive ? 1.0f : 0.0f)
                                               : seq.values[t]);
            }
        }
        if (trainPairs.size() == 0 || heldOut.size() == 0)
            return makeError(ErrorCode::Empty, "fine-tuning: no (history, candidate) pair");
        if (classify) {
            const auto positives =
                std::count(trainPairs.labels.begin(), trainPairs.labels.end(), 1.0f);
            if (positives == 0 || positives == int64_t(trainPairs.size()))
                return makeError(ErrorCode::Empty,
                                 "fine-tuning: every pair has the same label (positive event '" +
                                     params.positiveEvent + "')",
                                 Location{"", 0, 0, "positiveEvent"});
        }
        result.trainPairs = int64_t(trainPairs.size());
        result.heldOutPairs = int64_t(heldOut.size());

        const ItemFeatures *features =
            model.itemFeatures && inputs.features && inputs.features->itemCount == data.itemCount()
                ? inputs.features.get()
                : nullptr;
        SeqNetExtras extras;
        extras.outputHead = !params.finetune.dropHead;
        if (inputs.textVectors.defined() && inputs.textVectors.size(0) == data.itemCount())
            extras.textVectors = inputs.textVectors;
        torch::manual_seed(params.train.seed);
        SeqTransformerNet net(data.itemCount(), model.maxLength, model.config(), features, extras);
        auto loaded = loadPretrainedSeqNet(params.pretrained, *net);
        if (!loaded)
            return tl::unexpected(loaded.error());
        if (params.finetune.reinitHead)
            reinitOutputHead(*net);
        PairModel pairModel(net, model.hiddenSize);
        if (!classify) { // start regression at the mean rating
            torch::NoGradGuard noGrad;
            const double mean =
                std::accumulate(trainPairs.labels.begin(), trainPairs.labels.end(), 0.0) /
                double(trainPairs.size());
            pairModel->head[2]->as<torch::nn::Linear>()->bias.fill_(mean);
        }
        PairObjective objective(pairModel, std::move(trainPairs), std::move(heldOut), params.task,
                                params.finetune);
        const Validation before = objective.measure();
        const auto metric = [](const Validation &v, const char *name) {
            auto it = v.metrics.find(name);
            return it == v.metrics.end() ? std::nan("") : it->second;
        };
        result.initialAuc = metric(before, "AUC");
        result.initialLogLoss = metric(before, "LogLoss");
        result.initialRmse = metric(before, "RMSE");
        result.initialMae = metric(before, "MAE");
        TrainParams tp = params.train;
        tp.monitor = classify ? "AUC" : "-RMSE";
        auto trained = train(tp, objective, observer, stop);
        if (!trained)
            return tl::unexpected(trained.error());
        result.epochsRun = trained->epochsRun;
        result.epochLosses = trained->epochLosses;
        const Validation after = objective.measure();
        result.auc = metric(after, "AUC");
        result.logLoss = metric(after, "LogLoss");
        result.rmse = metric(after, "RMSE");
        result.mae = metric(after, "MAE");
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Internal, std::string("fine-tuning failed: ") + e.what());
    }
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace recforge
