#pragma once

#include <memory>

#include <QByteArray>
#include <QString>
#include <QStringList>

class QSettings;

namespace recforge::ui {

// Typed access to the application preferences (QSettings under the application's organisation
// and name). Every getter has a documented default, so a fresh installation needs no file.
class AppSettings {
public:
    AppSettings();                                // the application's QSettings
    explicit AppSettings(const QString &iniPath); // a specific INI file (tests)
    ~AppSettings();

    // "en" (default) or "zh_CN".
    QString language() const;
    void setLanguage(const QString &language);

    // "auto" (default), "cpu" or "cuda".
    QString device() const;
    void setDevice(const QString &device);

    // CPU threads for training; 0 (default) = all cores.
    int threads() const;
    void setThreads(int threads);

    // The project opened last; empty when none.
    QString lastProject() const;
    void setLastProject(const QString &path);

    // Most recent first, at most kMaxRecent entries, no duplicates.
    static constexpr int kMaxRecent = 8;
    QStringList recentProjects() const;
    void addRecentProject(const QString &path);
    void clearRecentProjects();

    QByteArray mainWindowGeometry() const;
    void setMainWindowGeometry(const QByteArray &geometry);
    QByteArray mainWindowState() const;
    void setMainWindowState(const QByteArray &state);

    // The folder last used in a file dialog (default: home).
    QString lastDirectory() const;
    void setLastDirectory(const QString &dir);

    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace recforge::ui
