#include "args.h"

#include <charconv>

namespace recforge::cli {

Args::Args(std::string command, std::vector<Spec> specs)
    : m_command(std::move(command)), m_specs(std::move(specs))
{
    m_specs.push_back({"json", false, "print the result as JSON on stdout", ""});
    m_specs.push_back({"quiet", false, "no progress bar", ""});
    m_specs.push_back({"help", false, "show this help", ""});
}

const Args::Spec *Args::find(const std::string &name) const
{
    for (const Spec &s : m_specs)
        if (s.name == name)
            return &s;
    return nullptr;
}

Status Args::parse(int argc, char **argv, int first)
{
    for (int i = first; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg.rfind("--", 0) != 0)
            return makeError(ErrorCode::InvalidArgument,
                             "unexpected argument '" + arg + "' for '" + m_command + "'");
        arg = arg.substr(2);
        std::string value;
        bool inlineValue = false;
        if (auto eq = arg.find('='); eq != std::string::npos) {
            value = arg.substr(eq + 1);
            arg = arg.substr(0, eq);
            inlineValue = true;
        }
        const Spec *spec = find(arg);
        if (!spec)
            return makeError(ErrorCode::InvalidArgument,
                             "unknown option --" + arg + " for '" + m_command + "' (see --help)");
        if (spec->takesValue && !inlineValue) {
            if (i + 1 >= argc)
                return makeError(ErrorCode::InvalidArgument, "option --" + arg + " needs a value");
            value = argv[++i];
        } else if (!spec->takesValue && inlineValue) {
            return makeError(ErrorCode::InvalidArgument, "option --" + arg + " takes no value");
        }
        m_values[arg] = value;
    }
    return {};
}

bool Args::has(const std::string &name) const
{
    return m_values.count(name) > 0;
}

std::string Args::value(const std::string &name, const std::string &fallback) const
{
    auto it = m_values.find(name);
    return it == m_values.end() ? fallback : it->second;
}

Expected<std::string> Args::required(const std::string &name) const
{
    auto it = m_values.find(name);
    if (it == m_values.end() || it->second.empty())
        return makeError(ErrorCode::InvalidArgument,
                         "'" + m_command + "' needs --" + name + " (see --help)");
    return it->second;
}

Expected<int64_t> Args::integer(const std::string &name, int64_t fallback) const
{
    auto it = m_values.find(name);
    if (it == m_values.end())
        return fallback;
    int64_t v = 0;
    const std::string &s = it->second;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size())
        return makeError(ErrorCode::InvalidArgument,
                         "--" + name + " expects an integer, got '" + s + "'");
    return v;
}

Expected<double> Args::real(const std::string &name, double fallback) const
{
    auto it = m_values.find(name);
    if (it == m_values.end())
        return fallback;
    const std::string &s = it->second;
    try {
        size_t used = 0;
        const double v = std::stod(s, &used);
        if (used == s.size())
            return v;
    } catch (const std::exception &) {
    }
    return makeError(ErrorCode::InvalidArgument,
                     "--" + name + " expects a number, got '" + s + "'");
}

std::string Args::help() const
{
    std::string out = "usage: recforge-cli " + m_command + " [options]\n\noptions:\n";
    for (const Spec &s : m_specs) {
        std::string left = "  --" + s.name + (s.takesValue ? " <value>" : "");
        if (left.size() < 30)
            left.resize(30, ' ');
        out += left + " " + s.help;
        if (!s.defaultValue.empty())
            out += " (default: " + s.defaultValue + ")";
        out += "\n";
    }
    return out;
}

} // namespace recforge::cli
