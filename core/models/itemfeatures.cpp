#include "itemfeatures.h"

#include <algorithm>
#include <unordered_map>

namespace recforge {

ItemFeatures ItemFeatures::build(const Dataset &dataset, const ItemFeatureOptions &options)
{
    ItemFeatures out;
    out.itemCount = dataset.itemCount();
    out.offsets.assign(size_t(out.itemCount) + 1, 0);
    std::unordered_map<std::string, int64_t> vocabulary;
    const auto idOf = [&](const std::string &key) {
        auto [it, added] = vocabulary.emplace(key, int64_t(vocabulary.size()));
        return it->second;
    };

    // Price buckets from the quantiles of the priced items.
    std::vector<double> prices;
    if (options.priceBuckets > 0)
        for (const auto &info : dataset.itemInfo)
            if (info.hasPrice())
                prices.push_back(info.price);
    std::sort(prices.begin(), prices.end());
    const auto bucketOf = [&](double price) {
        const auto pos = std::upper_bound(prices.begin(), prices.end(), price) - prices.begin();
        return std::min<int64_t>(options.priceBuckets - 1,
                                 int64_t(pos) * options.priceBuckets / int64_t(prices.size()));
    };

    for (int32_t i = 0; i < out.itemCount; ++i) {
        if (size_t(i) < dataset.itemInfo.size()) {
            const ItemInfo &info = dataset.itemInfo[size_t(i)];
            std::vector<int64_t> ids;
            if (options.categories) {
                std::string path;
                for (const auto &c : info.categoryPath) {
                    path += (path.empty() ? "" : ">") + c;
                    ids.push_back(idOf("cat:" + path));
                }
            }
            if (options.brand && !info.brand.empty())
                ids.push_back(idOf("brand:" + info.brand));
            if (options.attributes)
                for (const auto &[name, value] : info.attributes)
                    ids.push_back(idOf("attr:" + name + "=" + value));
            if (!prices.empty() && info.hasPrice())
                ids.push_back(idOf("price:" + std::to_string(bucketOf(info.price))));
            std::sort(ids.begin(), ids.end());
            ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
            out.ids.insert(out.ids.end(), ids.begin(), ids.end());
        }
        out.offsets[size_t(i) + 1] = int64_t(out.ids.size());
    }
    out.vocabularySize = int64_t(vocabulary.size());
    return out;
}

} // namespace recforge
