// Format importers on the real datasets: imports Amazon Beauty (sequence format + item2attributes)
// and MovieLens 100k (u.data/u.item/u.user), checks the published counts, then re-exports the
// MovieLens ratings as JSON Lines and RecBole atomic files and checks that those importers give
// the same dataset. Prints counts and times; exits 1 on any mismatch, 2 when the data is missing.
//
//   bench_formats_check            (data from /work/shared/data, or RECFORGE_BEAUTY_DIR /
//                                   RECFORGE_ML100K_DIR)

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "data/import/jsonlimporter.h"
#include "data/import/movielensimporter.h"
#include "data/import/recboleimporter.h"
#include "data/import/sequenceimporter.h"

namespace fs = std::filesystem;
using namespace recforge;

namespace {

std::string dirFromEnv(const char *variable, const char *fallback)
{
    const char *env = std::getenv(variable);
    return env ? env : fallback;
}

int failures = 0;

void expect(const char *what, int64_t actual, int64_t expected)
{
    const bool ok = actual == expected;
    std::printf("  %-34s %10lld  (expected %lld) %s\n", what, (long long)actual,
                (long long)expected, ok ? "ok" : "MISMATCH");
    if (!ok)
        ++failures;
}

struct Timed {
    Expected<ImportResult> result;
    double seconds;
};

Timed timed(const std::function<Expected<ImportResult>()> &run)
{
    const auto start = std::chrono::steady_clock::now();
    auto result = run();
    return {std::move(result),
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()};
}

bool report(const char *name, const Timed &t, const std::string &path)
{
    if (!t.result) {
        std::printf("%s: FAILED: %s\n", name, t.result.error().toString().c_str());
        ++failures;
        return false;
    }
    const auto bytes = fs::file_size(path);
    std::printf("%s  %.3f s  %.1f MB/s\n", name, t.seconds, double(bytes) / 1e6 / t.seconds);
    for (const FileImportReport &f : t.result->report.files)
        std::printf("  %-24s read %lld accepted %lld rejected %lld (%s)\n",
                    fs::path(f.file).filename().c_str(), (long long)f.rowsRead,
                    (long long)f.rowsAccepted, (long long)f.rowsRejected, f.encoding.c_str());
    return true;
}

int64_t itemsWithInfo(const Dataset &d)
{
    int64_t n = 0;
    for (const ItemInfo &info : d.itemInfo)
        n += info.empty() ? 0 : 1;
    return n;
}

} // namespace

int main()
{
    const std::string beauty = dirFromEnv("RECFORGE_BEAUTY_DIR", "/work/shared/data/amazon-beauty");
    const std::string ml = dirFromEnv("RECFORGE_ML100K_DIR", "/work/shared/data/movielens-100k");
    if (!fs::exists(beauty + "/Beauty.txt") || !fs::exists(ml + "/u.data")) {
        std::fprintf(stderr, "data missing: need %s/Beauty.txt and %s/u.data\n", beauty.c_str(),
                     ml.c_str());
        return 2;
    }
    NullObserver observer;

    ImportOptions seq;
    seq.path = beauty + "/Beauty.txt";
    seq.itemsPath = beauty + "/Beauty_item2attributes.json";
    const Timed b = timed([&] { return importSequences(seq, observer); });
    if (report("Beauty (sequence + item2attributes)", b, seq.path)) {
        const Dataset &d = b.result->dataset;
        expect("users", d.userCount(), 22363);
        expect("items", d.itemCount(), 12101);
        expect("interactions", int64_t(d.interactions.size()), 198502);
        expect("items with attributes", itemsWithInfo(d), 12101);
        expect("event = purchase", d.eventKinds.name(d.interactions.event[0]) == "purchase", 1);
    }

    ImportOptions mlOptions;
    mlOptions.path = ml;
    const Timed m = timed([&] { return importMovieLens(mlOptions, observer); });
    if (!report("MovieLens 100k (u.data + u.item + u.user)", m, ml + "/u.data"))
        return 1;
    const Dataset &d = m.result->dataset;
    expect("users", d.userCount(), 943);
    expect("items", d.itemCount(), 1682);
    expect("ratings", int64_t(d.interactions.size()), 100000);
    expect("items with a title", itemsWithInfo(d), 1682);
    int64_t withUserInfo = 0;
    for (const UserInfo &u : d.userInfo)
        withUserInfo += u.attributes.size() == 4 ? 1 : 0;
    expect("users with 4 attributes", withUserInfo, 943);
    for (const ItemInfo &info : d.itemInfo)
        if (info.title.find("Mis\xC3\xA9rables") != std::string::npos) {
            std::printf("  latin-1 title converted: %s [%zu genres]\n", info.title.c_str(),
                        info.categoryPath.size());
            break;
        }

    // The same ratings through the JSON Lines and RecBole importers.
    const fs::path tmp = fs::temp_directory_path() / "recforge-formats-check";
    fs::create_directories(tmp);
    {
        std::ofstream jsonl(tmp / "ml.jsonl");
        std::ofstream inter(tmp / "ml.inter");
        inter << "user_id:token\titem_id:token\trating:float\ttimestamp:float\n";
        const Interactions &in = d.interactions;
        for (size_t r = 0; r < in.size(); ++r) {
            const std::string &u = d.users.id(in.user[r]), &i = d.items.id(in.item[r]);
            jsonl << "{\"user_id\": \"" << u << "\", \"item_id\": " << i
                  << ", \"rating\": " << in.value[r] << ", \"timestamp\": " << in.timestamp[r]
                  << "}\n";
            inter << u << '\t' << i << '\t' << in.value[r] << '\t' << in.timestamp[r] << '\n';
        }
    }
    ImportOptions jsonOptions;
    jsonOptions.path = (tmp / "ml.jsonl").string();
    const Timed j = timed([&] { return importJsonLines(jsonOptions, observer); });
    ImportOptions recboleOptions;
    recboleOptions.path = (tmp / "ml.inter").string();
    const Timed r = timed([&] { return importRecBole(recboleOptions, observer); });
    for (const auto &[name, t, path] :
         {std::tuple{"MovieLens as JSON Lines", &j, jsonOptions.path},
          std::tuple{"MovieLens as RecBole .inter", &r, recboleOptions.path}}) {
        if (!report(name, *t, path))
            continue;
        const Dataset &x = t->result->dataset;
        expect("users", x.userCount(), 943);
        expect("items", x.itemCount(), 1682);
        expect("ratings", int64_t(x.interactions.size()), 100000);
        bool same = true;
        for (size_t k = 0; k < x.interactions.size() && same; ++k)
            same = x.users.id(x.interactions.user[k]) == d.users.id(d.interactions.user[k]) &&
                   x.items.id(x.interactions.item[k]) == d.items.id(d.interactions.item[k]) &&
                   x.interactions.value[k] == d.interactions.value[k] &&
                   x.interactions.timestamp[k] == d.interactions.timestamp[k] &&
                   x.eventKinds.name(x.interactions.event[k]) == "rating";
        expect("rows identical to u.data import", same, 1);
    }
    fs::remove_all(tmp);

    std::printf("%s\n", failures == 0 ? "all checks passed" : "CHECKS FAILED");
    return failures == 0 ? 0 : 1;
}
