#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"

namespace recforge::cli {

// Command-line arguments of one sub-command: `--key value`, `--key=value` and `--flag`.
// Options are declared up front so an unknown option or a missing value is a clear error.
class Args {
public:
    struct Spec {
        std::string name; // without the leading dashes
        bool takesValue = true;
        std::string help;
        std::string defaultValue; // shown in help
    };

    Args(std::string command, std::vector<Spec> specs);
    // Parses argv[first..]. Errors name the offending option.
    Status parse(int argc, char **argv, int first);

    bool has(const std::string &name) const;
    std::string value(const std::string &name, const std::string &fallback = "") const;
    Expected<int64_t> integer(const std::string &name, int64_t fallback) const;
    Expected<double> real(const std::string &name, double fallback) const;
    // Value that must be present.
    Expected<std::string> required(const std::string &name) const;
    std::string help() const;

private:
    const Spec *find(const std::string &name) const;

    std::string m_command;
    std::vector<Spec> m_specs;
    std::map<std::string, std::string> m_values;
};

} // namespace recforge::cli
