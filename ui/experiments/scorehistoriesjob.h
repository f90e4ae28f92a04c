#pragma once

#include <QString>

#include "jobs/job.h"

namespace recforge::ui {

// Re-opens an exported model (an export folder or a .ckpt, recforge::openExportedModel), reads a
// file of user histories in external ids (CSV or "user item1 item2 ..."), and writes every user's
// top-K list to a CSV (user_id, rank, item_id, score) atomically - the GUI's `recforge-cli
// recommend`. Unknown ids become warnings(), never errors.
class ScoreHistoriesJob : public Job {
    Q_OBJECT
public:
    ScoreHistoriesJob(QString modelPath, QString historiesPath, QString outputPath, int k,
                      QObject *parent = nullptr);
    const QString &outputPath() const { return m_outputPath; }
    // Valid after succeeded().
    int usersScored() const { return m_users; }
    const QStringList &warnings() const { return m_warnings; }

protected:
    recforge::Status execute(recforge::Observer &observer, recforge::StopToken stop) override;

private:
    QString m_modelPath, m_historiesPath, m_outputPath;
    int m_k;
    int m_users = 0;
    QStringList m_warnings;
};

} // namespace recforge::ui
