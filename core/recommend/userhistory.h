#pragma once
// One user's history as an owned, editable list of rows: the input of a recommendation and of the
// GUI's what-if editor. Torch-free.

#include <cstdint>
#include <vector>

#include "data/dataset.h"
#include "models/trainingdata.h"

namespace recforge {

// Rows in time order. rows[k] is the source interaction row, or -1 for a row added by an edit.
struct UserHistory {
    int32_t user = -1; // Dataset user index; -1 = an anonymous (made-up) user
    std::vector<int32_t> items;
    std::vector<int64_t> timestamps;
    std::vector<uint16_t> events; // EventKinds codes
    std::vector<float> values;
    std::vector<int64_t> rows;

    // Every interaction of `user` in the dataset (all split roles: the recommendations of the
    // GUI describe "now", after everything the shop knows), in time order. An out-of-range user
    // gives an empty history.
    static UserHistory ofUser(const Dataset &dataset, const UserSequences &sequences, int32_t user);

    size_t size() const { return items.size(); }
    bool empty() const { return items.empty(); }
    // Spans into this object: valid until it changes.
    HistoryView view() const;
    // Removes row `index`; false when out of range.
    bool remove(size_t index);
    // Appends a row after the last one (timestamp = max(timestamp, last timestamp), so the time
    // order stays intact).
    void add(int32_t item, int64_t timestamp, uint16_t event, float value = 1.0f);
    // Distinct items, ascending.
    std::vector<int32_t> distinctItems() const;
    // Distinct items with at least one row of event `code`, ascending.
    std::vector<int32_t> itemsWithEvent(uint16_t code) const;
};

} // namespace recforge
