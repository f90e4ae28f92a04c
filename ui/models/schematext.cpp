#include "schematext.h"

#include <QCoreApplication>
#include <QStringList>

#include "models/paramschema.h"

namespace recforge::ui {

namespace {

// Same formatting as core's ParamSpec::allowedText(): integers plainly, reals as %g.
QString formatBound(double value, bool integral)
{
    if (integral)
        return QString::number(qint64(value));
    return QString::number(value, 'g', 6);
}

} // namespace

QString schemaText(const std::string &english)
{
    if (english.empty())
        return {};
    return QCoreApplication::translate(kSchemaContext, english.c_str());
}

QString allowedText(const recforge::ParamSpec &spec)
{
    using recforge::ParamType;
    switch (spec.type) {
    case ParamType::Bool:
        return QCoreApplication::translate("ModelSchema", "true or false");
    case ParamType::Choice: {
        QStringList choices;
        for (const std::string &choice : spec.choices)
            choices << QString::fromStdString(choice);
        return QCoreApplication::translate("ModelSchema", "one of: %1")
            .arg(choices.join(QStringLiteral(", ")));
    }
    case ParamType::String:
        return QCoreApplication::translate("ModelSchema", "a string");
    case ParamType::Int:
    case ParamType::Real: {
        const bool integral = spec.type == ParamType::Int;
        if (spec.min && spec.max) {
            const QString text =
                integral ? QCoreApplication::translate("ModelSchema", "an integer in [%1, %2]")
                         : QCoreApplication::translate("ModelSchema", "a number in [%1, %2]");
            return text.arg(formatBound(*spec.min, integral), formatBound(*spec.max, integral));
        }
        if (spec.min)
            return (integral ? QCoreApplication::translate("ModelSchema", "an integer >= %1")
                             : QCoreApplication::translate("ModelSchema", "a number >= %1"))
                .arg(formatBound(*spec.min, integral));
        if (spec.max)
            return (integral ? QCoreApplication::translate("ModelSchema", "an integer <= %1")
                             : QCoreApplication::translate("ModelSchema", "a number <= %1"))
                .arg(formatBound(*spec.max, integral));
        return integral ? QCoreApplication::translate("ModelSchema", "an integer")
                        : QCoreApplication::translate("ModelSchema", "a number");
    }
    }
    return QString::fromStdString(spec.allowedText());
}

} // namespace recforge::ui
