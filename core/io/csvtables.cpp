#include "csvtables.h"

#include <charconv>
#include <cmath>

#include <torch/torch.h>

namespace recforge {

std::string csvField(std::string_view text)
{
    if (text.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string formatFloat(float value)
{
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

Expected<EmbeddingCsvWriter> EmbeddingCsvWriter::create(const std::string &path, int64_t dimension)
{
    auto file = AtomicFile::create(path);
    if (!file)
        return tl::unexpected(file.error());
    std::string header = "id";
    for (int64_t d = 0; d < dimension; ++d)
        header += ",e" + std::to_string(d);
    header += '\n';
    if (auto ok = file->write(header); !ok)
        return tl::unexpected(ok.error());
    EmbeddingCsvWriter writer(std::move(*file));
    writer.m_dimension = dimension;
    return writer;
}

Status EmbeddingCsvWriter::append(const std::vector<std::string> &ids, const at::Tensor &rows)
{
    if (rows.dim() != 2 || rows.size(0) != int64_t(ids.size()) || rows.size(1) != m_dimension)
        return makeError(ErrorCode::InvalidArgument,
                         "embedding rows do not match their ids or the dimension",
                         Location{m_file.path(), 0, 0, {}});
    const at::Tensor cpu = rows.detach().to(torch::kCPU, torch::kFloat).contiguous();
    const float *p = cpu.data_ptr<float>();
    std::string line;
    for (size_t r = 0; r < ids.size(); ++r) {
        line = csvField(ids[r]);
        for (int64_t d = 0; d < m_dimension; ++d) {
            line += ',';
            line += formatFloat(p[int64_t(r) * m_dimension + d]);
        }
        line += '\n';
        if (auto ok = m_file.write(line); !ok)
            return ok;
    }
    return {};
}

Expected<TopKCsvWriter> TopKCsvWriter::create(const std::string &path, bool withTitle)
{
    auto file = AtomicFile::create(path);
    if (!file)
        return tl::unexpected(file.error());
    if (auto ok = file->write(withTitle ? "user_id,rank,item_id,score,title\n"
                                        : "user_id,rank,item_id,score\n");
        !ok)
        return tl::unexpected(ok.error());
    TopKCsvWriter writer(std::move(*file));
    writer.m_withTitle = withTitle;
    return writer;
}

Status TopKCsvWriter::append(const std::string &userId, const std::vector<RankedItem> &items,
                             const std::vector<std::string> &itemIds,
                             const std::vector<std::string> &titles)
{
    const std::string user = csvField(userId);
    std::string lines;
    for (size_t r = 0; r < items.size(); ++r) {
        const size_t item = size_t(items[r].item);
        lines += user;
        lines += ',';
        lines += std::to_string(r + 1);
        lines += ',';
        lines += csvField(item < itemIds.size() ? itemIds[item] : std::to_string(item));
        lines += ',';
        lines += formatFloat(items[r].score);
        if (m_withTitle) {
            lines += ',';
            if (item < titles.size())
                lines += csvField(titles[item]);
        }
        lines += '\n';
    }
    return m_file.write(lines);
}

std::vector<std::vector<RankedItem>> topKRows(const at::Tensor &scores, const at::Tensor &mask,
                                              int k)
{
    at::Tensor s = scores.detach().to(torch::kCPU, torch::kFloat).clone();
    at::Tensor allowed = torch::ones_like(s, torch::kBool);
    if (mask.defined()) {
        const at::Tensor m = mask.to(torch::kCPU);
        s.masked_fill_(m, -std::numeric_limits<float>::infinity());
        allowed = m.logical_not();
    }
    const int64_t rows = s.size(0), items = s.size(1);
    const int64_t kk = std::min<int64_t>(k, items);
    std::vector<std::vector<RankedItem>> out(static_cast<size_t>(rows));
    if (kk <= 0)
        return out;
    // topk's order among equal scores is unspecified: sort the candidates again by (score desc,
    // index asc) so exports are reproducible. Candidates: topk of a slightly larger k would miss
    // long tie runs, so ties at the cut are resolved over the full row instead.
    const auto [values, indices] = s.topk(kk, 1, true, true);
    const float *v = values.data_ptr<float>();
    const int64_t *ix = indices.data_ptr<int64_t>();
    const float *sp = s.data_ptr<float>();
    const bool *ap = allowed.data_ptr<bool>();
    for (int64_t r = 0; r < rows; ++r) {
        const float cut = v[r * kk + kk - 1];
        std::vector<RankedItem> candidates;
        for (int64_t j = 0; j < kk; ++j)
            if (v[r * kk + j] > cut)
                candidates.push_back({int32_t(ix[r * kk + j]), v[r * kk + j]});
        // Every allowed item at exactly the cut score, lowest index first.
        for (int64_t i = 0; i < items && int64_t(candidates.size()) < kk; ++i)
            if (ap[r * items + i] && sp[r * items + i] == cut)
                candidates.push_back({int32_t(i), cut});
        std::stable_sort(candidates.begin(), candidates.end(),
                         [](const RankedItem &a, const RankedItem &b) {
                             return a.score != b.score ? a.score > b.score : a.item < b.item;
                         });
        auto &row = out[size_t(r)];
        for (const RankedItem &c : candidates)
            if (ap[r * items + c.item])
                row.push_back(c);
    }
    return out;
}

} // namespace recforge
