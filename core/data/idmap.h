#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace recforge {

namespace detail {
// Memory for big lookup tables: 2 MB aligned and marked for transparent huge pages, because
// random probes into a table of tens of MB otherwise miss the TLB on nearly every access.
void *allocateTable(size_t bytes);
void freeTable(void *p, size_t bytes) noexcept;

template <typename T> struct TableAllocator {
    using value_type = T;
    TableAllocator() = default;
    template <typename U> TableAllocator(const TableAllocator<U> &) {}
    T *allocate(size_t n) { return static_cast<T *>(allocateTable(n * sizeof(T))); }
    void deallocate(T *p, size_t n) noexcept { freeTable(p, n * sizeof(T)); }
    template <typename U> bool operator==(const TableAllocator<U> &) const { return true; }
};
} // namespace detail

// Maps external string ids ("u_1042", "B00ABC") to dense indices 0..size()-1 and back.
// Indices are assigned in first-seen order and never change.
class IdMap {
public:
    // Returns the index of `id`, adding it when new.
    int32_t intern(std::string_view id);
    std::optional<int32_t> find(std::string_view id) const;
    const std::string &id(int32_t index) const { return m_ids[size_t(index)]; }
    const std::vector<std::string> &ids() const { return m_ids; }
    int32_t size() const { return int32_t(m_ids.size()); }
    bool empty() const { return m_ids.empty(); }
    void reserve(size_t n);
    void clear();

    // Split lookup for bulk loaders: hash ids ahead, prefetch their slots, then intern. Same result
    // as intern(id); `hash` must be hashOf(id).
    static uint64_t hashOf(std::string_view id) noexcept;
    void prefetch(uint64_t hash) const noexcept
    {
        // No emptiness branch: with it GCC 12 drops the prefetch when called through a reference
        // member. An empty map has data() == nullptr and mask 0; prefetching that never faults.
        __builtin_prefetch(m_slots.data() + (size_t(hash) & m_mask));
    }
    int32_t intern(std::string_view id, uint64_t hash);

private:
    // Open addressing with linear probing over 16-byte slots. Ids of up to 11 bytes are stored in
    // the slot itself (bytes + length), so a lookup touches one cache line and no std::string;
    // longer ids store hash bits and are confirmed against m_ids. index1 == 0 marks an empty slot.
    struct Slot {
        uint64_t key = 0;
        uint32_t keyHigh = 0; // bytes 8..10, and the length (or 0xFF for long ids) in the top byte
        uint32_t index1 = 0;  // index + 1
    };
    static Slot makeKey(std::string_view id, uint64_t hash) noexcept;
    void grow();
    size_t slotFor(std::string_view id, const Slot &key, uint64_t hash) const;

    std::vector<std::string> m_ids;
    std::vector<Slot, detail::TableAllocator<Slot>> m_slots;
    uint64_t m_mask = 0;
};

} // namespace recforge
