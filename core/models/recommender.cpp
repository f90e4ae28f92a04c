#include "recommender.h"

#include <utility>

namespace recforge {

namespace {

constexpr int64_t kCheckpointFormat = 1;
constexpr const char *kModelKey = "recforge.model";
constexpr const char *kParamsKey = "recforge.params";
constexpr const char *kFormatKey = "recforge.format";

Expected<nlohmann::json> readHeader(torch::serialize::InputArchive &archive,
                                    const std::string &path)
{
    c10::IValue model, params, format;
    if (!archive.try_read(kModelKey, model) || !archive.try_read(kParamsKey, params) ||
        !archive.try_read(kFormatKey, format) || !model.isString() || !params.isString() ||
        !format.isInt())
        return makeError(ErrorCode::InvalidArgument, "not a RecForge model checkpoint",
                         Location{path, 0, 0, {}});
    nlohmann::json header;
    header["model"] = model.toStringRef();
    header["format"] = format.toInt();
    try {
        header["params"] = nlohmann::json::parse(params.toStringRef());
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Parse, std::string("checkpoint params: ") + e.what(),
                         Location{path, 0, 0, "params"});
    }
    if (header["format"].get<int64_t>() > kCheckpointFormat)
        return makeError(ErrorCode::InvalidArgument,
                         "checkpoint format " + header["format"].dump() +
                             " is newer than this build reads (" +
                             std::to_string(kCheckpointFormat) + ")",
                         Location{path, 0, 0, {}});
    return header;
}

} // namespace

torch::Tensor Recommender::scoreCandidates(const ScoreRequest &request,
                                           const torch::Tensor &candidates)
{
    torch::Tensor all = scoreItems(request);
    return all.gather(1, candidates.to(all.device(), torch::kLong));
}

Status Recommender::save(const std::string &path) const
{
    try {
        torch::serialize::OutputArchive archive;
        archive.write(kModelKey, c10::IValue(m_id));
        archive.write(kParamsKey, c10::IValue(m_params.dump()));
        archive.write(kFormatKey, c10::IValue(kCheckpointFormat));
        writeState(archive);
        archive.save_to(path);
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Io, std::string("cannot write checkpoint: ") + e.what(),
                         Location{path, 0, 0, {}});
    }
    return {};
}

Expected<nlohmann::json> Recommender::readCheckpointHeader(const std::string &path)
{
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(path);
        return readHeader(archive, path);
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Io, std::string("cannot read checkpoint: ") + e.what(),
                         Location{path, 0, 0, {}});
    }
}

Status Recommender::load(const std::string &path)
{
    torch::serialize::InputArchive archive;
    try {
        archive.load_from(path);
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Io, std::string("cannot read checkpoint: ") + e.what(),
                         Location{path, 0, 0, {}});
    }
    auto header = readHeader(archive, path);
    if (!header)
        return tl::unexpected(header.error());
    if ((*header)["model"] != m_id)
        return makeError(ErrorCode::InvalidArgument,
                         "checkpoint holds model '" + (*header)["model"].get<std::string>() +
                             "', not '" + m_id + "'",
                         Location{path, 0, 0, {}});
    // readState() sees the checkpoint's params (models rebuild their typed params from them).
    nlohmann::json previous = std::exchange(m_params, (*header)["params"]);
    try {
        if (auto s = readState(archive); !s) {
            m_params = std::move(previous);
            return s;
        }
    } catch (const std::exception &e) {
        m_params = std::move(previous);
        return makeError(ErrorCode::Internal, std::string("checkpoint state: ") + e.what(),
                         Location{path, 0, 0, {}});
    }
    return {};
}

torch::Tensor historyMatrix(const ScoreRequest &request, int32_t itemCount, bool useValues)
{
    torch::Tensor out = torch::zeros({int64_t(request.size()), int64_t(itemCount)});
    float *data = out.data_ptr<float>();
    for (size_t b = 0; b < request.size(); ++b) {
        float *row = data + int64_t(b) * itemCount;
        const HistoryView &h = request.histories[b];
        for (size_t k = 0; k < h.items.size(); ++k) {
            const int32_t item = h.items[k];
            if (item < 0 || item >= itemCount)
                continue;
            if (useValues)
                row[item] += h.values.empty() ? 1.0f : h.values[k];
            else
                row[item] = 1.0f;
        }
    }
    return out;
}

} // namespace recforge
