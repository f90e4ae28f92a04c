#include "processinfo.h"

#include <cerrno>
#include <charconv>
#include <csignal>
#include <fstream>
#include <sstream>

#include <unistd.h>

namespace recforge::store {

namespace {

struct ProcStat {
    char state = '?';
    int64_t startTicks = 0;
    bool ok = false;
};

// /proc/<pid>/stat: "pid (comm) state ppid ... starttime(22) ...". comm may contain spaces and
// parentheses, so fields are counted after the last ')'.
ProcStat readProcStat(int64_t pid)
{
    ProcStat result;
#ifdef __linux__
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const size_t close = text.rfind(')');
    if (close == std::string::npos)
        return result;
    std::istringstream fields(text.substr(close + 1));
    std::string field;
    for (int index = 3; fields >> field; ++index) { // field 3 is the state
        if (index == 3)
            result.state = field.empty() ? '?' : field[0];
        if (index == 22) {
            const auto [end, ec] =
                std::from_chars(field.data(), field.data() + field.size(), result.startTicks);
            result.ok = ec == std::errc() && end == field.data() + field.size();
            break;
        }
    }
#else
    (void)pid;
#endif
    return result;
}

std::string hostName()
{
    char name[256] = {};
    if (gethostname(name, sizeof name - 1) != 0)
        return "unknown";
    return name;
}

} // namespace

const ProcessIdentity &currentProcess()
{
    static const ProcessIdentity self = [] {
        ProcessIdentity p;
        p.host = hostName();
        p.pid = int64_t(getpid());
        p.startTicks = readProcStat(p.pid).startTicks;
        return p;
    }();
    return self;
}

bool isLocalProcess(const ProcessIdentity &process)
{
    return process.host == currentProcess().host;
}

bool isProcessAlive(const ProcessIdentity &process)
{
    if (!isLocalProcess(process) || process.pid <= 0)
        return false;
    if (process.pid == currentProcess().pid)
        return process.startTicks == 0 || process.startTicks == currentProcess().startTicks;
    if (::kill(pid_t(process.pid), 0) != 0 && errno != EPERM)
        return false; // no such process
    const ProcStat stat = readProcStat(process.pid);
    if (!stat.ok)
        return true; // exists, but nothing more can be checked
    if (stat.state == 'Z' || stat.state == 'X')
        return false; // killed, not yet reaped by its parent
    return process.startTicks == 0 || stat.startTicks == process.startTicks;
}

} // namespace recforge::store
