#pragma once
// Top-K recommendations of an exported model for user histories read from a file
// (io/historyfile.h), as `recforge-cli recommend` and the GUI's re-open dialog produce them.

#include <string>
#include <vector>

#include "common/error.h"
#include "common/progress.h"
#include "io/csvtables.h"
#include "io/historyfile.h"
#include "io/modelexport.h"

namespace recforge {

struct RecommendOptions {
    int k = 10;
    int batch = 1024;        // users scored together
    bool maskHistory = true; // never recommend an item of the user's history
};

struct UserRecommendations {
    std::string user;
    std::vector<RankedItem> items; // best first; internal indices (model.items maps them back)
};

// Scores every user of `histories` with model.model. A user id known to the export (model.users)
// is passed as that user index (BPR-MF then uses its trained vector); unknown users are scored
// from their history alone. Errors: InvalidArgument (k or batch < 1), Cancelled, Internal (torch
// failures).
Expected<std::vector<UserRecommendations>>
recommendForHistories(ExportedModel &model, const HistoryFile &histories,
                      const RecommendOptions &options, Observer &observer, StopToken stop = {});

// Writes "user_id,rank,item_id,score" through an AtomicFile. Errors: Io.
Status writeRecommendationsCsv(const std::string &path, const ExportedModel &model,
                               const std::vector<UserRecommendations> &lists);

// External id of an internal item index (the index as text when the export has no ids).
std::string externalItemId(const ExportedModel &model, int32_t item);

} // namespace recforge
