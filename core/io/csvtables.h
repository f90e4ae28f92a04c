#pragma once
// CSV files of an export: embedding tables keyed by external ids, and top-K recommendation lists.
// RFC 4180 quoting (a field with a comma, quote, CR or LF is quoted, quotes doubled), UTF-8, '\n'
// line ends, floats in the shortest form that reads back to the same float32.

#include <string>
#include <string_view>
#include <vector>

#include <ATen/core/Tensor.h>

#include "common/error.h"
#include "io/atomicfile.h"
#include "recommend/rankeditem.h"

namespace recforge {

// The field as it must appear in a CSV line.
std::string csvField(std::string_view text);
// Shortest decimal text that parses back to exactly `value` ("nan", "inf", "-inf" for those).
std::string formatFloat(float value);

// "id,e0,e1,...,e<d-1>" then one row per entity.
class EmbeddingCsvWriter {
public:
    // Errors: Io.
    static Expected<EmbeddingCsvWriter> create(const std::string &path, int64_t dimension);
    // ids.size() == rows.size(0); rows [n, dimension] float (any floating dtype, any device).
    // Errors: InvalidArgument (shape), Io.
    Status append(const std::vector<std::string> &ids, const at::Tensor &rows);
    Status commit() { return m_file.commit(); }

private:
    explicit EmbeddingCsvWriter(AtomicFile file) : m_file(std::move(file)) {}
    AtomicFile m_file;
    int64_t m_dimension = 0;
};

// "user_id,rank,item_id,score[,title]": one line per recommended item, rank 1 = best.
class TopKCsvWriter {
public:
    // Errors: Io.
    static Expected<TopKCsvWriter> create(const std::string &path, bool withTitle);
    // itemIds / titles are indexed by internal item index (titles may be empty when !withTitle).
    Status append(const std::string &userId, const std::vector<RankedItem> &items,
                  const std::vector<std::string> &itemIds, const std::vector<std::string> &titles);
    Status commit() { return m_file.commit(); }
    int64_t bytesWritten() const { return m_file.bytesWritten(); }

private:
    explicit TopKCsvWriter(AtomicFile file) : m_file(std::move(file)) {}
    AtomicFile m_file;
    bool m_withTitle = false;
};

// Best `k` items of each row of scores [batch, items] float32 whose mask is false (mask [batch,
// items] bool, true = excluded; undefined = nothing excluded). Ties: lower item index first.
// NaN scores are never listed. Rows hold fewer than k entries when fewer items are allowed.
std::vector<std::vector<RankedItem>> topKRows(const at::Tensor &scores, const at::Tensor &mask,
                                              int k);

} // namespace recforge
