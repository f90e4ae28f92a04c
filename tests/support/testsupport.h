#pragma once

#include <QString>

namespace recforge::test {

// Absolute path of a file in tests/fixtures/.
QString fixturePath(const QString &name);
// Runs recforge-cli with `args`; returns exit code, fills stdout/stderr. Fails the test on timeout.
int runCli(const QStringList &args, QString *out = nullptr, QString *err = nullptr,
           int timeoutMs = 120000);

} // namespace recforge::test
