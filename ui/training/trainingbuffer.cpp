#include "trainingbuffer.h"

namespace recforge::ui {

void TrainingBuffer::addBatch(const recforge::BatchEvent &event)
{
    std::lock_guard lock(m_mutex);
    m_pending.batches.push_back(event);
    m_lastStep = event.step;
}

void TrainingBuffer::addEpoch(const recforge::EpochEvent &event)
{
    std::lock_guard lock(m_mutex);
    m_pending.epochs.push_back(event);
    m_pending.epochSteps.push_back(m_lastStep);
}

TrainingUpdate TrainingBuffer::take()
{
    TrainingUpdate out;
    std::lock_guard lock(m_mutex);
    std::swap(out, m_pending);
    return out;
}

} // namespace recforge::ui
