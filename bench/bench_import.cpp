// Import benchmark: RecForge's whole delimited import (parse, id mapping, UserSequences) against
// pandas.read_csv (parse only) of the same file, in the same run.
//
//   bench_import [--rows N] [--dir DIR] [--regenerate] [--python /usr/bin/python3]
//
// The CSV (user_id,item_id,timestamp,event,value; ~N/10 users, ~N/50 items, Zipf-ish popularity)
// is written once to DIR (default: $TMPDIR/recforge-bench-import) and reused by later runs.

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include <sys/resource.h>

#include "data/dataset.h"
#include "data/import/importer.h"

namespace fs = std::filesystem;
using namespace recforge;

namespace {

struct Args {
    int64_t rows = 10'000'000;
    fs::path dir = fs::temp_directory_path() / "recforge-bench-import";
    bool regenerate = false;
    std::string python = "/usr/bin/python3";
};

// Popularity ranks drawn from a Zipf-like law via an inverse CDF table, mapped to shuffled ids so
// popular ids are not simply the small numbers.
class ZipfIds {
public:
    ZipfIds(int64_t n, double exponent, std::mt19937_64 &rng) : m_cdf(size_t(n)), m_ids(size_t(n))
    {
        double sum = 0;
        for (int64_t k = 0; k < n; ++k)
            m_cdf[size_t(k)] = sum += 1.0 / std::pow(double(k + 1), exponent);
        for (double &c : m_cdf)
            c /= sum;
        std::iota(m_ids.begin(), m_ids.end(), int64_t(100000));
        std::shuffle(m_ids.begin(), m_ids.end(), rng);
    }
    int64_t draw(std::mt19937_64 &rng) const
    {
        const double u = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
        const auto it = std::upper_bound(m_cdf.begin(), m_cdf.end(), u);
        return m_ids[std::min(size_t(it - m_cdf.begin()), m_ids.size() - 1)];
    }

private:
    std::vector<double> m_cdf;
    std::vector<int64_t> m_ids;
};

bool generate(const fs::path &path, int64_t rows)
{
    std::printf("generating %lld rows into %s ...\n", static_cast<long long>(rows), path.c_str());
    std::fflush(stdout);
    const auto t0 = std::chrono::steady_clock::now();
    std::mt19937_64 rng(20240301);
    const ZipfIds users(std::max<int64_t>(rows / 10, 1), 0.6, rng);
    const ZipfIds items(std::max<int64_t>(rows / 50, 1), 1.0, rng);
    static const char *kEvents[] = {"view", "click", "cart", "purchase"};
    const fs::path tmp = path.string() + ".part";
    FILE *out = std::fopen(tmp.c_str(), "wb");
    if (!out)
        return false;
    std::vector<char> buffer(8 << 20);
    size_t used = 0;
    auto put = [&](std::string_view s) {
        std::memcpy(buffer.data() + used, s.data(), s.size());
        used += s.size();
    };
    auto putInt = [&](int64_t v) {
        used = size_t(std::to_chars(buffer.data() + used, buffer.data() + buffer.size(), v).ptr -
                      buffer.data());
    };
    put("user_id,item_id,timestamp,event,value\n");
    const int64_t start = 1'700'000'000, span = 90LL * 86400;
    std::uniform_int_distribution<int> eventDraw(0, 99), valueDraw(1, 5), jitter(0, 59);
    for (int64_t r = 0; r < rows; ++r) {
        if (used > buffer.size() - 256) {
            std::fwrite(buffer.data(), 1, used, out);
            used = 0;
        }
        const int e = eventDraw(rng);
        const int ev = e < 80 ? 0 : e < 90 ? 1 : e < 96 ? 2 : 3;
        putInt(users.draw(rng));
        put(",");
        putInt(items.draw(rng));
        put(",");
        putInt(start + r * span / rows + jitter(rng));
        put(",");
        put(kEvents[ev]);
        put(",");
        putInt(ev == 3 ? valueDraw(rng) : 1);
        put("\n");
    }
    std::fwrite(buffer.data(), 1, used, out);
    if (std::fclose(out) != 0)
        return false;
    fs::rename(tmp, path);
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("generated %.1f MB in %.1f s\n", double(fs::file_size(path)) / 1e6, secs);
    return true;
}

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // KiB on Linux
}

struct PandasResult {
    bool ok = false;
    double seconds = 0, cpuSeconds = 0, rssMb = 0;
    long long rows = 0;
    std::string message;
};

PandasResult runPandas(const Args &args, const fs::path &csv)
{
    PandasResult result;
    const std::string script =
        "import time, resource, sys\n"
        "import pandas as pd\n"
        "def cpu():\n"
        "    r = resource.getrusage(resource.RUSAGE_SELF)\n"
        "    return r.ru_utime + r.ru_stime\n"
        "t, c = time.perf_counter(), cpu()\n"
        "df = pd.read_csv(sys.argv[1])\n"
        "dt, dc = time.perf_counter() - t, cpu() - c\n"
        "print('RESULT', dt, dc, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, len(df))\n";
    const fs::path scriptPath = args.dir / "read_csv.py";
    if (FILE *f = std::fopen(scriptPath.c_str(), "w")) {
        std::fputs(script.c_str(), f);
        std::fclose(f);
    }
    const std::string command =
        args.python + " " + scriptPath.string() + " " + csv.string() + " 2>&1";
    FILE *pipe = popen(command.c_str(), "r");
    if (!pipe) {
        result.message = "cannot start " + args.python;
        return result;
    }
    char line[4096];
    while (std::fgets(line, sizeof line, pipe)) {
        double secs = 0, cpu = 0;
        long rssKb = 0;
        long long rows = 0;
        if (std::sscanf(line, "RESULT %lf %lf %ld %lld", &secs, &cpu, &rssKb, &rows) == 4) {
            result.ok = true;
            result.seconds = secs;
            result.cpuSeconds = cpu;
            result.rssMb = double(rssKb) / 1024.0;
            result.rows = rows;
        } else {
            result.message += line;
        }
    }
    pclose(pipe);
    return result;
}

Args parseArgs(int argc, char **argv)
{
    Args args;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--rows" && i + 1 < argc)
            args.rows = std::atoll(argv[++i]);
        else if (a == "--dir" && i + 1 < argc)
            args.dir = argv[++i];
        else if (a == "--python" && i + 1 < argc)
            args.python = argv[++i];
        else if (a == "--regenerate")
            args.regenerate = true;
    }
    return args;
}

} // namespace

int main(int argc, char **argv)
{
    const Args args = parseArgs(argc, argv);
    fs::create_directories(args.dir);
    const fs::path csv = args.dir / ("interactions_" + std::to_string(args.rows) + ".csv");
    if (args.regenerate || !fs::exists(csv))
        if (!generate(csv, args.rows)) {
            std::fprintf(stderr, "cannot write %s\n", csv.c_str());
            return 1;
        }
    const double fileMb = double(fs::file_size(csv)) / 1e6;
    const double rssBefore = peakRssMb();

    // RecForge: the whole import as the app runs it.
    const double cpu0 = cpuSeconds();
    const auto t0 = std::chrono::steady_clock::now();
    ImportOptions options;
    options.path = csv.string();
    NullObserver observer;
    auto imported = importDataset(options, observer);
    if (!imported) {
        std::fprintf(stderr, "import failed: %s\n", imported.error().toString().c_str());
        return 1;
    }
    const auto t1 = std::chrono::steady_clock::now();
    const UserSequences sequences = UserSequences::build(imported->dataset);
    const auto t2 = std::chrono::steady_clock::now();
    const double parseSecs = std::chrono::duration<double>(t1 - t0).count();
    const double totalSecs = std::chrono::duration<double>(t2 - t0).count();
    const double ourCpu = cpuSeconds() - cpu0;
    const double ourRss = peakRssMb();
    const Dataset &d = imported->dataset;
    std::printf("recforge: %zu rows, %d users, %d items, %d sequences (import %.2f s + "
                "sequences %.2f s)\n",
                d.interactions.size(), d.userCount(), d.itemCount(), sequences.userCount(),
                parseSecs, totalSecs - parseSecs);
    if (rssBefore > 200)
        std::printf("note: %.0f MB were already resident before the import\n", rssBefore);

    const PandasResult pandas = runPandas(args, csv);
    if (!pandas.ok)
        std::printf("pandas run failed:\n%s\n", pandas.message.c_str());

    std::printf("\nfile: %s (%.1f MB, %lld rows)\n", csv.c_str(), fileMb,
                static_cast<long long>(args.rows));
    std::printf("| %-40s | %8s | %8s | %13s |\n", "what", "wall (s)", "CPU (s)", "peak RSS (MB)");
    std::printf("|%s|%s|%s|%s|\n", std::string(42, '-').c_str(), std::string(10, '-').c_str(),
                std::string(10, '-').c_str(), std::string(15, '-').c_str());
    std::printf("| %-40s | %8.2f | %8.2f | %13.0f |\n", "RecForge import + UserSequences::build",
                totalSecs, ourCpu, ourRss);
    if (pandas.ok) {
        std::printf("| %-40s | %8.2f | %8.2f | %13.0f |\n", "pandas.read_csv (parse only)",
                    pandas.seconds, pandas.cpuSeconds, pandas.rssMb);
        std::printf("\nratio pandas / RecForge: wall %.2fx, CPU %.2fx (> 1: RecForge is faster)\n",
                    pandas.seconds / totalSecs, pandas.cpuSeconds / ourCpu);
        std::printf("target: RecForge wall <= pandas wall: %s; peak RSS < 2048 MB: %s\n",
                    totalSecs <= pandas.seconds ? "met" : "MISSED",
                    ourRss < 2048 ? "met" : "MISSED");
    }
    return 0;
}
