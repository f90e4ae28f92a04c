#include "split.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>

#include "common/jsonfield.h"
#include "data/generatorrandom.h"

namespace recforge {

using shoprandom::Rng;
using shoprandom::streamSeed;

namespace {

constexpr uint8_t kTrain = uint8_t(SplitRole::Train), kValid = uint8_t(SplitRole::Validation),
                  kTest = uint8_t(SplitRole::Test), kSupport = uint8_t(SplitRole::Support),
                  kExcluded = uint8_t(SplitRole::Excluded);

Status invalid(const std::string &field, const std::string &message)
{
    return makeError(ErrorCode::InvalidArgument, field + ": " + message, Location{{}, 0, 0, field});
}

Status validate(const SplitParams &p)
{
    for (auto [name, value] : {std::pair{"validRatio", p.validRatio}, {"testRatio", p.testRatio}})
        if (!(value >= 0.0 && value < 1.0))
            return invalid(name, "must be in [0, 1)");
    if ((p.kind == SplitKind::RandomRatio || p.kind == SplitKind::ColdUsers) &&
        p.validRatio + p.testRatio >= 1.0)
        return invalid("testRatio", "validRatio + testRatio must be below 1");
    if (p.kind == SplitKind::Temporal && p.validCutoff != 0 && p.testCutoff != 0 &&
        p.validCutoff > p.testCutoff)
        return invalid("validCutoff", "must not be after testCutoff");
    if (p.supportSize < 0)
        return invalid("supportSize", "must be >= 0");
    if (p.minTrainInteractions < 0)
        return invalid("minTrainInteractions", "must be >= 0");
    return {};
}

// Value at quantile q of the interaction timestamps (the row at index floor(q * n)).
int64_t timeQuantile(const Interactions &in, double q)
{
    std::vector<int64_t> ts = in.timestamp;
    const size_t k = std::min(ts.size() - 1, size_t(q * double(ts.size())));
    std::nth_element(ts.begin(), ts.begin() + std::ptrdiff_t(k), ts.end());
    return ts[k];
}

bool cancelledEvery(const StopToken &stop, size_t i)
{
    return (i & 4095) == 0 && stop.stopRequested();
}

bool leaveOneOut(const Dataset &d, const SplitParams &p, const UserSequences &seq,
                 std::vector<uint8_t> &role, const StopToken &stop)
{
    const int64_t minRows = std::max<int64_t>(3, int64_t(p.minTrainInteractions) + 2);
    for (int32_t u = 0; u < d.userCount(); ++u) {
        if (cancelledEvery(stop, size_t(u)))
            return false;
        const auto rows = seq.rowsOf(u);
        if (int64_t(rows.size()) < minRows)
            continue;
        role[rows[rows.size() - 1]] = kTest;
        role[rows[rows.size() - 2]] = kValid;
    }
    return true;
}

void temporal(const Dataset &d, const SplitParams &p, Split &split)
{
    const Interactions &in = d.interactions;
    int64_t test = p.testCutoff, valid = p.validCutoff;
    if (test == 0)
        test = std::max(timeQuantile(in, 0.9), valid);
    if (valid == 0)
        valid = std::min(timeQuantile(in, 0.8), test);
    split.testCutoff = test;
    split.validCutoff = valid;
    for (size_t r = 0; r < in.size(); ++r)
        split.role[r] = in.timestamp[r] >= test    ? kTest
                        : in.timestamp[r] >= valid ? kValid
                                                   : kTrain;
}

bool randomRatio(const Dataset &d, const SplitParams &p, const UserSequences &seq,
                 std::vector<uint8_t> &role, const StopToken &stop)
{
    std::vector<uint32_t> rows;
    for (int32_t u = 0; u < d.userCount(); ++u) {
        if (cancelledEvery(stop, size_t(u)))
            return false;
        const auto span = seq.rowsOf(u);
        const int64_t n = int64_t(span.size());
        if (n < 3)
            continue;
        const auto share = [n](double ratio) {
            return ratio > 0 ? std::max<int64_t>(1, std::llround(double(n) * ratio)) : 0;
        };
        int64_t nTest = share(p.testRatio), nValid = share(p.validRatio);
        while (nTest + nValid > n - 1) // keep at least one training row
            (nValid > 0 ? nValid : nTest) -= 1;
        rows.assign(span.begin(), span.end());
        Rng rng(streamSeed(p.seed, uint64_t(u)));
        for (int64_t k = 0; k < nTest + nValid; ++k) {
            const int64_t j = k + int64_t(rng.below(uint64_t(n - k)));
            std::swap(rows[size_t(k)], rows[size_t(j)]);
            role[rows[size_t(k)]] = k < nTest ? kTest : kValid;
        }
    }
    return true;
}

bool coldUsers(const Dataset &d, const SplitParams &p, const UserSequences &seq,
               std::vector<uint8_t> &role, const StopToken &stop)
{
    std::vector<int32_t> eligible;
    for (int32_t u = 0; u < d.userCount(); ++u)
        if (int64_t(seq.rowsOf(u).size()) > p.supportSize)
            eligible.push_back(u);
    Rng rng(streamSeed(p.seed, 0xC01D05E5ull));
    const int64_t m = int64_t(eligible.size());
    const int64_t held =
        std::min<int64_t>(m, std::llround(double(m) * (p.testRatio + p.validRatio)));
    const int64_t heldValid = std::min<int64_t>(held, std::llround(double(m) * p.validRatio));
    for (int64_t k = 0; k < held; ++k) {
        if (cancelledEvery(stop, size_t(k)))
            return false;
        const int64_t j = k + int64_t(rng.below(uint64_t(m - k)));
        std::swap(eligible[size_t(k)], eligible[size_t(j)]);
        const auto rows = seq.rowsOf(eligible[size_t(k)]);
        const uint8_t target = k < heldValid ? kValid : kTest;
        for (size_t i = 0; i < rows.size(); ++i)
            role[rows[i]] = int64_t(i) < p.supportSize ? kSupport : target;
    }
    return true;
}

bool coldItems(const Dataset &d, const SplitParams &p, const UserSequences &seq, Split &split,
               const StopToken &stop)
{
    const Interactions &in = d.interactions;
    std::vector<int64_t> firstSeen(size_t(d.itemCount()), std::numeric_limits<int64_t>::max());
    for (size_t r = 0; r < in.size(); ++r)
        firstSeen[size_t(in.item[r])] = std::min(firstSeen[size_t(in.item[r])], in.timestamp[r]);
    const int64_t cutoff = p.itemCutoff != 0 ? p.itemCutoff : timeQuantile(in, 0.9);
    split.itemCutoff = cutoff;
    for (int32_t u = 0; u < d.userCount(); ++u) {
        if (cancelledEvery(stop, size_t(u)))
            return false;
        bool warmHistory = false;
        for (const uint32_t r : seq.rowsOf(u)) {
            if (firstSeen[size_t(in.item[r])] >= cutoff) {
                split.role[r] = warmHistory ? kTest : kExcluded;
            } else {
                split.role[r] = kTrain;
                warmHistory = true;
            }
        }
    }
    return true;
}

// Users with a Test row; items with a Test row and no Train row.
std::pair<int32_t, int32_t> testUsersAndColdItems(const Dataset &d,
                                                  const std::vector<uint8_t> &role)
{
    const Interactions &in = d.interactions;
    std::vector<uint8_t> userTest(size_t(d.userCount()), 0), itemTest(size_t(d.itemCount()), 0),
        itemTrain(size_t(d.itemCount()), 0);
    for (size_t r = 0; r < in.size() && r < role.size(); ++r) {
        if (role[r] == kTest) {
            userTest[size_t(in.user[r])] = 1;
            itemTest[size_t(in.item[r])] = 1;
        } else if (role[r] == kTrain) {
            itemTrain[size_t(in.item[r])] = 1;
        }
    }
    int32_t users = 0, items = 0;
    for (uint8_t t : userTest)
        users += t;
    for (size_t i = 0; i < itemTest.size(); ++i)
        items += (itemTest[i] && !itemTrain[i]) ? 1 : 0;
    return {users, items};
}

} // namespace

SplitCounts Split::counts() const
{
    SplitCounts c;
    for (const uint8_t r : role) {
        switch (SplitRole(r)) {
        case SplitRole::Train:
            ++c.train;
            break;
        case SplitRole::Validation:
            ++c.validation;
            break;
        case SplitRole::Test:
            ++c.test;
            break;
        case SplitRole::Support:
            ++c.support;
            break;
        case SplitRole::Excluded:
            ++c.excluded;
            break;
        }
    }
    c.testUsers = testUsers;
    c.coldItems = coldItems;
    return c;
}

SplitCounts Split::counts(const Dataset &dataset) const
{
    SplitCounts c = counts();
    std::tie(c.testUsers, c.coldItems) = testUsersAndColdItems(dataset, role);
    return c;
}

Expected<Split> makeSplit(const Dataset &dataset, const SplitParams &params, StopToken stop)
{
    if (auto s = validate(params); !s)
        return tl::unexpected(s.error());
    if (dataset.interactions.size() == 0)
        return makeError(ErrorCode::Empty, "cannot split a dataset without interactions");
    Split split;
    split.params = params;
    split.role.assign(dataset.interactions.size(), kTrain);
    bool finished = true;
    if (params.kind == SplitKind::Temporal) {
        temporal(dataset, params, split);
    } else {
        const UserSequences seq = UserSequences::build(dataset);
        if (stop.stopRequested())
            finished = false;
        else if (params.kind == SplitKind::LeaveOneOut)
            finished = leaveOneOut(dataset, params, seq, split.role, stop);
        else if (params.kind == SplitKind::RandomRatio)
            finished = randomRatio(dataset, params, seq, split.role, stop);
        else if (params.kind == SplitKind::ColdUsers)
            finished = coldUsers(dataset, params, seq, split.role, stop);
        else
            finished = coldItems(dataset, params, seq, split, stop);
    }
    if (!finished || stop.stopRequested())
        return makeError(ErrorCode::Cancelled, "split cancelled");
    std::tie(split.testUsers, split.coldItems) = testUsersAndColdItems(dataset, split.role);
    return split;
}

const char *splitKindName(SplitKind kind)
{
    switch (kind) {
    case SplitKind::LeaveOneOut:
        return "leave-one-out";
    case SplitKind::Temporal:
        return "temporal";
    case SplitKind::RandomRatio:
        return "random";
    case SplitKind::ColdUsers:
        return "cold-users";
    case SplitKind::ColdItems:
        return "cold-items";
    }
    return "unknown";
}

Expected<SplitKind> parseSplitKind(const std::string &name)
{
    for (SplitKind k : {SplitKind::LeaveOneOut, SplitKind::Temporal, SplitKind::RandomRatio,
                        SplitKind::ColdUsers, SplitKind::ColdItems})
        if (name == splitKindName(k))
            return k;
    return makeError(ErrorCode::InvalidArgument,
                     "unknown split kind '" + name +
                         "' (expected leave-one-out, temporal, random, cold-users or cold-items)",
                     Location{{}, 0, 0, "kind"});
}

const char *splitRoleName(SplitRole role)
{
    switch (role) {
    case SplitRole::Train:
        return "train";
    case SplitRole::Validation:
        return "validation";
    case SplitRole::Test:
        return "test";
    case SplitRole::Support:
        return "support";
    case SplitRole::Excluded:
        return "excluded";
    }
    return "unknown";
}

nlohmann::json toJson(const SplitParams &p)
{
    return nlohmann::json{{"kind", splitKindName(p.kind)},
                          {"seed", p.seed},
                          {"validRatio", p.validRatio},
                          {"testRatio", p.testRatio},
                          {"validCutoff", p.validCutoff},
                          {"testCutoff", p.testCutoff},
                          {"supportSize", p.supportSize},
                          {"itemCutoff", p.itemCutoff},
                          {"minTrainInteractions", p.minTrainInteractions},
                          {"name", p.name}};
}

Expected<SplitParams> splitParamsFromJson(const nlohmann::json &json)
{
    if (!json.is_object())
        return makeError(ErrorCode::InvalidArgument, "split parameters: expected a JSON object");
    SplitParams p;
    std::string kind = splitKindName(p.kind);
    for (Status s : {readJsonField(json, "kind", kind), readJsonField(json, "seed", p.seed),
                     readJsonField(json, "validRatio", p.validRatio),
                     readJsonField(json, "testRatio", p.testRatio),
                     readJsonField(json, "validCutoff", p.validCutoff),
                     readJsonField(json, "testCutoff", p.testCutoff),
                     readJsonField(json, "supportSize", p.supportSize),
                     readJsonField(json, "itemCutoff", p.itemCutoff),
                     readJsonField(json, "minTrainInteractions", p.minTrainInteractions),
                     readJsonField(json, "name", p.name)})
        if (!s)
            return tl::unexpected(s.error());
    auto parsed = parseSplitKind(kind);
    if (!parsed)
        return tl::unexpected(parsed.error());
    p.kind = *parsed;
    if (auto s = validate(p); !s)
        return tl::unexpected(s.error());
    return p;
}

nlohmann::json toJson(const SplitCounts &c)
{
    return nlohmann::json{{"train", c.train},        {"validation", c.validation},
                          {"test", c.test},          {"support", c.support},
                          {"excluded", c.excluded},  {"testUsers", c.testUsers},
                          {"coldItems", c.coldItems}};
}

} // namespace recforge
