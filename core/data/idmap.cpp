#include "idmap.h"

#include <cstdlib>
#include <cstring>
#include <new>

#include <sys/mman.h>

namespace recforge {

namespace detail {

constexpr size_t kHugePage = size_t(2) << 20;

void *allocateTable(size_t bytes)
{
    if (bytes < 2 * kHugePage) {
        void *p = std::malloc(bytes == 0 ? 1 : bytes);
        if (!p)
            throw std::bad_alloc();
        return p;
    }
    const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
    void *p = std::aligned_alloc(kHugePage, rounded);
    if (!p)
        throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    ::madvise(p, rounded, MADV_HUGEPAGE); // a hint: failure only costs speed
#endif
    return p;
}

void freeTable(void *p, size_t) noexcept
{
    std::free(p);
}

} // namespace detail

namespace {

constexpr size_t kInlineBytes = 11;
constexpr uint32_t kLongMarker = 0xFFu << 24;

inline uint64_t mix(uint64_t x)
{
    // murmur3's fmix64: full avalanche, so the low bits that pick the slot are good.
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return x;
}

} // namespace

uint64_t IdMap::hashOf(std::string_view id) noexcept
{
    // Word-at-a-time: ids of interaction logs are short (numbers, "u_1042", ASINs).
    const char *p = id.data();
    size_t n = id.size();
    uint64_t h = 0x9e3779b97f4a7c15ull ^ (uint64_t(n) * 0x100000001b3ull);
    while (n >= 8) {
        uint64_t w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * 0x9fb21c651e98df25ull;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    if (n > 0) {
        uint64_t w = 0;
        std::memcpy(&w, p, n);
        h = (h ^ w) * 0x9fb21c651e98df25ull;
    }
    return mix(h);
}

IdMap::Slot IdMap::makeKey(std::string_view id, uint64_t hash) noexcept
{
    Slot key;
    if (id.size() <= kInlineBytes) {
        char bytes[12] = {};
        std::memcpy(bytes, id.data(), id.size());
        std::memcpy(&key.key, bytes, 8);
        std::memcpy(&key.keyHigh, bytes + 8, 4);  // byte 11 is 0 here ...
        key.keyHigh |= uint32_t(id.size()) << 24; // ... and becomes the length
    } else {
        key.key = hash;
        key.keyHigh = uint32_t(hash >> 40) | kLongMarker;
    }
    return key;
}

size_t IdMap::slotFor(std::string_view id, const Slot &key, uint64_t hash) const
{
    const bool isLong = (key.keyHigh & kLongMarker) == kLongMarker;
    size_t pos = size_t(hash) & m_mask;
    for (;;) {
        const Slot &slot = m_slots[pos];
        if (slot.index1 == 0)
            return pos;
        if (slot.key == key.key && slot.keyHigh == key.keyHigh &&
            (!isLong || m_ids[slot.index1 - 1] == id))
            return pos;
        pos = (pos + 1) & m_mask;
    }
}

void IdMap::grow()
{
    const size_t capacity = m_slots.empty() ? 16 : m_slots.size() * 2;
    std::vector<Slot, detail::TableAllocator<Slot>> old = std::move(m_slots);
    m_slots.assign(capacity, Slot{});
    m_mask = capacity - 1;
    for (const Slot &slot : old) {
        if (slot.index1 == 0)
            continue;
        // Short ids are rebuilt from the slot's bytes, so growing does not touch m_ids.
        std::string_view id;
        char bytes[12];
        if ((slot.keyHigh & kLongMarker) == kLongMarker) {
            id = m_ids[slot.index1 - 1];
        } else {
            std::memcpy(bytes, &slot.key, 8);
            std::memcpy(bytes + 8, &slot.keyHigh, 4);
            id = std::string_view(bytes, slot.keyHigh >> 24);
        }
        size_t pos = size_t(hashOf(id)) & m_mask;
        while (m_slots[pos].index1 != 0)
            pos = (pos + 1) & m_mask;
        m_slots[pos] = slot;
    }
}

int32_t IdMap::intern(std::string_view id)
{
    return intern(id, hashOf(id));
}

int32_t IdMap::intern(std::string_view id, uint64_t hash)
{
    // Load factor <= 1/2 keeps probe chains short.
    if ((m_ids.size() + 1) * 2 > m_slots.size())
        grow();
    Slot key = makeKey(id, hash);
    Slot &slot = m_slots[slotFor(id, key, hash)];
    if (slot.index1 != 0)
        return int32_t(slot.index1 - 1);
    const int32_t index = int32_t(m_ids.size());
    m_ids.emplace_back(id);
    key.index1 = uint32_t(index) + 1;
    slot = key;
    return index;
}

std::optional<int32_t> IdMap::find(std::string_view id) const
{
    if (m_slots.empty())
        return std::nullopt;
    const uint64_t hash = hashOf(id);
    const Slot &slot = m_slots[slotFor(id, makeKey(id, hash), hash)];
    if (slot.index1 == 0)
        return std::nullopt;
    return int32_t(slot.index1 - 1);
}

void IdMap::reserve(size_t n)
{
    m_ids.reserve(n);
    while ((n + 1) * 2 > m_slots.size())
        grow();
}

void IdMap::clear()
{
    m_ids.clear();
    m_slots.clear();
    m_mask = 0;
}

} // namespace recforge
