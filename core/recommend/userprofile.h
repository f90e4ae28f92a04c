#pragma once
// What a user is like, from their history and the catalogue: category and brand affinity, price
// range, activity over time, events per kind. Torch-free.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "data/dataset.h"
#include "recommend/userhistory.h"

namespace recforge {

// How much one event of a kind counts towards an affinity. Custom kinds weigh `other`.
struct EventWeights {
    double view = 1, click = 2, cart = 3, purchase = 5, rating = 4, other = 1;
    double of(uint16_t code) const;
};

struct ProfileOptions {
    EventWeights weights;
    int categoryLevel = 0; // 0 = top-level category; deeper levels fall back to the deepest known
    int maxEntries = 10;   // per affinity list; the rest is summed into "other"
};

struct Affinity {
    std::string name;  // "(none)" for items without a category / brand, "other" for the rest
    double weight = 0; // summed event weights
    double share = 0;  // weight / total weight, in [0, 1]
};

struct PriceRange {
    int64_t count = 0; // priced items (distinct) the range is over; 0 = no price known
    double min = 0, median = 0, max = 0;
    bool fromPurchases = false; // true: bought items; false: every item of the history
};

struct UserProfile {
    int64_t events = 0;
    int64_t distinctItems = 0;
    int64_t firstTimestamp = 0, lastTimestamp = 0;
    std::vector<std::pair<std::string, int64_t>> eventsByKind; // kind name -> rows, code order
    std::vector<Affinity> categories;                          // heaviest first
    std::vector<Affinity> brands;                              // heaviest first
    PriceRange price;
    std::vector<std::pair<int64_t, int64_t>> perDay;  // (UTC day start, rows), ascending
    std::vector<std::pair<int64_t, int64_t>> perWeek; // (UTC Monday start, rows), ascending
};

// Builds the profile of `history` (rows of items outside the catalogue are counted as events but
// contribute to no affinity). The price range covers purchased items when there are any, else every
// item of the history. An empty history gives an empty profile (events == 0).
UserProfile buildUserProfile(const Dataset &dataset, const UserHistory &history,
                             const ProfileOptions &options = {});

// The category name of an item at `level` ("(none)" when it has no category).
std::string categoryAt(const ItemInfo &info, int level);

} // namespace recforge
