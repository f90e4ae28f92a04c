#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "data/dataset.h"
#include "data/generator.h"
#include "data/generatorrandom.h"
#include "data/generatorwords.h"

// Shared pieces of the demo-shop generator (generator.cpp drives, generatorcatalogue.cpp builds
// the catalogue and the users). Not part of the public API.
namespace recforge::shopgen {

constexpr int64_t kDay = 86400;

// The time span [start, end) of the generated log.
struct TimeSpan {
    int64_t start = 0, end = 0;
    int64_t length() const { return end - start; }
    // Point at `fraction` of the span.
    int64_t at(double fraction) const { return start + int64_t(double(length()) * fraction); }
};

struct LeafRef {
    int top = 0;
    int leaf = 0; // index into shopTree()[top].leaves
};

// The item catalogue plus the indexes the session simulation samples from.
struct Catalogue {
    std::vector<LeafRef> leaves;   // flat list of all leaves
    std::vector<ItemInfo> info;    // per item
    std::vector<int32_t> itemLeaf; // flat leaf index per item
    std::vector<int8_t> itemTop;
    std::vector<int8_t> itemBrand; // index into the top's brands
    std::vector<double> itemPrice;
    std::vector<int64_t> itemRelease; // unix seconds; new items: late in the span
    std::vector<double> leafMedianPrice;
    // Items released before the span, per flat leaf, in popularity-rank order, with cumulative
    // Zipf weights.
    std::vector<std::vector<int32_t>> leafOldItems;
    std::vector<std::vector<double>> leafOldCum;
    // Per top category: flat leaves that have old items, with cumulative weights (their sizes).
    std::array<std::vector<int32_t>, shopwords::kTopCount> topLeaves;
    std::array<std::vector<double>, shopwords::kTopCount> topLeafCum;
    // Per top category: new items sorted by release time, and those times.
    std::array<std::vector<int32_t>, shopwords::kTopCount> topNewItems;
    std::array<std::vector<int64_t>, shopwords::kTopCount> topNewRelease;
    std::array<bool, shopwords::kTopCount> topAvailable{}; // has at least one old item
    int32_t newItemCount = 0;
};

// A simulated user: attributes plus the latent state that drives the sessions.
struct ShopUser {
    std::array<float, shopwords::kTopCount> tasteCum{}; // cumulative taste over top categories
    std::array<int8_t, shopwords::kTopCount> brand{};   // preferred brand per top category
    int8_t driftTarget = 0;                             // the top category tastes drift towards
    float drift = 0;   // share of sessions in driftTarget at the end of the window
    float loyalty = 0; // chance to skip a non-preferred brand
    float priceSensitivity = 0;
    float engagement = 1;     // multiplies the click rate
    double activity = 1;      // relative share of the event budget
    int64_t from = 0, to = 0; // active window
    int64_t budget = 0;       // events to generate
    bool isNew = false;
    UserInfo info;
};

Catalogue buildCatalogue(const ShopParams &params, const TimeSpan &span);
std::vector<ShopUser> buildUsers(const ShopParams &params, const TimeSpan &span,
                                 const Catalogue &catalogue);
// Splits params.events over the users (sets ShopUser::budget); the budgets sum to params.events.
void assignBudgets(const ShopParams &params, std::vector<ShopUser> &users);
// Appends the events of one user (its budget exactly) to `out`, as row (user index `row`).
void simulateUser(const ShopParams &params, const TimeSpan &span, const Catalogue &catalogue,
                  const ShopUser &user, uint64_t stream, int32_t userIndex, Interactions &out);

// "2024-03-01T12:30:00Z" / "2024-03-01".
std::string isoDateTime(int64_t unixSeconds);
std::string isoDate(int64_t unixSeconds);
// "U000042" style ids with at least 6 digits.
std::string paddedId(char prefix, int64_t number);

} // namespace recforge::shopgen
