#include "exportstages.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>

#include <unistd.h>

#include <torch/torch.h>

#include "io/atomicfile.h"
#include "io/csvtables.h"
#include "io/modeltensors.h"
#include "io/npy.h"
#include "io/safetensors.h"
#include "io/torchscript.h"

namespace recforge::exportstage {

namespace fs = std::filesystem;

// Staging folders of exports whose process died (killed mid-export: no destructor ran).
// Their names carry the exporting process id; a folder whose process no longer exists is removed.
static void removeStaleStagingDirs(const std::string &dir)
{
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(".export-", 0) != 0 || !entry.is_directory(ec))
            continue;
        char *end = nullptr;
        const long pid = std::strtol(name.c_str() + 8, &end, 10);
        if (pid <= 0 || !end || *end != '-')
            continue; // not ours
        if (::kill(pid_t(pid), 0) == 0 || errno != ESRCH)
            continue; // alive (or not ours to judge)
        fs::remove_all(entry.path(), ec);
    }
}

Expected<StagingDir> StagingDir::create(const std::string &dir)
{
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        return makeError(ErrorCode::Io, "cannot create " + dir + ": " + ec.message(),
                         Location{dir, 0, 0, {}});
    removeStaleStagingDirs(dir);
    std::string pattern = dir + "/.export-" + std::to_string(::getpid()) + "-XXXXXX";
    if (!::mkdtemp(pattern.data()))
        return makeError(ErrorCode::Io,
                         "cannot create a staging folder in " + dir + ": " + std::strerror(errno),
                         Location{dir, 0, 0, {}});
    return StagingDir(pattern);
}

StagingDir::~StagingDir()
{
    if (!m_path.empty()) {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
}

Status writeIds(const std::string &path, const IdMap &ids)
{
    auto file = AtomicFile::create(path);
    if (!file)
        return tl::unexpected(file.error());
    for (int32_t i = 0; i < ids.size(); ++i) {
        const std::string &id = ids.id(i);
        if (id.find_first_of("\r\n") != std::string::npos)
            return makeError(ErrorCode::InvalidArgument,
                             "id '" + id + "' contains a line break; it cannot be exported",
                             Location{path, i + 1, 0, {}});
        if (auto ok = file->write(id + "\n"); !ok)
            return ok;
    }
    return file->commit();
}

Status cancelled()
{
    return makeError(ErrorCode::Cancelled, "export cancelled");
}

UserBatches::UserBatches(const Dataset &dataset, int batch)
    : m_sequences(UserSequences::build(dataset)), m_batch(batch), m_dataset(dataset)
{
}

void UserBatches::fill(int32_t begin, int32_t end, ScoreRequest &request)
{
    m_times.clear();
    m_events.clear();
    m_values.clear();
    size_t total = 0;
    for (int32_t u = begin; u < end; ++u)
        total += m_sequences.itemsOf(u).size();
    // Stable storage for the batch: reserve so spans stay valid.
    m_times.reserve(total);
    m_events.reserve(total);
    m_values.reserve(total);
    request = ScoreRequest{};
    for (int32_t u = begin; u < end; ++u) {
        const auto items = m_sequences.itemsOf(u);
        const size_t at = m_times.size();
        for (uint32_t row : m_sequences.rowsOf(u)) {
            m_times.push_back(m_dataset.interactions.timestamp[row]);
            m_events.push_back(m_dataset.interactions.event[row]);
            m_values.push_back(m_dataset.interactions.value[row]);
        }
        request.add(u, HistoryView{items,
                                   {m_times.data() + at, items.size()},
                                   {m_events.data() + at, items.size()},
                                   {m_values.data() + at, items.size()}});
    }
}

Status Exporter::weights()
{
    progress.setStage("weights", 1);
    auto tensors = modelTensors(model);
    if (!tensors)
        return tl::unexpected(tensors.error());
    nlohmann::json table = nlohmann::json::array();
    for (const auto &[name, t] : *tensors)
        table.push_back({{"name", name},
                         {"dtype", safetensorsDtypeName(t.scalar_type())},
                         {"shape", t.sizes().vec()}});
    const std::map<std::string, std::string> meta = {
        {"format", "recforge"}, {"model", model.id()}, {"params", model.params().dump()}};
    if (auto ok = writeSafetensors(staging.file("model.safetensors"), *tensors, meta); !ok)
        return ok;
    config["tensors"] = std::move(table);
    config["files"]["safetensors"] = "model.safetensors";
    stage("model.safetensors");
    return {};
}

Status Exporter::torchScript()
{
    progress.setStage("torchscript", 1);
    auto info = exportTorchScript(model, staging.file("model.pt"));
    if (!info)
        return tl::unexpected(info.error());
    (*info)["file"] = "model.pt";
    config["torchscript"] = *info;
    config["files"]["torchscript"] = "model.pt";
    stage("model.pt");
    return {};
}

Status Exporter::checkpoint()
{
    progress.setStage("checkpoint", 1);
    // Recommender::save writes by file name: give it an AtomicFile's temporary path.
    auto file = AtomicFile::create(staging.file("model.ckpt"));
    if (!file)
        return tl::unexpected(file.error());
    if (auto ok = model.save(file->tempPath()); !ok)
        return ok;
    if (auto ok = file->commit(); !ok)
        return ok;
    config["files"]["ckpt"] = "model.ckpt";
    stage("model.ckpt");
    return {};
}

Status Exporter::embeddings(UserBatches &users)
{
    progress.setStage("item embeddings", 1);
    torch::NoGradGuard noGrad;
    const torch::Tensor items = model.itemEmbeddings().detach().to(torch::kCPU);
    if (auto ok = writeNpy(staging.file("items.npy"), items); !ok)
        return ok;
    auto csv = EmbeddingCsvWriter::create(staging.file("items.csv"), items.size(1));
    if (!csv)
        return tl::unexpected(csv.error());
    if (auto ok = csv->append(dataset.items.ids(), items); !ok)
        return ok;
    if (auto ok = csv->commit(); !ok)
        return ok;
    nlohmann::json info = {
        {"items", {{"npy", "items.npy"}, {"csv", "items.csv"}, {"shape", items.sizes().vec()}}}};
    stage("items.npy");
    stage("items.csv");
    if (torch::Tensor bias = model.itemBias(); bias.defined()) {
        if (auto ok = writeNpy(staging.file("item_bias.npy"), bias.detach()); !ok)
            return ok;
        info["itemBias"] = {{"npy", "item_bias.npy"}, {"shape", bias.sizes().vec()}};
        stage("item_bias.npy");
    }

    // User vectors: probe one batch for the dimension, then stream.
    const int32_t n = users.users();
    progress.setStage("user embeddings", n);
    std::optional<NpyWriter> npy;
    std::optional<EmbeddingCsvWriter> userCsv;
    ScoreRequest request;
    for (int32_t begin = 0; begin < n; begin += users.batch()) {
        const int32_t end = std::min(n, begin + users.batch());
        users.fill(begin, end, request);
        torch::Tensor vectors = model.userEmbeddings(request);
        if (!vectors.defined()) {
            warnings.push_back({"model '" + model.id() + "' has no user vectors: no users.*", {}});
            config["embeddings"] = info;
            return {};
        }
        if (!npy) {
            auto w = NpyWriter::create(staging.file("users.npy"), torch::kFloat,
                                       {int64_t(n), vectors.size(1)});
            if (!w)
                return tl::unexpected(w.error());
            npy.emplace(std::move(*w));
            auto c = EmbeddingCsvWriter::create(staging.file("users.csv"), vectors.size(1));
            if (!c)
                return tl::unexpected(c.error());
            userCsv.emplace(std::move(*c));
            info["users"] = {{"npy", "users.npy"},
                             {"csv", "users.csv"},
                             {"shape", {int64_t(n), vectors.size(1)}},
                             {"history", "each user's complete sequence in the dataset"}};
        }
        vectors = vectors.detach().to(torch::kCPU);
        std::vector<std::string> ids;
        for (int32_t u = begin; u < end; ++u)
            ids.push_back(dataset.users.id(u));
        if (auto ok = npy->append(vectors); !ok)
            return ok;
        if (auto ok = userCsv->append(ids, vectors); !ok)
            return ok;
        if (!progress.tick(end))
            return cancelled();
    }
    if (npy) {
        if (auto ok = npy->commit(); !ok)
            return ok;
        if (auto ok = userCsv->commit(); !ok)
            return ok;
        stage("users.npy");
        stage("users.csv");
    }
    config["embeddings"] = info;
    return {};
}

Expected<MipsIndex> Exporter::buildIndex(EmbeddingMatrix &itemVectors, std::vector<float> &bias)
{
    const torch::Tensor e = model.itemEmbeddings();
    if (!e.defined())
        return makeError(ErrorCode::InvalidArgument,
                         "approximate top-K needs item embeddings, and model '" + model.id() +
                             "' has none (use an embedding model such as bprmf or sasrec, or "
                             "exact top-K)");
    const torch::Tensor cpu = e.detach().to(torch::kCPU, torch::kFloat).contiguous();
    itemVectors.rows = int32_t(cpu.size(0));
    itemVectors.dim = int32_t(cpu.size(1));
    itemVectors.values.assign(cpu.data_ptr<float>(), cpu.data_ptr<float>() + cpu.numel());
    if (const torch::Tensor b = model.itemBias(); b.defined()) {
        const torch::Tensor bc = b.detach().to(torch::kCPU, torch::kFloat).contiguous();
        bias.assign(bc.data_ptr<float>(), bc.data_ptr<float>() + bc.numel());
    }
    progress.setStage("top-K index", itemVectors.rows);
    return MipsIndex::build(itemVectors, bias, options.index, &progress);
}

Status Exporter::topK(UserBatches &users)
{
    const int32_t n = users.users();
    progress.setStage("top-K", n);
    std::vector<std::string> titles;
    bool anyTitle = false;
    if (options.titles) {
        titles.reserve(dataset.itemInfo.size());
        for (const ItemInfo &info : dataset.itemInfo) {
            titles.push_back(info.title);
            anyTitle = anyTitle || !info.title.empty();
        }
    }
    auto csv = TopKCsvWriter::create(staging.file("topk.csv"), anyTitle);
    if (!csv)
        return tl::unexpected(csv.error());
    torch::NoGradGuard noGrad;
    std::optional<MipsIndex> index;
    EmbeddingMatrix itemVectors;
    std::vector<float> bias;
    if (options.approximateTopK) {
        auto built = buildIndex(itemVectors, bias);
        if (!built)
            return tl::unexpected(built.error());
        index.emplace(std::move(*built));
        progress.setStage("top-K", n);
    }
    const int stride = options.recallSample > 0 ? std::max(1, n / options.recallSample) : 0;
    RecallAtK recall;
    int64_t recallUsers = 0;
    ScoreRequest request;
    const int64_t items = model.itemCount();
    for (int32_t begin = 0; begin < n; begin += users.batch()) {
        const int32_t end = std::min(n, begin + users.batch());
        users.fill(begin, end, request);
        std::vector<std::vector<RankedItem>> lists;
        if (index) {
            std::vector<std::vector<int32_t>> seen(request.size());
            for (size_t r = 0; r < request.size(); ++r)
                seen[r].assign(request.histories[r].items.begin(),
                               request.histories[r].items.end());
            const torch::Tensor u =
                model.userEmbeddings(request).detach().to(torch::kCPU, torch::kFloat).contiguous();
            const std::span<const float> rows(u.data_ptr<float>(), size_t(u.numel()));
            lists = index->search(rows, u.size(0), options.k, seen, options.index.ef);
            // The recall sample: every stride-th user, scored exactly as well.
            for (int32_t user = begin; stride > 0 && user < end; ++user) {
                if (user % stride != 0)
                    continue;
                const size_t r = size_t(user - begin);
                const auto row = rows.subspan(r * size_t(itemVectors.dim), size_t(itemVectors.dim));
                const auto exact =
                    exactTopK(itemVectors, bias, row, 1, options.k, std::span(seen).subspan(r, 1));
                recall.add({lists[r]}, exact);
                ++recallUsers;
            }
        } else {
            torch::Tensor scores = model.scoreItems(request).to(torch::kCPU);
            torch::Tensor mask = torch::zeros({end - begin, items}, torch::kBool);
            bool *m = mask.data_ptr<bool>();
            for (size_t r = 0; r < request.size(); ++r)
                for (int32_t item : request.histories[r].items)
                    if (item >= 0 && item < items)
                        m[int64_t(r) * items + item] = true;
            lists = topKRows(scores, mask, options.k);
        }
        for (size_t r = 0; r < lists.size(); ++r)
            if (auto ok = csv->append(dataset.users.id(begin + int32_t(r)), lists[r],
                                      dataset.items.ids(), titles);
                !ok)
                return ok;
        if (!progress.tick(end))
            return cancelled();
    }
    if (auto ok = csv->commit(); !ok)
        return ok;
    config["topk"] = {
        {"file", "topk.csv"},
        {"k", options.k},
        {"columns", anyTitle ? nlohmann::json{"user_id", "rank", "item_id", "score", "title"}
                             : nlohmann::json{"user_id", "rank", "item_id", "score"}},
        {"history", "each user's complete sequence in the dataset"},
        {"masked", "every item of that history"},
        {"method", index ? "hnsw" : "exact"}};
    if (index) {
        config["topk"]["index"] = {{"m", options.index.m},
                                   {"ef_construction", options.index.efConstruction},
                                   {"ef", options.index.ef}};
        if (recallUsers > 0)
            config["topk"]["recall_at_k"] = {{"value", recall.value()},
                                             {"sample_users", recallUsers},
                                             {"against", "exact top-K of the same scores"}};
    }
    config["files"]["topk"] = "topk.csv";
    stage("topk.csv");
    return {};
}

} // namespace recforge::exportstage
