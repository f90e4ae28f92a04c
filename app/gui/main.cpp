// recforge: the desktop GUI. Usage: recforge [project.recforge]
// Without an argument it reopens the last project, or on first start creates the demo project
// (with a generated demo shop) in the application data folder.

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>

#include "appsettings.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "recforge/version.h"

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("RecForge"));
    QApplication::setOrganizationDomain(QStringLiteral("recforge.invalid"));
    QApplication::setApplicationName(QStringLiteral("RecForge"));
    QApplication::setApplicationVersion(QString::fromLatin1(recforge::kVersion));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/recforge.svg")));
    QApplication::setDesktopFileName(QStringLiteral("recforge"));

    recforge::ui::AppSettings settings;
    recforge::ui::LanguageManager::apply(settings.language());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Workbench for e-commerce recommender experiments"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QCoreApplication::translate("main", "Project file to open "
                                                                     "(*.recforge)."),
                                 QStringLiteral("[project.recforge]"));
    parser.process(app);

    QString path = parser.positionalArguments().value(0);
    bool demo = false;
    if (path.isEmpty()) {
        path = settings.lastProject();
        if (path.isEmpty() || !QFileInfo::exists(path)) {
            path = recforge::ui::MainWindow::demoProjectPath();
            demo = true;
        }
    }

    recforge::ui::MainWindow window;
    window.show();
    QString error;
    if (!window.openProject(path, true, &error)) {
        QMessageBox::warning(
            &window, QCoreApplication::translate("main", "Open project"),
            QCoreApplication::translate("main", "Could not open %1:\n%2").arg(path, error));
    } else if (demo || path == recforge::ui::MainWindow::demoProjectPath()) {
        window.ensureDemoDataset();
    }
    return app.exec();
}
