#pragma once
// Translation of the model registry's texts. core/ is Qt-free, so ModelSchema::displayName,
// description, ParamSpec::label, help and ParamPreset::description stay English there; the UI shows
// them through schemaText(), which looks them up in the "ModelSchema" translation context.
// ui/models/schemastrings.cpp lists every such text for lupdate (tests/ui/tst_schemastrings.cpp
// checks that it is complete and that zh_CN translates all of it).

#include <string>

#include <QString>

namespace recforge {
struct ParamSpec;
} // namespace recforge

namespace recforge::ui {

// The translation context of the registry texts.
inline constexpr const char *kSchemaContext = "ModelSchema";

// QCoreApplication::translate("ModelSchema", english); an empty text stays empty.
QString schemaText(const std::string &english);

// ParamSpec::allowedText() with each piece translated ("an integer in [1, 1000]", "one of: a, b",
// ...). Choice values and numbers stay as they are: they are what configs contain.
QString allowedText(const recforge::ParamSpec &spec);

} // namespace recforge::ui
