#pragma once
// Top-K for one user from any Recommender, with filters and a short explanation per item.
// Torch-free header (the model is only forward-declared).

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "common/error.h"
#include "data/dataset.h"
#include "recommend/similarity.h"
#include "recommend/userhistory.h"

namespace recforge {

class Recommender;

// Which items of the user's own history may be recommended again.
enum class ExcludeHistory {
    None,   // everything may come back
    Bought, // items with a purchase row are dropped
    Seen,   // every item of the history is dropped (the evaluator's protocol)
};

struct RecommendFilters {
    // Category subtree: keeps items whose category path starts with this path (empty = any).
    std::vector<std::string> category;
    // Price range, inclusive; NaN = open. With any bound set, items without a price are dropped.
    double minPrice = std::numeric_limits<double>::quiet_NaN();
    double maxPrice = std::numeric_limits<double>::quiet_NaN();
    ExcludeHistory exclude = ExcludeHistory::Seen;

    bool hasPriceBound() const { return !std::isnan(minPrice) || !std::isnan(maxPrice); }
};

// True when the item passes the catalogue filters (category, price); the history exclusion is
// applied separately because it depends on the user.
bool passesCatalogueFilters(const ItemInfo &info, const RecommendFilters &filters);

struct RecommendParams {
    int k = 10;         // >= 1
    int explainTop = 3; // history items named per recommendation (0 = no explanation)
    RecommendFilters filters;
};

// One history item behind a recommendation.
struct Contribution {
    int32_t item = 0;
    float similarity = 0; // cosine to the recommended item (> 0)
};

struct RecommendedItem {
    int32_t item = 0;
    float score = 0;                   // the model's raw score
    std::vector<Contribution> because; // best first, at most explainTop
};

struct RecommendResult {
    std::vector<RecommendedItem> items; // best first, at most k (fewer when filters leave fewer)
    int64_t candidates = 0;             // items that passed every filter
    double scoreMilliseconds = 0;       // time of the model's scoreItems call
};

// Scores every item for `history` (one scoreItems call; history.user is passed as the user id,
// -1 becomes the model's "unknown user": pass -1 for an edited (what-if) history so that models
// with per-user state fold the user in from the rows), applies the filters, keeps the k best (ties
// by lower item index) and explains each with the explainTop history items of highest similarity
// under `explainer` (may be null: no explanations). History rows whose item the model does not know
// are ignored. Not thread-safe for the same model (models reuse buffers): callers serialise.
// Errors: InvalidArgument (k < 1, model not fitted, or its item count differs from the dataset's);
// Internal (the model threw).
Expected<RecommendResult> recommend(Recommender &model, const Dataset &dataset,
                                    const UserHistory &history, const RecommendParams &params,
                                    const ItemSimilarity *explainer = nullptr);

// The explainTop history items most similar to `item` under `similarity` (only similarity > 0,
// the item itself excluded), best first, ties by earlier history position.
std::vector<Contribution> explain(const ItemSimilarity &similarity, const UserHistory &history,
                                  int32_t item, int explainTop);

} // namespace recforge
