#pragma once

#include <mutex>
#include <vector>

#include "train/trainevents.h"

namespace recforge::ui {

// What the training thread produced since the UI last looked.
struct TrainingUpdate {
    std::vector<recforge::BatchEvent> batches;
    std::vector<recforge::EpochEvent> epochs;
    // Global step of the last batch seen before each epoch event (same order as `epochs`), so an
    // epoch's loss can be drawn at the step where the epoch ended.
    std::vector<int64_t> epochSteps;
    bool empty() const { return batches.empty() && epochs.empty(); }
};

// The coalescing buffer between a training thread and the live plot: the worker appends every
// batch and epoch event under a mutex (a copy of a few numbers); the UI timer takes everything at
// once and draws it with one replot. Nothing here touches Qt.
class TrainingBuffer {
public:
    void addBatch(const recforge::BatchEvent &event);
    void addEpoch(const recforge::EpochEvent &event);
    // Everything appended since the previous take(), in order.
    TrainingUpdate take();

private:
    std::mutex m_mutex;
    TrainingUpdate m_pending;
    int64_t m_lastStep = 0;
};

} // namespace recforge::ui
