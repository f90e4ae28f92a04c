#pragma once
// Typed parameter schemas of models. Torch-free: the GUI builds its forms from these and the CLI
// validates its configs with them.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/error.h"

namespace recforge {

enum class ParamType {
    Int,    // JSON integer (an integral floating value such as 1e3 is accepted and stored as int)
    Real,   // any JSON number
    Bool,   // JSON true/false
    Choice, // one of ParamSpec::choices (JSON string)
    String, // free text
};

const char *paramTypeName(ParamType type); // "int", "real", "bool", "choice", "string"

// One hyper-parameter: key, type, documented default, valid range, and the text the GUI shows.
struct ParamSpec {
    std::string key; // JSON key, lowerCamelCase ("hiddenSize")
    ParamType type = ParamType::Real;
    nlohmann::json defaultValue;
    std::optional<double> min, max;   // inclusive bounds for Int / Real
    std::vector<std::string> choices; // for Choice
    std::string label;                // short English label for forms ("Hidden size")
    std::string help;                 // tooltip: what it does and why the default
    bool logScale = false;            // spin boxes / tuners step multiplicatively
    bool advanced = false;            // GUI may fold it away

    // "an integer in [1, 1000]", "one of: cosine, jaccard", "true or false"
    std::string allowedText() const;
};

// A named set of overrides, e.g. "small" -> {"hiddenSize": 64, "layers": 2}.
struct ParamPreset {
    std::string name;
    std::string description;
    nlohmann::json overrides; // object; every key must be a schema parameter
};

// Everything the registry knows about a model without constructing it.
struct ModelSchema {
    std::string id;                   // stable, lowercase: "popularity", "itemknn", "sasrec"
    std::string displayName;          // "ItemKNN"
    std::string description;          // one paragraph, English
    std::string family;               // "baseline", "neighbourhood", "factorisation", "sequential"
    std::vector<ParamSpec> params;    // in form order
    std::vector<ParamPreset> presets; // may be empty; the first one is the default preset

    const ParamSpec *find(std::string_view key) const;
    const ParamPreset *findPreset(std::string_view name) const;
    // {"key": default, ...} plus the default preset's overrides when presets exist.
    nlohmann::json defaults() const;
};

// The reserved key that selects a preset in given params.
inline constexpr const char *kPresetKey = "preset";

// Resolves user-given params against a schema. Result = schema defaults, then the preset's
// overrides (given["preset"], or the schema's first preset when there are presets and none is
// given), then every other given key. The result always holds every parameter (and "preset" when
// the schema has presets), so resolving a resolved object returns it unchanged. `given` may be null
// (all defaults) or an object.
// Errors (ErrorCode::InvalidArgument, Location::field = the key): `given` not an object, an unknown
// key, an unknown preset, a value of the wrong type, a value outside [min, max], a choice not in
// the list. The message names the model, the key and the allowed values.
Expected<nlohmann::json> resolveParams(const ModelSchema &schema, const nlohmann::json &given);

// Checks one value against one spec (no defaults involved); returns the normalised value (e.g.
// 3.0 -> 3 for Int). Same errors as resolveParams.
Expected<nlohmann::json> checkParam(const ModelSchema &schema, const ParamSpec &spec,
                                    const nlohmann::json &value);

// Schema as JSON (for `recforge-cli models --json` and the store).
nlohmann::json toJson(const ParamSpec &spec);
nlohmann::json toJson(const ModelSchema &schema);

// Builders that keep schema tables short and readable.
ParamSpec intParam(std::string key, int64_t def, int64_t min, int64_t max, std::string label,
                   std::string help, bool logScale = false);
ParamSpec realParam(std::string key, double def, double min, double max, std::string label,
                    std::string help, bool logScale = false);
ParamSpec boolParam(std::string key, bool def, std::string label, std::string help);
ParamSpec choiceParam(std::string key, std::string def, std::vector<std::string> choices,
                      std::string label, std::string help);
ParamSpec stringParam(std::string key, std::string def, std::string label, std::string help);

} // namespace recforge
