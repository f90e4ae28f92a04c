#pragma once
// User histories to score with an exported model, in external ids. Two layouts, told apart by the
// file extension (.csv: CSV; .txt, .seq: sequences), else by the first non-blank line (a comma:
// CSV):
//  - CSV: "user,item[,anything...]" rows (comma-separated, RFC 4180 quotes), in time order per
//    user; a first row whose first field is user / user_id / userid (any case) is a header.
//  - Sequences: "user item1 item2 ..." (spaces or tabs), one user per line, items in time order.
// A user met again later continues their history. Torch-free.

#include <cstdint>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/progress.h"
#include "data/idmap.h"

namespace recforge {

struct HistoryFileUser {
    std::string user;
    std::vector<int32_t> items; // internal item indices, time order (unknown ids dropped)
    int64_t line = 0;           // first line of the user
};

struct HistoryFile {
    std::vector<HistoryFileUser> users; // in order of first appearance
    std::vector<Warning> warnings; // unknown item ids (with line and column), users without any
                                   // known item
    bool csv = false;
};

// items: the model's external item ids. When it is empty, ids must be internal indices
// 0..itemCount-1 ("17"). Unknown ids are warnings, never errors. Errors: Io (cannot read),
// Parse (a CSV row without an item column, an unterminated quote; Location line:column),
// Empty (no user), Cancelled.
Expected<HistoryFile> readHistories(const std::string &path, const IdMap &items, int32_t itemCount,
                                    Observer &observer, StopToken stop = {});

} // namespace recforge
