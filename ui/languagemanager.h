#pragma once

#include <QString>
#include <QStringList>

namespace recforge::ui {

// Installs the application translation for a language. Qt then sends QEvent::LanguageChange to
// every widget, and each widget's retranslateUi() refreshes its texts.
class LanguageManager {
public:
    // Languages offered in the preferences: code and native name ("zh_CN", "简体中文").
    static QStringList languageCodes();
    static QString nativeName(const QString &code);

    // Folders searched for recforge_<code>.qm: <exe>/../translations,
    // <exe>/../share/recforge/translations, then the build tree's translations folder.
    static QStringList searchPaths();
    // Full path of the .qm file for `code`, or empty when none is found.
    static QString findQm(const QString &code);

    // Switches the UI language. "en" installs recforge_en.qm when present (plural forms only;
    // the sources are English). Returns false (and leaves English) when the .qm for another
    // language is missing.
    static bool apply(const QString &code);
    static QString current();
};

} // namespace recforge::ui
