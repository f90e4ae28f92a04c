#include "appsettings.h"

#include <algorithm>

#include <QDir>
#include <QSettings>

namespace recforge::ui {

namespace {
const char *const kLanguage = "ui/language";
const char *const kDevice = "compute/device";
const char *const kThreads = "compute/threads";
const char *const kLastProject = "projects/last";
const char *const kRecent = "projects/recent";
const char *const kGeometry = "mainwindow/geometry";
const char *const kState = "mainwindow/state";
const char *const kLastDir = "ui/lastDirectory";
} // namespace

AppSettings::AppSettings() : m_settings(std::make_unique<QSettings>()) {}

AppSettings::AppSettings(const QString &iniPath)
    : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
}

AppSettings::~AppSettings() = default;

QString AppSettings::language() const
{
    const QString value = m_settings->value(kLanguage, QStringLiteral("en")).toString();
    return value == QLatin1String("zh_CN") ? value : QStringLiteral("en");
}

void AppSettings::setLanguage(const QString &language)
{
    m_settings->setValue(kLanguage, language);
}

QString AppSettings::device() const
{
    const QString value = m_settings->value(kDevice, QStringLiteral("auto")).toString();
    if (value == QLatin1String("cpu") || value == QLatin1String("cuda"))
        return value;
    return QStringLiteral("auto");
}

void AppSettings::setDevice(const QString &device)
{
    m_settings->setValue(kDevice, device);
}

int AppSettings::threads() const
{
    return std::max(0, m_settings->value(kThreads, 0).toInt());
}

void AppSettings::setThreads(int threads)
{
    m_settings->setValue(kThreads, std::max(0, threads));
}

QString AppSettings::lastProject() const
{
    return m_settings->value(kLastProject).toString();
}

void AppSettings::setLastProject(const QString &path)
{
    m_settings->setValue(kLastProject, path);
}

QStringList AppSettings::recentProjects() const
{
    return m_settings->value(kRecent).toStringList();
}

void AppSettings::addRecentProject(const QString &path)
{
    const QString clean = QDir::cleanPath(path);
    QStringList list = recentProjects();
    list.removeAll(clean);
    list.prepend(clean);
    while (list.size() > kMaxRecent)
        list.removeLast();
    m_settings->setValue(kRecent, list);
}

void AppSettings::clearRecentProjects()
{
    m_settings->remove(kRecent);
}

QByteArray AppSettings::mainWindowGeometry() const
{
    return m_settings->value(kGeometry).toByteArray();
}

void AppSettings::setMainWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(kGeometry, geometry);
}

QByteArray AppSettings::mainWindowState() const
{
    return m_settings->value(kState).toByteArray();
}

void AppSettings::setMainWindowState(const QByteArray &state)
{
    m_settings->setValue(kState, state);
}

QString AppSettings::lastDirectory() const
{
    return m_settings->value(kLastDir, QDir::homePath()).toString();
}

void AppSettings::setLastDirectory(const QString &dir)
{
    m_settings->setValue(kLastDir, dir);
}

void AppSettings::sync()
{
    m_settings->sync();
}

} // namespace recforge::ui
