#include "sha256.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <fstream>
#include <vector>

#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__))
#define RECFORGE_SHA256_X86 1
#include <cpuid.h>
#include <immintrin.h>
#endif

namespace recforge {

namespace {

constexpr std::array<uint32_t, 64> kRound = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

inline uint32_t rotr(uint32_t x, int n)
{
    return (x >> n) | (x << (32 - n));
}

inline uint32_t loadBigEndian(const uint8_t *p)
{
    return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | uint32_t(p[3]);
}

void compressPortable(std::array<uint32_t, 8> &state, const uint8_t *block);

#ifdef RECFORGE_SHA256_X86
// The SHA extensions (SHA-NI) do two rounds per instruction: ~10x the portable code. Used when
// the CPU has them (checked once at run time).
__attribute__((target("sha,sse4.1,ssse3"))) void compressShaNi(std::array<uint32_t, 8> &state,
                                                               const uint8_t *data, size_t blocks)
{
    const __m128i byteSwap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i tmp = _mm_loadu_si128(reinterpret_cast<const __m128i *>(&state[0]));
    __m128i state1 = _mm_loadu_si128(reinterpret_cast<const __m128i *>(&state[4]));
    tmp = _mm_shuffle_epi32(tmp, 0xB1);               // CDAB
    state1 = _mm_shuffle_epi32(state1, 0x1B);         // EFGH
    __m128i state0 = _mm_alignr_epi8(tmp, state1, 8); // ABEF
    state1 = _mm_blend_epi16(state1, tmp, 0xF0);      // CDGH
    for (; blocks > 0; --blocks, data += 64) {
        const __m128i abefSave = state0, cdghSave = state1;
        __m128i w[4]; // message words 4g..4g+3 of the last four groups, as a ring
        for (int g = 0; g < 16; ++g) {
            __m128i &wg = w[g & 3];
            if (g < 4) {
                wg = _mm_shuffle_epi8(
                    _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + 16 * g)), byteSwap);
            } else {
                // W[t] = W[t-16] + s0(W[t-15]) + W[t-7] + s1(W[t-2]), four words at a time.
                const __m128i prev = w[(g - 1) & 3], prev2 = w[(g - 2) & 3];
                wg = _mm_sha256msg1_epu32(wg, w[(g - 3) & 3]);
                wg = _mm_add_epi32(wg, _mm_alignr_epi8(prev, prev2, 4));
                wg = _mm_sha256msg2_epu32(wg, prev);
            }
            __m128i msg = _mm_add_epi32(
                wg, _mm_loadu_si128(reinterpret_cast<const __m128i *>(&kRound[size_t(4 * g)])));
            state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
            msg = _mm_shuffle_epi32(msg, 0x0E);
            state0 = _mm_sha256rnds2_epu32(state0, state1, msg);
        }
        state0 = _mm_add_epi32(state0, abefSave);
        state1 = _mm_add_epi32(state1, cdghSave);
    }
    tmp = _mm_shuffle_epi32(state0, 0x1B);       // FEBA
    state1 = _mm_shuffle_epi32(state1, 0xB1);    // DCHG
    state0 = _mm_blend_epi16(tmp, state1, 0xF0); // DCBA
    state1 = _mm_alignr_epi8(state1, tmp, 8);    // HGFE
    _mm_storeu_si128(reinterpret_cast<__m128i *>(&state[0]), state0);
    _mm_storeu_si128(reinterpret_cast<__m128i *>(&state[4]), state1);
}

bool cpuHasShaNi()
{
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d))
        return false;
    const bool sse41 = c & (1u << 19), ssse3 = c & (1u << 9);
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d))
        return false;
    return sse41 && ssse3 && (b & (1u << 29));
}
#endif

std::atomic<bool> g_forcePortable{false};

void compressBlocks(std::array<uint32_t, 8> &state, const uint8_t *data, size_t blocks)
{
#ifdef RECFORGE_SHA256_X86
    static const bool shaNi = cpuHasShaNi();
    if (shaNi && !g_forcePortable.load(std::memory_order_relaxed)) {
        compressShaNi(state, data, blocks);
        return;
    }
#endif
    for (; blocks > 0; --blocks, data += 64)
        compressPortable(state, data);
}

} // namespace

bool Sha256::hardwareAccelerated()
{
#ifdef RECFORGE_SHA256_X86
    static const bool shaNi = cpuHasShaNi();
    return shaNi && !g_forcePortable.load(std::memory_order_relaxed);
#else
    return false;
#endif
}

void Sha256::forcePortable(bool portable)
{
    g_forcePortable.store(portable);
}

void Sha256::reset()
{
    m_state = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
               0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    m_buffered = 0;
    m_length = 0;
}

namespace {
void compressPortable(std::array<uint32_t, 8> &state, const uint8_t *block)
{
    uint32_t w[64];
    for (int i = 0; i < 16; ++i)
        w[i] = loadBigEndian(block + 4 * i);
    for (int i = 16; i < 64; ++i) {
        const uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        const uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
    for (int i = 0; i < 64; ++i) {
        const uint32_t s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
        const uint32_t ch = (e & f) ^ (~e & g);
        const uint32_t t1 = h + s1 + ch + kRound[size_t(i)] + w[i];
        const uint32_t s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
        const uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
        const uint32_t t2 = s0 + maj;
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
    state[4] += e;
    state[5] += f;
    state[6] += g;
    state[7] += h;
}
} // namespace

void Sha256::update(const void *data, size_t size)
{
    auto *p = static_cast<const uint8_t *>(data);
    m_length += size;
    if (m_buffered > 0) {
        const size_t take = std::min(size, 64 - m_buffered);
        std::memcpy(m_buffer.data() + m_buffered, p, take);
        m_buffered += take;
        p += take;
        size -= take;
        if (m_buffered < 64)
            return;
        compressBlocks(m_state, m_buffer.data(), 1);
        m_buffered = 0;
    }
    const size_t blocks = size / 64;
    compressBlocks(m_state, p, blocks);
    p += 64 * blocks;
    size -= 64 * blocks;
    if (size > 0) {
        std::memcpy(m_buffer.data(), p, size);
        m_buffered = size;
    }
}

Sha256::Digest Sha256::finish()
{
    const uint64_t bits = m_length * 8;
    const uint8_t pad = 0x80;
    update(&pad, 1);
    const uint8_t zero[64] = {};
    update(zero, (m_buffered <= 56 ? 56 - m_buffered : 120 - m_buffered));
    uint8_t length[8];
    for (int i = 0; i < 8; ++i)
        length[i] = uint8_t(bits >> (56 - 8 * i));
    update(length, 8);
    Digest out;
    for (size_t i = 0; i < 8; ++i) {
        out[4 * i] = uint8_t(m_state[i] >> 24);
        out[4 * i + 1] = uint8_t(m_state[i] >> 16);
        out[4 * i + 2] = uint8_t(m_state[i] >> 8);
        out[4 * i + 3] = uint8_t(m_state[i]);
    }
    reset();
    return out;
}

std::string Sha256::toHex(const Digest &digest)
{
    static const char *kDigits = "0123456789abcdef";
    std::string out(64, '0');
    for (size_t i = 0; i < digest.size(); ++i) {
        out[2 * i] = kDigits[digest[i] >> 4];
        out[2 * i + 1] = kDigits[digest[i] & 15];
    }
    return out;
}

std::string Sha256::hex(std::string_view data)
{
    Sha256 hash;
    hash.update(data);
    return hash.finishHex();
}

Expected<std::string> sha256File(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::Io, "cannot open file for hashing", Location{path, 0, 0, {}});
    Sha256 hash;
    std::vector<char> chunk(1 << 20);
    while (in) {
        in.read(chunk.data(), std::streamsize(chunk.size()));
        hash.update(chunk.data(), size_t(in.gcount()));
    }
    if (in.bad())
        return makeError(ErrorCode::Io, "read error while hashing", Location{path, 0, 0, {}});
    return hash.finishHex();
}

} // namespace recforge
