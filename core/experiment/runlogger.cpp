#include "runlogger.h"

namespace recforge {

RunLogger::RunLogger(RunStore &store, int64_t run, Observer &forward)
    : m_store(store), m_run(run), m_forward(forward),
      m_forwardTrain(dynamic_cast<TrainObserver *>(&forward))
{
}

bool RunLogger::onProgress(const Progress &progress)
{
    return m_forward.onProgress(progress);
}

void RunLogger::onMessage(const std::string &message)
{
    m_store.logMessage(m_run, "info", message);
    m_forward.onMessage(message);
}

void RunLogger::onBatch(const BatchEvent &event)
{
    m_lastStep = event.step;
    m_store.appendCurvePoint(m_run, "train/loss", event.step, event.epoch, event.loss);
    m_store.appendCurvePoint(m_run, "lr", event.step, event.epoch, event.learningRate);
    if (m_forwardTrain)
        m_forwardTrain->onBatch(event);
}

void RunLogger::onEpoch(const EpochEvent &event)
{
    m_store.appendCurvePoint(m_run, "train/epoch_loss", m_lastStep, event.epoch, event.trainLoss);
    m_store.appendCurvePoint(m_run, "throughput", m_lastStep, event.epoch, event.samplesPerSecond);
    // Validation metrics are recorded by the validation hook itself (with every K it computed).
    if (!m_metricsPrefix.empty())
        for (const auto &[name, value] : event.metrics)
            m_store.appendCurvePoint(m_run, m_metricsPrefix + name, m_lastStep, event.epoch, value);
    m_store.heartbeat(m_run);
    if (m_forwardTrain)
        m_forwardTrain->onEpoch(event);
}

void RunLogger::onCheckpoint(const CheckpointEvent &event)
{
    if (auto recorded = m_store.recordCheckpoint(m_run, event.epoch, event.step, event.path);
        !recorded)
        m_store.logMessage(m_run, "warning",
                           "checkpoint not recorded: " + recorded.error().toString());
    // Committed before the next epoch prunes older checkpoint files: a crash then always finds
    // a recorded checkpoint whose file still exists.
    else if (auto flushed = m_store.flush(); !flushed)
        m_forward.onMessage("checkpoint record: " + flushed.error().toString());
    if (m_forwardTrain)
        m_forwardTrain->onCheckpoint(event);
}

} // namespace recforge
