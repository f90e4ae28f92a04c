#include "userprofile.h"

#include <algorithm>
#include <map>

namespace recforge {

namespace {

constexpr int64_t kDay = 86400;
// 1970-01-01 was a Thursday: Mondays are 4 days after multiples of a week.
constexpr int64_t kMondayOffset = 4 * kDay;

int64_t floorTo(int64_t t, int64_t unit, int64_t offset)
{
    int64_t q = (t - offset) / unit;
    if ((t - offset) % unit < 0)
        --q;
    return q * unit + offset;
}

std::vector<Affinity> ranked(const std::map<std::string, double> &weights, int maxEntries)
{
    std::vector<Affinity> all;
    double total = 0;
    for (const auto &[name, w] : weights) {
        all.push_back({name, w, 0});
        total += w;
    }
    std::stable_sort(all.begin(), all.end(),
                     [](const Affinity &a, const Affinity &b) { return a.weight > b.weight; });
    if (maxEntries > 0 && int(all.size()) > maxEntries) {
        Affinity other{"other", 0, 0};
        for (size_t i = size_t(maxEntries - 1); i < all.size(); ++i)
            other.weight += all[i].weight;
        all.resize(size_t(maxEntries - 1));
        all.push_back(other);
    }
    for (Affinity &a : all)
        a.share = total > 0 ? a.weight / total : 0;
    return all;
}

std::vector<std::pair<int64_t, int64_t>> toVector(const std::map<int64_t, int64_t> &m)
{
    return {m.begin(), m.end()};
}

} // namespace

double EventWeights::of(uint16_t code) const
{
    switch (EventType(code)) {
    case EventType::View:
        return view;
    case EventType::Click:
        return click;
    case EventType::Cart:
        return cart;
    case EventType::Purchase:
        return purchase;
    case EventType::Rating:
        return rating;
    }
    return other;
}

std::string categoryAt(const ItemInfo &info, int level)
{
    if (info.categoryPath.empty())
        return "(none)";
    const size_t at = std::min(info.categoryPath.size() - 1, size_t(std::max(0, level)));
    return info.categoryPath[at];
}

UserProfile buildUserProfile(const Dataset &dataset, const UserHistory &history,
                             const ProfileOptions &options)
{
    UserProfile p;
    p.events = int64_t(history.size());
    if (history.empty())
        return p;
    p.firstTimestamp = *std::min_element(history.timestamps.begin(), history.timestamps.end());
    p.lastTimestamp = *std::max_element(history.timestamps.begin(), history.timestamps.end());
    p.distinctItems = int64_t(history.distinctItems().size());

    std::vector<int64_t> byKind(dataset.eventKinds.size(), 0);
    std::map<std::string, double> categories, brands;
    std::map<int64_t, int64_t> days, weeks;
    for (size_t k = 0; k < history.size(); ++k) {
        const uint16_t ev = history.events[k];
        if (ev < byKind.size())
            ++byKind[ev];
        ++days[floorTo(history.timestamps[k], kDay, 0)];
        ++weeks[floorTo(history.timestamps[k], 7 * kDay, kMondayOffset)];
        const int32_t item = history.items[k];
        if (item < 0 || size_t(item) >= dataset.itemInfo.size())
            continue;
        const ItemInfo &info = dataset.itemInfo[size_t(item)];
        const double w = options.weights.of(ev);
        categories[categoryAt(info, options.categoryLevel)] += w;
        brands[info.brand.empty() ? std::string("(none)") : info.brand] += w;
    }
    for (size_t code = 0; code < byKind.size(); ++code)
        if (byKind[code] > 0)
            p.eventsByKind.emplace_back(dataset.eventKinds.name(uint16_t(code)), byKind[code]);
    p.categories = ranked(categories, options.maxEntries);
    p.brands = ranked(brands, options.maxEntries);
    p.perDay = toVector(days);
    p.perWeek = toVector(weeks);

    auto pricesOf = [&](const std::vector<int32_t> &items) {
        std::vector<double> prices;
        for (int32_t item : items)
            if (item >= 0 && size_t(item) < dataset.itemInfo.size() &&
                dataset.itemInfo[size_t(item)].hasPrice())
                prices.push_back(dataset.itemInfo[size_t(item)].price);
        return prices;
    };
    std::vector<double> prices = pricesOf(history.itemsWithEvent(uint16_t(EventType::Purchase)));
    p.price.fromPurchases = !prices.empty();
    if (prices.empty())
        prices = pricesOf(history.distinctItems());
    if (!prices.empty()) {
        std::sort(prices.begin(), prices.end());
        p.price.count = int64_t(prices.size());
        p.price.min = prices.front();
        p.price.max = prices.back();
        const size_t mid = prices.size() / 2;
        p.price.median =
            prices.size() % 2 == 1 ? prices[mid] : 0.5 * (prices[mid - 1] + prices[mid]);
    }
    return p;
}

} // namespace recforge
