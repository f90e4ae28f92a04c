// Switching the language retranslates open windows (LanguageChange -> retranslateUi), the
// preferences dialog stores the choice, and English comes back.

#include <QComboBox>
#include <QLabel>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include "appsettings.h"
#include "data/datapanel.h"
#include "jobs/jobmanager.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "preferencesdialog.h"

using namespace recforge::ui;

class TestLanguageSwitch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void qmIsFound();
    void mainWindowRetranslates();
    void preferencesStoreAndApply();
    void settingsDefaultsAndRecent();

private:
    QTemporaryDir m_home;
};

void TestLanguageSwitch::initTestCase()
{
    qputenv("XDG_CONFIG_HOME", m_home.filePath("config").toUtf8());
    qputenv("XDG_DATA_HOME", m_home.filePath("data").toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("RecForgeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_languageswitch"));
}

void TestLanguageSwitch::cleanup()
{
    LanguageManager::apply(QStringLiteral("en"));
}

void TestLanguageSwitch::qmIsFound()
{
    QVERIFY2(!LanguageManager::findQm(QStringLiteral("zh_CN")).isEmpty(),
             qPrintable(LanguageManager::searchPaths().join(", ")));
    QVERIFY(LanguageManager::findQm(QStringLiteral("xx_YY")).isEmpty());
    QVERIFY(!LanguageManager::apply(QStringLiteral("xx_YY")));
    QCOMPARE(LanguageManager::current(), QStringLiteral("en"));
}

void TestLanguageSwitch::mainWindowRetranslates()
{
    MainWindow window;
    window.show();
    QMenu *file = window.menuBar()->actions().value(0)->menu();
    QVERIFY(file);
    QCOMPARE(file->title(), QStringLiteral("&File"));
    QTabWidget *tabs = window.dataPanel()->tabs();
    QCOMPARE(tabs->tabText(0), QStringLiteral("Overview"));

    QVERIFY(LanguageManager::apply(QStringLiteral("zh_CN")));
    QCOMPARE(LanguageManager::current(), QStringLiteral("zh_CN"));
    QTRY_COMPARE(file->title(), QStringLiteral("文件(&F)"));
    QTRY_COMPARE(tabs->tabText(0), QStringLiteral("概览"));
    QVERIFY(window.windowTitle().contains(QStringLiteral("RecForge")));

    QVERIFY(LanguageManager::apply(QStringLiteral("en")));
    QTRY_COMPARE(file->title(), QStringLiteral("&File"));
    QTRY_COMPARE(tabs->tabText(0), QStringLiteral("Overview"));
}

void TestLanguageSwitch::preferencesStoreAndApply()
{
    AppSettings settings(m_home.filePath("prefs.ini"));
    QCOMPARE(settings.language(), QStringLiteral("en"));
    PreferencesDialog dialog(settings);
    auto *language = dialog.findChild<QComboBox *>(QStringLiteral("languageCombo"));
    auto *device = dialog.findChild<QComboBox *>(QStringLiteral("deviceCombo"));
    QVERIFY(language && device);
    QCOMPARE(language->itemText(1), QStringLiteral("简体中文"));
    auto hasLabel = [&dialog](const QString &text) {
        for (const QLabel *label : dialog.findChildren<QLabel *>())
            if (label->text() == text && label->isVisibleTo(&dialog))
                return true;
        return false;
    };
    QVERIFY(hasLabel(QStringLiteral("Language:"))); // every form row has its label
    QVERIFY(hasLabel(QStringLiteral("CPU threads:")));
    language->setCurrentIndex(language->findData(QStringLiteral("zh_CN")));
    device->setCurrentIndex(device->findData(QStringLiteral("cpu")));
    dialog.accept();
    QCOMPARE(settings.language(), QStringLiteral("zh_CN"));
    QCOMPARE(settings.device(), QStringLiteral("cpu"));
    QCOMPARE(LanguageManager::current(), QStringLiteral("zh_CN"));
    // The open dialog itself was retranslated.
    QTRY_COMPARE(dialog.windowTitle(), QStringLiteral("首选项"));
    QVERIFY(hasLabel(QStringLiteral("语言：")));
}

void TestLanguageSwitch::settingsDefaultsAndRecent()
{
    AppSettings settings(m_home.filePath("recent.ini"));
    QCOMPARE(settings.device(), QStringLiteral("auto"));
    QCOMPARE(settings.threads(), 0);
    QVERIFY(settings.lastProject().isEmpty());
    settings.setThreads(-3);
    QCOMPARE(settings.threads(), 0);
    for (int i = 0; i < 12; ++i)
        settings.addRecentProject(QStringLiteral("/p/%1.recforge").arg(i));
    settings.addRecentProject(QStringLiteral("/p/5.recforge"));
    const QStringList recent = settings.recentProjects();
    QCOMPARE(recent.size(), AppSettings::kMaxRecent);
    QCOMPARE(recent.front(), QStringLiteral("/p/5.recforge"));
    QCOMPARE(recent.count(QStringLiteral("/p/5.recforge")), 1);
    QCOMPARE(recent.at(1), QStringLiteral("/p/11.recforge"));

    // Values survive a restart (a fresh wrapper over the same file).
    settings.setLanguage(QStringLiteral("zh_CN"));
    settings.setDevice(QStringLiteral("cuda"));
    settings.setThreads(6);
    settings.sync();
    AppSettings reopened(m_home.filePath("recent.ini"));
    QCOMPARE(reopened.language(), QStringLiteral("zh_CN"));
    QCOMPARE(reopened.device(), QStringLiteral("cuda"));
    QCOMPARE(reopened.threads(), 6);
    QCOMPARE(reopened.recentProjects(), recent);
}

QTEST_MAIN(TestLanguageSwitch)
#include "tst_languageswitch.moc"
