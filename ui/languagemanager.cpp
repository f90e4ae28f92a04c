#include "languagemanager.h"

#include <memory>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QTranslator>

namespace recforge::ui {

namespace {
struct Installed {
    QTranslator *app = nullptr;
    QTranslator *qt = nullptr;
    QString code; // empty: nothing installed yet (English without the plural forms)
};

Installed &installed()
{
    static Installed state;
    return state;
}

void removeTranslator(QTranslator *&translator)
{
    if (!translator)
        return;
    QCoreApplication::removeTranslator(translator);
    delete translator;
    translator = nullptr;
}
} // namespace

QStringList LanguageManager::languageCodes()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString LanguageManager::nativeName(const QString &code)
{
    // Shown in their own language on purpose: a user who cannot read the current one must still
    // find theirs.
    if (code == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    return QStringLiteral("English");
}

QStringList LanguageManager::searchPaths()
{
    const QString exeDir = QCoreApplication::applicationDirPath();
    QStringList paths{QDir::cleanPath(exeDir + QStringLiteral("/../translations")),
                      QDir::cleanPath(exeDir + QStringLiteral("/../share/recforge/translations"))};
#ifdef RECFORGE_BUILD_TRANSLATIONS_DIR
    paths << QStringLiteral(RECFORGE_BUILD_TRANSLATIONS_DIR);
#endif
    return paths;
}

QString LanguageManager::findQm(const QString &code)
{
    const QString file = QStringLiteral("recforge_%1.qm").arg(code);
    for (const QString &dir : searchPaths()) {
        const QFileInfo info(QDir(dir).filePath(file));
        if (info.isFile())
            return info.absoluteFilePath();
    }
    return {};
}

bool LanguageManager::apply(const QString &code)
{
    Installed &state = installed();
    if (code == state.code)
        return true;
    removeTranslator(state.app);
    removeTranslator(state.qt);
    state.code.clear();
    const QString qm = findQm(code);
    auto translator = std::make_unique<QTranslator>();
    if (qm.isEmpty() || !translator->load(qm)) {
        // English needs no file (the sources are English; its .qm only adds plural forms).
        return code == QLatin1String("en");
    }
    state.app = translator.release();
    QCoreApplication::installTranslator(state.app);
    // Qt's own strings (standard buttons, file dialogs) when Qt's translations are installed.
    auto qt = std::make_unique<QTranslator>();
    if (code != QLatin1String("en") &&
        qt->load(QStringLiteral("qtbase_") + code,
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        state.qt = qt.release();
        QCoreApplication::installTranslator(state.qt);
    }
    state.code = code;
    return true;
}

QString LanguageManager::current()
{
    const QString &code = installed().code;
    return code.isEmpty() ? QStringLiteral("en") : code;
}

} // namespace recforge::ui
