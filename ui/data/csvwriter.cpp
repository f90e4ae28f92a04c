#include "csvwriter.h"

#include <QSaveFile>

#include "data/rejectedrowsmodel.h"

namespace recforge::ui {

QString CsvWriter::quote(const QString &field)
{
    const bool needsQuotes =
        field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"')) ||
        field.contains(QLatin1Char('\n')) || field.contains(QLatin1Char('\r')) ||
        (!field.isEmpty() && (field.front().isSpace() || field.back().isSpace()));
    if (!needsQuotes)
        return field;
    QString quoted = field;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString CsvWriter::line(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &field : fields)
        quoted << quote(field);
    return quoted.join(QLatin1Char(',')) + QLatin1String("\r\n");
}

bool CsvWriter::writeRejectedRows(const QString &path,
                                  const std::vector<recforge::RejectedRow> &rows, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    // The header is a file format, not UI text: it stays English in every language.
    file.write(line({QStringLiteral("file"), QStringLiteral("line"), QStringLiteral("column"),
                     QStringLiteral("field"), QStringLiteral("reason"), QStringLiteral("text")})
                   .toUtf8());
    for (const recforge::RejectedRow &row : rows) {
        QStringList fields;
        for (int column = 0; column < RejectedRowsModel::kColumns; ++column)
            fields << RejectedRowsModel::cellText(row, column);
        file.write(line(fields).toUtf8());
    }
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace recforge::ui
