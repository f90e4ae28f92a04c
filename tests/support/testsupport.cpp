#include "testsupport.h"

#include <QDir>
#include <QProcess>
#include <QStringList>

namespace recforge::test {

QString fixturePath(const QString &name)
{
    return QDir(QStringLiteral(RECFORGE_FIXTURES_DIR)).filePath(name);
}

int runCli(const QStringList &args, QString *out, QString *err, int timeoutMs)
{
    QProcess process;
    process.start(QStringLiteral(RECFORGE_CLI_PATH), args);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    if (out)
        *out = QString::fromUtf8(process.readAllStandardOutput());
    if (err)
        *err = QString::fromUtf8(process.readAllStandardError());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
}

} // namespace recforge::test
