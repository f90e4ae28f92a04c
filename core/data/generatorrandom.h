#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>
#include <vector>

// Portable random numbers for the demo-shop generator: the same seed gives the same sequence with
// every compiler and standard library (unlike std::*_distribution). Used only by generator.cpp.
namespace recforge::shoprandom {

inline uint64_t splitmix64(uint64_t &state)
{
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// Mixes a seed with a stream number, so every user / item gets an independent stream.
inline uint64_t streamSeed(uint64_t seed, uint64_t stream)
{
    uint64_t s = seed ^ (stream * 0xD1B54A32D192ED03ull);
    splitmix64(s);
    return splitmix64(s);
}

// xoshiro256** 1.0 (Blackman & Vigna), seeded through splitmix64.
class Rng {
public:
    explicit Rng(uint64_t seed)
    {
        for (uint64_t &word : m_s)
            word = splitmix64(seed);
    }

    uint64_t next()
    {
        const uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }
    // [0, 1) with 53 random bits.
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    // (0, 1]: safe for log().
    double uniformPositive() { return double((next() >> 11) + 1) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    bool chance(double p) { return uniform() < p; }
    // Integer in [0, n) by Lemire's multiply-shift (bias < n / 2^64, irrelevant here).
    uint64_t below(uint64_t n) { return uint64_t((__uint128_t(next()) * n) >> 64); }
    int64_t between(int64_t lo, int64_t hiExclusive)
    {
        return lo + int64_t(below(uint64_t(hiExclusive - lo)));
    }
    // Standard normal by Box-Muller (one value; the pair's second half is dropped for simplicity).
    double normal()
    {
        const double r = std::sqrt(-2.0 * std::log(uniformPositive()));
        return r * std::cos(2.0 * std::numbers::pi * uniform());
    }
    double exponential() { return -std::log(uniformPositive()); }

    // Index drawn proportionally to cumulative weights `cum` (non-decreasing, last > 0).
    size_t pick(const std::vector<double> &cum)
    {
        const double x = uniform() * cum.back();
        size_t lo = 0, hi = cum.size() - 1;
        while (lo < hi) {
            const size_t mid = (lo + hi) / 2;
            if (cum[mid] > x)
                hi = mid;
            else
                lo = mid + 1;
        }
        return lo;
    }

private:
    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    uint64_t m_s[4];
};

inline std::vector<double> cumulative(const std::vector<double> &weights)
{
    std::vector<double> cum(weights.size());
    double total = 0;
    for (size_t i = 0; i < weights.size(); ++i)
        cum[i] = (total += weights[i]);
    return cum;
}

} // namespace recforge::shoprandom
