#include "paramschema.h"

#include <cmath>
#include <sstream>

namespace recforge {

namespace {

std::string formatNumber(double v, bool integral)
{
    if (integral)
        return std::to_string(int64_t(v));
    std::ostringstream out;
    out << v;
    return out.str();
}

std::string joined(const std::vector<std::string> &items)
{
    std::string text;
    for (const auto &item : items) {
        if (!text.empty())
            text += ", ";
        text += item;
    }
    return text;
}

tl::unexpected<Error> paramError(const ModelSchema &schema, const std::string &key,
                                 const std::string &message)
{
    return makeError(ErrorCode::InvalidArgument,
                     "model '" + schema.id + "', parameter '" + key + "': " + message,
                     Location{"", 0, 0, key});
}

std::string knownKeys(const ModelSchema &schema)
{
    std::vector<std::string> keys;
    for (const auto &p : schema.params)
        keys.push_back(p.key);
    if (!schema.presets.empty())
        keys.push_back(kPresetKey);
    return keys.empty() ? std::string("(none)") : joined(keys);
}

} // namespace

const char *paramTypeName(ParamType type)
{
    switch (type) {
    case ParamType::Int:
        return "int";
    case ParamType::Real:
        return "real";
    case ParamType::Bool:
        return "bool";
    case ParamType::Choice:
        return "choice";
    case ParamType::String:
        return "string";
    }
    return "real";
}

std::string ParamSpec::allowedText() const
{
    switch (type) {
    case ParamType::Bool:
        return "true or false";
    case ParamType::Choice:
        return "one of: " + joined(choices);
    case ParamType::String:
        return "a string";
    case ParamType::Int:
    case ParamType::Real: {
        const bool integral = type == ParamType::Int;
        std::string text = integral ? "an integer" : "a number";
        if (min && max)
            text +=
                " in [" + formatNumber(*min, integral) + ", " + formatNumber(*max, integral) + "]";
        else if (min)
            text += " >= " + formatNumber(*min, integral);
        else if (max)
            text += " <= " + formatNumber(*max, integral);
        return text;
    }
    }
    return {};
}

const ParamSpec *ModelSchema::find(std::string_view key) const
{
    for (const auto &p : params)
        if (p.key == key)
            return &p;
    return nullptr;
}

const ParamPreset *ModelSchema::findPreset(std::string_view name) const
{
    for (const auto &p : presets)
        if (p.name == name)
            return &p;
    return nullptr;
}

nlohmann::json ModelSchema::defaults() const
{
    nlohmann::json out = nlohmann::json::object();
    for (const auto &p : params)
        out[p.key] = p.defaultValue;
    if (!presets.empty()) {
        for (const auto &[key, value] : presets.front().overrides.items())
            out[key] = value;
        out[kPresetKey] = presets.front().name;
    }
    return out;
}

Expected<nlohmann::json> checkParam(const ModelSchema &schema, const ParamSpec &spec,
                                    const nlohmann::json &value)
{
    const auto wrong = [&] {
        return paramError(schema, spec.key,
                          "got " + value.dump() + ", expected " + spec.allowedText());
    };
    switch (spec.type) {
    case ParamType::Bool:
        if (!value.is_boolean())
            return wrong();
        return value;
    case ParamType::String:
        if (!value.is_string())
            return wrong();
        return value;
    case ParamType::Choice: {
        if (!value.is_string())
            return wrong();
        const auto text = value.get<std::string>();
        for (const auto &c : spec.choices)
            if (c == text)
                return value;
        return wrong();
    }
    case ParamType::Int:
    case ParamType::Real: {
        if (!value.is_number())
            return wrong();
        const double v = value.get<double>();
        if (!std::isfinite(v))
            return wrong();
        if (spec.type == ParamType::Int && std::floor(v) != v)
            return wrong();
        if ((spec.min && v < *spec.min) || (spec.max && v > *spec.max))
            return wrong();
        if (spec.type == ParamType::Int)
            return nlohmann::json(value.is_number_integer() ? value.get<int64_t>() : int64_t(v));
        return nlohmann::json(v);
    }
    }
    return wrong();
}

Expected<nlohmann::json> resolveParams(const ModelSchema &schema, const nlohmann::json &given)
{
    if (!given.is_null() && !given.is_object())
        return makeError(ErrorCode::InvalidArgument,
                         "model '" + schema.id + "': parameters must be a JSON object, got " +
                             given.dump());
    nlohmann::json out = nlohmann::json::object();
    for (const auto &p : schema.params)
        out[p.key] = p.defaultValue;

    if (!schema.presets.empty()) {
        const ParamPreset *preset = &schema.presets.front();
        if (given.is_object() && given.contains(kPresetKey)) {
            const auto &name = given[kPresetKey];
            std::vector<std::string> names;
            for (const auto &p : schema.presets)
                names.push_back(p.name);
            if (!name.is_string() || !(preset = schema.findPreset(name.get<std::string>())))
                return paramError(schema, kPresetKey,
                                  "unknown preset " + name.dump() +
                                      ", expected one of: " + joined(names));
        }
        for (const auto &[key, value] : preset->overrides.items()) {
            const ParamSpec *spec = schema.find(key);
            if (!spec)
                return paramError(schema, key, "preset '" + preset->name + "' sets unknown key");
            auto checked = checkParam(schema, *spec, value);
            if (!checked)
                return tl::unexpected(checked.error());
            out[key] = *checked;
        }
        out[kPresetKey] = preset->name;
    }

    if (given.is_object()) {
        for (const auto &[key, value] : given.items()) {
            if (key == kPresetKey && !schema.presets.empty())
                continue;
            const ParamSpec *spec = schema.find(key);
            if (!spec)
                return paramError(schema, key,
                                  "unknown parameter (known: " + knownKeys(schema) + ")");
            auto checked = checkParam(schema, *spec, value);
            if (!checked)
                return tl::unexpected(checked.error());
            out[key] = *checked;
        }
    }
    return out;
}

nlohmann::json toJson(const ParamSpec &spec)
{
    nlohmann::json out = {{"key", spec.key},
                          {"type", paramTypeName(spec.type)},
                          {"default", spec.defaultValue},
                          {"label", spec.label},
                          {"help", spec.help},
                          {"logScale", spec.logScale},
                          {"advanced", spec.advanced}};
    if (spec.min)
        out["min"] = *spec.min;
    if (spec.max)
        out["max"] = *spec.max;
    if (!spec.choices.empty())
        out["choices"] = spec.choices;
    return out;
}

nlohmann::json toJson(const ModelSchema &schema)
{
    nlohmann::json params = nlohmann::json::array();
    for (const auto &p : schema.params)
        params.push_back(toJson(p));
    nlohmann::json presets = nlohmann::json::array();
    for (const auto &p : schema.presets)
        presets.push_back(
            {{"name", p.name}, {"description", p.description}, {"overrides", p.overrides}});
    return {{"id", schema.id},
            {"displayName", schema.displayName},
            {"description", schema.description},
            {"family", schema.family},
            {"params", params},
            {"presets", presets}};
}

ParamSpec intParam(std::string key, int64_t def, int64_t min, int64_t max, std::string label,
                   std::string help, bool logScale)
{
    ParamSpec p;
    p.key = std::move(key);
    p.type = ParamType::Int;
    p.defaultValue = def;
    p.min = double(min);
    p.max = double(max);
    p.label = std::move(label);
    p.help = std::move(help);
    p.logScale = logScale;
    return p;
}

ParamSpec realParam(std::string key, double def, double min, double max, std::string label,
                    std::string help, bool logScale)
{
    ParamSpec p;
    p.key = std::move(key);
    p.type = ParamType::Real;
    p.defaultValue = def;
    p.min = min;
    p.max = max;
    p.label = std::move(label);
    p.help = std::move(help);
    p.logScale = logScale;
    return p;
}

ParamSpec boolParam(std::string key, bool def, std::string label, std::string help)
{
    ParamSpec p;
    p.key = std::move(key);
    p.type = ParamType::Bool;
    p.defaultValue = def;
    p.label = std::move(label);
    p.help = std::move(help);
    return p;
}

ParamSpec choiceParam(std::string key, std::string def, std::vector<std::string> choices,
                      std::string label, std::string help)
{
    ParamSpec p;
    p.key = std::move(key);
    p.type = ParamType::Choice;
    p.defaultValue = std::move(def);
    p.choices = std::move(choices);
    p.label = std::move(label);
    p.help = std::move(help);
    return p;
}

ParamSpec stringParam(std::string key, std::string def, std::string label, std::string help)
{
    ParamSpec p;
    p.key = std::move(key);
    p.type = ParamType::String;
    p.defaultValue = std::move(def);
    p.label = std::move(label);
    p.help = std::move(help);
    return p;
}

} // namespace recforge
