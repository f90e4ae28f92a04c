#include "csvtables.h"

#include <charconv>
#include <cmath>

#include <ATen/Parallel.h>
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
    at::Tensor s = scores.detach().to(torch::kCPU, torch::kFloat).contiguous().clone();
    if (mask.defined())
        s.masked_fill_(mask.to(torch::kCPU), std::numeric_limits<float>::quiet_NaN());
    const int64_t rows = s.size(0);
    const auto items = int32_t(s.size(1));
    std::vector<std::vector<RankedItem>> out(static_cast<size_t>(rows));
    const float *sp = s.data_ptr<float>();
    at::parallel_for(0, rows, 1, [&](int64_t begin, int64_t end) {
        for (int64_t r = begin; r < end; ++r)
            out[size_t(r)] = bestOfRow(sp + r * items, items, k);
    });
    return out;
}

} // namespace recforge
