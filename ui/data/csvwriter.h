#pragma once

#include <vector>

#include <QString>
#include <QStringList>

#include "data/import/importoptions.h"

namespace recforge::ui {

// Writes small CSV exports from the UI (RFC 4180: comma separated, CRLF line ends, UTF-8).
class CsvWriter {
public:
    // Quotes a field when it contains a comma, a quote, CR/LF or leading/trailing spaces;
    // quotes inside are doubled.
    static QString quote(const QString &field);
    static QString line(const QStringList &fields);

    // Writes a header plus one line per rejected row (file, line, column, field, reason, text),
    // atomically (QSaveFile). Returns false and fills `error` when the file cannot be written.
    static bool writeRejectedRows(const QString &path,
                                  const std::vector<recforge::RejectedRow> &rows,
                                  QString *error = nullptr);
};

} // namespace recforge::ui
