#include "generatorinternal.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace recforge::shopgen {

using shoprandom::cumulative;
using shoprandom::Rng;
using shoprandom::streamSeed;
using shopwords::kTopCount;
using shopwords::shopTree;

namespace {

// Stream numbers keep the catalogue, the user attributes and the sessions independent: changing
// how sessions are simulated does not change the catalogue of a seed.
constexpr uint64_t kCatalogueStream = 1;
constexpr uint64_t kUserSelectionStream = 2;
constexpr uint64_t kUserStreamBase = uint64_t(1) << 40;

template <typename T> const T &anyOf(Rng &rng, const std::vector<T> &values)
{
    return values[size_t(rng.below(values.size()))];
}

// Howard Hinnant's civil_from_days: proleptic Gregorian date of a day count since 1970-01-01.
void civilFromDays(int64_t z, int64_t &y, unsigned &m, unsigned &d)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = int64_t(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

int64_t floorDiv(int64_t a, int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// Exactly `wanted` of `total` flags set, chosen uniformly (Knuth's selection sampling).
std::vector<uint8_t> selectExactly(Rng &rng, int64_t total, int64_t wanted)
{
    std::vector<uint8_t> chosen(size_t(total), 0);
    for (int64_t i = 0; i < total && wanted > 0; ++i)
        if (int64_t(rng.below(uint64_t(total - i))) < wanted) {
            chosen[size_t(i)] = 1;
            --wanted;
        }
    return chosen;
}

std::string joinWords(const std::vector<std::string> &words, const char *separator)
{
    std::string out;
    for (const std::string &w : words) {
        if (w.empty())
            continue;
        if (!out.empty())
            out += separator;
        out += w;
    }
    return out;
}

double roundPrice(double price)
{
    // Shop prices end in .99; rounding also hides last-bit differences of libm across platforms.
    return price < 1.0 ? 0.99 : std::floor(price) + 0.99;
}

} // namespace

std::string isoDate(int64_t unixSeconds)
{
    int64_t y;
    unsigned m, d;
    civilFromDays(floorDiv(unixSeconds, kDay), y, m, d);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
    return buf;
}

std::string isoDateTime(int64_t unixSeconds)
{
    const int64_t secs = unixSeconds - floorDiv(unixSeconds, kDay) * kDay;
    char buf[32];
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02dZ", int(secs / 3600), int(secs / 60 % 60),
                  int(secs % 60));
    return isoDate(unixSeconds) + buf;
}

std::string paddedId(char prefix, int64_t number)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%c%06lld", prefix, static_cast<long long>(number));
    return buf;
}

Catalogue buildCatalogue(const ShopParams &params, const TimeSpan &span)
{
    const auto &tree = shopTree();
    Rng rng(streamSeed(params.seed, kCatalogueStream));
    Catalogue cat;

    std::vector<double> leafWeights;
    for (int t = 0; t < int(tree.size()); ++t)
        for (int l = 0; l < int(tree[size_t(t)].leaves.size()); ++l) {
            cat.leaves.push_back({t, l});
            leafWeights.push_back(tree[size_t(t)].weight * rng.uniform(0.5, 1.5));
            cat.leafMedianPrice.push_back(tree[size_t(t)].leaves[size_t(l)].medianPrice);
        }
    const std::vector<double> leafCum = cumulative(leafWeights);
    std::array<std::vector<double>, kTopCount> brandCum, brandTier;
    for (int t = 0; t < kTopCount; ++t) {
        std::vector<double> w;
        for (size_t b = 0; b < tree[size_t(t)].brands.size(); ++b) {
            w.push_back(1.0 / std::pow(double(b + 1), 0.7));
            brandTier[size_t(t)].push_back(rng.uniform(0.75, 1.5));
        }
        brandCum[size_t(t)] = cumulative(w);
    }

    const int64_t n = params.items;
    const int64_t newCount =
        std::min<int64_t>(n - 1, std::llround(double(n) * params.newItemFraction));
    const int64_t chineseCount = std::llround(double(n) * params.chineseFraction);
    const std::vector<uint8_t> isNew = selectExactly(rng, n, newCount);
    const std::vector<uint8_t> isChinese = selectExactly(rng, n, chineseCount);
    const int64_t newFrom = span.at(0.9);
    const int64_t newTo =
        std::max(newFrom + 1, span.end - std::min<int64_t>(6 * 3600, span.length() / 40));

    cat.info.resize(size_t(n));
    cat.itemLeaf.resize(size_t(n));
    cat.itemTop.resize(size_t(n));
    cat.itemBrand.resize(size_t(n));
    cat.itemPrice.resize(size_t(n));
    cat.itemRelease.resize(size_t(n));
    cat.leafOldItems.resize(cat.leaves.size());
    cat.newItemCount = int32_t(newCount);
    std::vector<std::pair<int64_t, int32_t>> newByRelease[kTopCount];

    for (int64_t i = 0; i < n; ++i) {
        const int32_t flat = int32_t(rng.pick(leafCum));
        const LeafRef ref = cat.leaves[size_t(flat)];
        const shopwords::Top &top = tree[size_t(ref.top)];
        const shopwords::Leaf &leaf = top.leaves[size_t(ref.leaf)];
        const int brand = int(rng.pick(brandCum[size_t(ref.top)]));
        const double price =
            roundPrice(leaf.medianPrice * brandTier[size_t(ref.top)][size_t(brand)] *
                       std::exp(0.35 * rng.normal()));
        const int64_t release = isNew[size_t(i)] ? rng.between(newFrom, newTo)
                                                 : span.start - 1 - int64_t(rng.below(365 * kDay));
        const bool zh = isChinese[size_t(i)] != 0;

        const size_t a1 = size_t(rng.below(top.adjectives.size()));
        size_t a2 = size_t(rng.below(top.adjectives.size()));
        const bool twoAdjectives = a2 != a1 && rng.chance(0.5);
        const bool showBrand = rng.chance(0.6);
        const shopwords::Words *variant =
            leaf.variants.empty() ? nullptr : &anyOf(rng, leaf.variants);
        const shopwords::Words &feature = anyOf(rng, top.features);
        const shopwords::Words &benefit = anyOf(rng, top.benefits);
        const shopwords::Words &brandWords = top.brands[size_t(brand)];

        ItemInfo &info = cat.info[size_t(i)];
        if (zh) {
            info.title = (showBrand ? std::string(brandWords.zh) : std::string()) +
                         top.adjectives[a1].zh + (twoAdjectives ? top.adjectives[a2].zh : "") +
                         leaf.noun.zh + (variant ? std::string(" ") + variant->zh : std::string());
            info.description = std::string(brandWords.zh) + "出品的" + top.adjectives[a1].zh +
                               leaf.noun.zh + "，" + feature.zh + "。" + benefit.zh + "。";
        } else {
            info.title = joinWords({showBrand ? brandWords.en : "", top.adjectives[a1].en,
                                    twoAdjectives ? top.adjectives[a2].en : "", leaf.noun.en,
                                    variant ? variant->en : ""},
                                   " ");
            info.description = std::string(top.adjectives[a1].en) + " " + leaf.noun.en + " from " +
                               brandWords.en + " with " + feature.en + ". " + benefit.en;
        }
        info.categoryPath.push_back(top.name.en);
        std::vector<std::string> zhPath{top.name.zh};
        for (const shopwords::Words &w : leaf.path) {
            info.categoryPath.push_back(w.en);
            zhPath.push_back(w.zh);
        }
        info.brand = brandWords.en;
        info.price = price;
        info.attributes.emplace_back("language", zh ? "zh" : "en");
        info.attributes.emplace_back("released", isoDateTime(release));
        for (const shopwords::Attribute &attribute : top.attributes)
            info.attributes.emplace_back(attribute.name, anyOf(rng, attribute.values));
        if (variant)
            info.attributes.emplace_back("variant", variant->en);
        if (zh)
            info.attributes.emplace_back("category_zh", joinWords(zhPath, " > "));

        cat.itemLeaf[size_t(i)] = flat;
        cat.itemTop[size_t(i)] = int8_t(ref.top);
        cat.itemBrand[size_t(i)] = int8_t(brand);
        cat.itemPrice[size_t(i)] = price;
        cat.itemRelease[size_t(i)] = release;
        if (isNew[size_t(i)])
            newByRelease[ref.top].emplace_back(release, int32_t(i));
        else
            cat.leafOldItems[size_t(flat)].push_back(int32_t(i));
    }

    // Popularity is Zipf-like by rank inside the leaf; the rank is the (random) creation order.
    cat.leafOldCum.resize(cat.leaves.size());
    for (size_t l = 0; l < cat.leaves.size(); ++l) {
        std::vector<double> w;
        for (size_t r = 0; r < cat.leafOldItems[l].size(); ++r)
            w.push_back(1.0 / std::pow(double(r + 1), 0.9));
        cat.leafOldCum[l] = cumulative(w);
        if (!cat.leafOldItems[l].empty()) {
            const int top = cat.leaves[l].top;
            cat.topLeaves[size_t(top)].push_back(int32_t(l));
            cat.topLeafCum[size_t(top)].push_back(
                (cat.topLeafCum[size_t(top)].empty() ? 0.0 : cat.topLeafCum[size_t(top)].back()) +
                double(cat.leafOldItems[l].size()));
            cat.topAvailable[size_t(top)] = true;
        }
    }
    for (int t = 0; t < kTopCount; ++t) {
        std::sort(newByRelease[t].begin(), newByRelease[t].end());
        for (const auto &[release, item] : newByRelease[t]) {
            cat.topNewItems[size_t(t)].push_back(item);
            cat.topNewRelease[size_t(t)].push_back(release);
        }
    }
    return cat;
}

namespace {

// How strongly demographics tilt the tastes, per top category in shopTree() order:
// Beauty, Electronics, Home & Kitchen, Fashion, Sports & Outdoors, Grocery, Baby & Kids, Books.
std::array<double, kTopCount> demographicTilt(const std::string &gender, const std::string &age)
{
    std::array<double, kTopCount> tilt;
    tilt.fill(1.0);
    if (gender == "female") {
        tilt[0] *= 2.0;
        tilt[3] *= 1.3;
    } else if (gender == "male") {
        tilt[1] *= 1.8;
        tilt[4] *= 1.4;
    }
    if (age == "18-24") {
        tilt[3] *= 1.3;
        tilt[1] *= 1.2;
    } else if (age == "25-34" || age == "35-44") {
        tilt[6] *= 1.8;
        tilt[2] *= 1.3;
    } else if (age == "55+") {
        tilt[7] *= 1.8;
        tilt[2] *= 1.3;
        tilt[5] *= 1.3;
    }
    return tilt;
}

} // namespace

std::vector<ShopUser> buildUsers(const ShopParams &params, const TimeSpan &span,
                                 const Catalogue &catalogue)
{
    const auto &tree = shopTree();
    const auto &vocabulary = shopwords::userVocabulary();
    const std::vector<double> ageCum = cumulative(vocabulary.ageWeights);
    const std::vector<double> genderCum = cumulative(vocabulary.genderWeights);
    const std::vector<double> regionCum = cumulative(vocabulary.regionWeights);
    std::array<std::vector<double>, kTopCount> brandCum;
    for (int t = 0; t < kTopCount; ++t) {
        std::vector<double> w;
        for (size_t b = 0; b < tree[size_t(t)].brands.size(); ++b)
            w.push_back(1.0 / double(b + 1));
        brandCum[size_t(t)] = cumulative(w);
    }

    const int64_t n = params.users;
    const int64_t newCount = std::min<int64_t>(std::max<int64_t>(n - 1, 0),
                                               std::llround(double(n) * params.newUserFraction));
    Rng selection(streamSeed(params.seed, kUserSelectionStream));
    const std::vector<uint8_t> isNew = selectExactly(selection, n, newCount);

    std::vector<ShopUser> users(static_cast<size_t>(n));
    for (int64_t u = 0; u < n; ++u) {
        Rng rng(streamSeed(params.seed, kUserStreamBase + uint64_t(u)));
        ShopUser &user = users[size_t(u)];
        user.isNew = isNew[size_t(u)] != 0;
        const std::string age = vocabulary.ageBands[rng.pick(ageCum)];
        const std::string gender = vocabulary.genders[rng.pick(genderCum)];
        const std::string region = vocabulary.regions[rng.pick(regionCum)];

        // Dirichlet-like tastes: tilted exponential weights, sharpened, plus one favourite.
        const std::array<double, kTopCount> tilt = demographicTilt(gender, age);
        std::array<double, kTopCount> taste;
        const int favourite = int(rng.below(kTopCount));
        for (int t = 0; t < kTopCount; ++t) {
            const double e = rng.exponential();
            taste[size_t(t)] = catalogue.topAvailable[size_t(t)]
                                   ? tree[size_t(t)].weight * tilt[size_t(t)] * e * e *
                                         (t == favourite ? 4.0 : 1.0)
                                   : 0.0;
        }
        double total = 0;
        for (int t = 0; t < kTopCount; ++t)
            user.tasteCum[size_t(t)] = float(total += taste[size_t(t)]);
        for (int t = 0; t < kTopCount; ++t)
            user.brand[size_t(t)] = int8_t(rng.pick(brandCum[size_t(t)]));
        user.driftTarget = int8_t(rng.below(kTopCount));
        user.drift = rng.chance(0.6) ? float(rng.uniform(0.2, 0.7)) : 0.0f;
        user.loyalty = float(rng.uniform(0.0, 0.6));
        user.priceSensitivity = float(rng.uniform());
        user.engagement = float(rng.uniform(0.7, 1.3));
        user.activity = std::exp(1.1 * rng.normal());

        if (user.isNew) {
            const int64_t lateFrom = span.at(0.9);
            user.from = lateFrom + int64_t(rng.below(uint64_t(std::max<int64_t>(
                                       1, int64_t(double(span.end - lateFrom) * 0.7)))));
            user.to = span.end;
        } else {
            user.from =
                rng.chance(0.65)
                    ? span.start
                    : span.start + int64_t(rng.below(uint64_t(span.at(0.7) - span.start) + 1));
            user.to =
                rng.chance(0.75)
                    ? span.end
                    : user.from + int64_t(double(span.end - user.from) * rng.uniform(0.3, 1.0));
            user.to = std::max(user.to, user.from + 1);
        }
        const int64_t joined =
            user.from > span.start ? user.from : span.start - int64_t(rng.below(730 * kDay));

        std::string segment;
        if (user.isNew)
            segment = "new";
        else if (user.priceSensitivity > 0.7f)
            segment = "bargain hunter";
        else if (user.priceSensitivity < 0.15f)
            segment = "premium";
        else if (user.activity > 4.0)
            segment = "loyal";
        else
            segment = "regular";
        user.info.attributes = {{"age", age},
                                {"gender", gender},
                                {"region", region},
                                {"segment", segment},
                                {"joined", isoDate(joined)}};
    }
    return users;
}

void assignBudgets(const ShopParams &params, std::vector<ShopUser> &users)
{
    // New users: 1-5 events each (fewer only when the whole budget is smaller).
    int64_t remaining = params.events;
    int64_t regularCount = 0;
    double activityTotal = 0;
    for (size_t u = 0; u < users.size(); ++u) {
        ShopUser &user = users[u];
        if (!user.isNew) {
            ++regularCount;
            activityTotal += user.activity;
            continue;
        }
        Rng rng(streamSeed(params.seed, kUserStreamBase + u) ^ 0x5A5A5A5Aull);
        user.budget = std::min<int64_t>(remaining, 1 + int64_t(rng.below(5)));
        remaining -= user.budget;
    }
    if (regularCount == 0)
        return;
    // Regular users: a floor of 3 events, the rest by heavy-tailed activity. Cumulative rounding
    // makes the parts add up exactly.
    const int64_t base = std::min<int64_t>(3, remaining / regularCount);
    const int64_t rest = remaining - base * regularCount;
    double cum = 0;
    int64_t given = 0, seen = 0;
    for (ShopUser &user : users) {
        if (user.isNew)
            continue;
        cum += user.activity;
        ++seen;
        const int64_t upTo =
            seen == regularCount
                ? rest
                : std::min<int64_t>(rest, std::llround(double(rest) * cum / activityTotal));
        const int64_t share = std::max<int64_t>(0, upTo - given);
        given += share;
        user.budget = base + share;
    }
}

} // namespace recforge::shopgen
