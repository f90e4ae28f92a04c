#pragma once
// Tiny hand-made datasets for the model and evaluator tests.

#include <string>
#include <tuple>
#include <vector>

#include "data/dataset.h"
#include "data/split.h"

namespace recforge::test {

struct Row {
    int user;
    int item;
    SplitRole role;
};

// Users "u0".."u<users-1>" and items "i0".."i<items-1>" (ids equal indices); rows keep their
// order as time (timestamp = position in `rows`).
inline std::pair<Dataset, Split> tinyData(int users, int items, const std::vector<Row> &rows,
                                          SplitKind kind = SplitKind::LeaveOneOut)
{
    Dataset d;
    d.name = "tiny";
    for (int u = 0; u < users; ++u)
        d.users.intern(std::string("u").append(std::to_string(u)));
    for (int i = 0; i < items; ++i)
        d.items.intern(std::string("i").append(std::to_string(i)));
    Split split;
    split.params.kind = kind;
    int64_t t = 0;
    for (const auto &r : rows) {
        d.interactions.append(r.user, r.item, t++, 3, 1.0f);
        split.role.push_back(uint8_t(r.role));
    }
    d.syncInfoSizes();
    return {std::move(d), std::move(split)};
}

// Leave-one-out rows from per-user item sequences: last -> Test, second last -> Validation.
inline std::vector<Row> looRows(const std::vector<std::vector<int>> &sequences)
{
    std::vector<Row> rows;
    for (size_t u = 0; u < sequences.size(); ++u) {
        const auto &s = sequences[u];
        for (size_t k = 0; k < s.size(); ++k) {
            SplitRole role = SplitRole::Train;
            if (s.size() >= 3 && k + 1 == s.size())
                role = SplitRole::Test;
            else if (s.size() >= 3 && k + 2 == s.size())
                role = SplitRole::Validation;
            rows.push_back({int(u), s[k], role});
        }
    }
    return rows;
}

} // namespace recforge::test
