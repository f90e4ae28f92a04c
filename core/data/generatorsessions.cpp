#include "generatorinternal.h"

#include <algorithm>

namespace recforge::shopgen {

using shoprandom::Rng;
using shoprandom::streamSeed;
using shopwords::kTopCount;

namespace {

constexpr uint64_t kSessionStreamBase = uint64_t(2) << 40;

// Funnel rates: click ~35% of views, cart ~10%, purchase ~4%, rating ~1%.
constexpr double kClickRate = 0.35;
constexpr double kCartGivenClick = 0.10 / 0.35;
constexpr double kPurchaseGivenCart = 0.40;
constexpr double kRatingGivenPurchase = 0.25;
constexpr double kEventsPerView = 1.0 + 0.35 + 0.10 + 0.04 + 0.01;
// Chance that a view goes to an item released during the span (when one is out already).
constexpr double kNewItemRate = 0.12;

// Relative traffic at time t: weekends, evenings, a slow growth, and one sale day.
double intensity(const TimeSpan &span, int64_t t)
{
    const int64_t day = t / kDay;
    const int weekday = int(((day % 7) + 11) % 7); // 1970-01-01 was a Thursday; 0 = Sunday
    const int hour = int((t % kDay) / 3600);
    double f = (weekday == 0 || weekday == 6) ? 1.0 : 0.85;
    f *= hour < 7 ? 0.25 : hour < 12 ? 0.8 : hour < 19 ? 1.0 : 1.3;
    f *= 1.0 + 0.4 * double(t - span.start) / double(span.length());
    const int64_t saleDay = span.length() >= 30 * kDay ? (span.at(0.62) - span.start) / kDay : -1;
    if ((t - span.start) / kDay == saleDay)
        f *= 2.5;
    return f;
}
constexpr double kMaxIntensity = 1.0 * 1.3 * 1.4 * 2.5;

int64_t sessionStart(Rng &rng, const TimeSpan &span, int64_t from, int64_t to)
{
    int64_t t = from;
    for (int attempt = 0; attempt < 64; ++attempt) {
        t = rng.between(from, to);
        if (rng.uniform() * kMaxIntensity < intensity(span, t))
            break;
    }
    return t;
}

class UserSimulator {
public:
    UserSimulator(const ShopParams &params, const TimeSpan &span, const Catalogue &catalogue,
                  const ShopUser &user, uint64_t stream, int32_t userIndex, Interactions &out)
        : m_span(span), m_cat(catalogue), m_user(user),
          m_rng(streamSeed(params.seed, kSessionStreamBase + stream)), m_userIndex(userIndex),
          m_out(out)
    {
    }

    void run()
    {
        // Session lengths in views, drawn until they cover the budget (a view brings ~1.5 events
        // with its funnel). The funnel is cut only when the user's whole budget runs out, so the
        // funnel rates hold; the last session runs until the budget is spent.
        std::vector<int64_t> views;
        if (m_user.isNew) {
            views.push_back(m_user.budget);
        } else {
            for (double left = double(m_user.budget); left > 0;) {
                views.push_back(m_rng.chance(0.7) ? 1 + int64_t(m_rng.below(5))
                                                  : 3 + int64_t(m_rng.below(10)));
                left -= double(views.back()) * kEventsPerView;
            }
        }
        // Sessions start before the end of the window with room for a session to finish.
        const int64_t margin = std::min<int64_t>(3 * 3600, (m_user.to - m_user.from) / 4);
        const int64_t latest = std::max(m_user.from + 1, m_user.to - margin);
        std::vector<int64_t> starts(views.size());
        for (int64_t &s : starts)
            s = sessionStart(m_rng, m_span, m_user.from, latest);
        std::sort(starts.begin(), starts.end());

        m_left = m_user.budget;
        int64_t t = m_user.from - 60;
        for (size_t s = 0; s < views.size() && m_left > 0; ++s) {
            t = std::max(starts[s], t + 60);
            t = session(t, s + 1 == views.size() ? m_left : views[s]);
        }
    }

private:
    // Emits up to `views` views with their funnels, starting at t; returns the last time used.
    int64_t session(int64_t t, int64_t views)
    {
        int top = chooseTop(t);
        int32_t leaf = chooseLeaf(top);
        const double clickRate = kClickRate * double(m_user.engagement);
        for (int64_t v = 0; v < views && m_left > 0; ++v) {
            if (v > 0) {
                // Browsing drifts through related items: mostly the same leaf, then the category.
                t += 10 + int64_t(m_rng.below(110));
                const double r = m_rng.uniform();
                if (r >= 0.85) {
                    top = chooseTop(t);
                    leaf = chooseLeaf(top);
                } else if (r >= 0.6) {
                    leaf = chooseLeaf(top);
                }
            }
            const int32_t item = pickItem(top, leaf, t);
            emit(item, t, EventType::View, 1.0f);
            if (m_left == 0 || !m_rng.chance(clickRate))
                continue;
            t += 2 + int64_t(m_rng.below(20));
            emit(item, t, EventType::Click, 1.0f);
            if (m_left == 0 || !m_rng.chance(kCartGivenClick))
                continue;
            t += 5 + int64_t(m_rng.below(60));
            emit(item, t, EventType::Cart, 1.0f);
            if (m_left == 0 || !m_rng.chance(kPurchaseGivenCart))
                continue;
            t += 10 + int64_t(m_rng.below(300));
            emit(item, t, EventType::Purchase, 1.0f);
            if (m_left == 0 || !m_rng.chance(kRatingGivenPurchase))
                continue;
            t += 60 + int64_t(m_rng.below(600));
            emit(item, t, EventType::Rating, ratingValue());
        }
        return t;
    }

    void emit(int32_t item, int64_t t, EventType type, float value)
    {
        // A very busy user can run past the end of the span; clamp so the log stays inside it.
        m_out.append(m_userIndex, item, std::min(t, m_span.end - 1), uint16_t(type), value);
        --m_left;
    }

    float ratingValue()
    {
        const double r = m_rng.uniform();
        return r < 0.45 ? 5.0f : r < 0.75 ? 4.0f : r < 0.88 ? 3.0f : r < 0.94 ? 2.0f : 1.0f;
    }

    int chooseTop(int64_t t)
    {
        // Tastes drift: late in the window a growing share of sessions go to the drift target.
        const double progress =
            double(t - m_user.from) / double(std::max<int64_t>(1, m_user.to - m_user.from));
        if (m_user.drift > 0 && m_cat.topAvailable[size_t(m_user.driftTarget)] &&
            m_rng.chance(double(m_user.drift) * std::clamp(progress, 0.0, 1.0)))
            return m_user.driftTarget;
        const float x = float(m_rng.uniform()) * m_user.tasteCum[kTopCount - 1];
        for (int k = 0; k < kTopCount; ++k)
            if (m_user.tasteCum[size_t(k)] > x)
                return k;
        for (int k = kTopCount - 1; k >= 0; --k) // rounding at the very top end
            if (m_cat.topAvailable[size_t(k)])
                return k;
        return 0;
    }

    int32_t chooseLeaf(int top)
    {
        const auto &leaves = m_cat.topLeaves[size_t(top)];
        return leaves[m_rng.pick(m_cat.topLeafCum[size_t(top)])];
    }

    int32_t pickItem(int top, int32_t leaf, int64_t t)
    {
        if (m_rng.chance(kNewItemRate)) {
            const auto &release = m_cat.topNewRelease[size_t(top)];
            const size_t out =
                size_t(std::upper_bound(release.begin(), release.end(), t) - release.begin());
            if (out > 0)
                return m_cat.topNewItems[size_t(top)][size_t(m_rng.below(out))];
        }
        const auto &items = m_cat.leafOldItems[size_t(leaf)];
        const auto &cum = m_cat.leafOldCum[size_t(leaf)];
        const double median = m_cat.leafMedianPrice[size_t(leaf)];
        for (int attempt = 0;; ++attempt) {
            const int32_t item = items[m_rng.pick(cum)];
            if (attempt == 3)
                return item;
            // Preferred brands and affordable prices are accepted more often.
            double accept = m_cat.itemBrand[size_t(item)] == m_user.brand[size_t(top)]
                                ? 1.0
                                : 1.0 - double(m_user.loyalty);
            const double ratio = m_cat.itemPrice[size_t(item)] / median;
            if (ratio > 1.0)
                accept /= 1.0 + double(m_user.priceSensitivity) * (ratio - 1.0);
            if (m_rng.chance(accept))
                return item;
        }
    }

    const TimeSpan &m_span;
    const Catalogue &m_cat;
    const ShopUser &m_user;
    Rng m_rng;
    int32_t m_userIndex;
    Interactions &m_out;
    int64_t m_left = 0; // events still to emit
};

} // namespace

void simulateUser(const ShopParams &params, const TimeSpan &span, const Catalogue &catalogue,
                  const ShopUser &user, uint64_t stream, int32_t userIndex, Interactions &out)
{
    UserSimulator(params, span, catalogue, user, stream, userIndex, out).run();
}

} // namespace recforge::shopgen
