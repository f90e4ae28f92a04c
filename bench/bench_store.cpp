// Project store benchmark: saves a random 1M-interaction dataset (100k users, 20k items with
// titles) into a fresh project, closes it, reopens it and loads the dataset back. The reference
// is writing / reading the same columns as one raw binary file (the I/O floor).
//
// Usage: bench_store [interactions] [users] [items]   (defaults 1000000 100000 20000)

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <unistd.h>

#include "data/split.h"
#include "store/project.h"

using namespace recforge;
namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

Dataset makeDataset(int64_t rows, int users, int items)
{
    std::mt19937_64 rng(7);
    Dataset d;
    d.name = "bench";
    char id[32];
    for (int u = 0; u < users; ++u) {
        std::snprintf(id, sizeof id, "user_%07d", u);
        d.users.intern(id);
    }
    for (int i = 0; i < items; ++i) {
        std::snprintf(id, sizeof id, "B%09d", i);
        d.items.intern(id);
    }
    const uint16_t custom = d.eventKinds.intern("wishlist");
    d.syncInfoSizes();
    const char *words[] = {"Wireless", "Cotton",  "Organic", "Portable",   "无线",
                           "纯棉",     "有机",    "便携式",  "Headphones", "T-Shirt",
                           "Tea",      "Charger", "耳机",    "茶叶"};
    for (int i = 0; i < items; ++i) {
        ItemInfo &info = d.itemInfo[size_t(i)];
        info.title = std::string(words[rng() % 14]) + " " + words[rng() % 14] + " " +
                     words[rng() % 14] + " #" + std::to_string(i);
        info.categoryPath = {i % 2 ? "Electronics" : "美妆", "Level " + std::to_string(i % 17)};
        info.brand = "Brand " + std::to_string(i % 300);
        info.price = (i % 10 == 0) ? kMissingPrice : double(rng() % 100000) / 100.0;
        if (i % 3 == 0)
            info.description = info.title + " — a longer description of the product.";
        info.attributes = {{"colour", i % 2 ? "red" : "蓝色"}};
    }
    for (int u = 0; u < users; u += 2)
        d.userInfo[size_t(u)].attributes = {{"age", std::to_string(18 + u % 50)},
                                            {"region", u % 3 ? "north" : "上海"}};
    d.interactions.reserve(size_t(rows));
    int64_t ts = 1700000000;
    for (int64_t r = 0; r < rows; ++r) {
        const double x = std::generate_canonical<double, 53>(rng);
        const int32_t item = int32_t(double(items) * x * x); // skewed popularity
        ts += int64_t(rng() % 5);
        const uint16_t ev = rng() % 50 == 0 ? custom : uint16_t(rng() % 4);
        d.interactions.append(int32_t(rng() % uint64_t(users)), item, ts, ev, 1.0f);
    }
    return d;
}

double megabytes(uint64_t bytes)
{
    return double(bytes) / (1024.0 * 1024.0);
}

uint64_t sizeOnDisk(const fs::path &path)
{
    std::error_code ec;
    uint64_t total = 0;
    for (const char *suffix : {"", "-wal", "-shm"}) {
        const auto size = fs::file_size(path.string() + suffix, ec);
        if (!ec)
            total += size;
    }
    return total;
}

template <typename T> void writeRaw(std::ofstream &out, const std::vector<T> &v)
{
    out.write(reinterpret_cast<const char *>(v.data()), std::streamsize(v.size() * sizeof(T)));
}
template <typename T> void readRaw(std::ifstream &in, std::vector<T> &v, size_t n)
{
    v.resize(n);
    in.read(reinterpret_cast<char *>(v.data()), std::streamsize(n * sizeof(T)));
}

[[noreturn]] void fail(const Error &e)
{
    std::fprintf(stderr, "bench_store: %s\n", e.toString().c_str());
    std::exit(1);
}

} // namespace

int main(int argc, char **argv)
{
    const int64_t rows = argc > 1 ? std::atoll(argv[1]) : 1000000;
    const int users = argc > 2 ? std::atoi(argv[2]) : 100000;
    const int items = argc > 3 ? std::atoi(argv[3]) : 20000;
    const fs::path dir =
        fs::temp_directory_path() / ("recforge-bench-store-" + std::to_string(getpid()));
    fs::create_directories(dir);
    const fs::path path = dir / "bench.recforge";

    auto t = Clock::now();
    const Dataset dataset = makeDataset(rows, users, items);
    std::printf("dataset: %lld interactions, %d users, %d items (generated in %.2f s)\n",
                (long long)rows, users, items, secondsSince(t));

    // Reference: the interaction columns as one raw file, written with fsync and read back.
    const fs::path rawPath = dir / "columns.bin";
    t = Clock::now();
    {
        std::ofstream out(rawPath, std::ios::binary);
        writeRaw(out, dataset.interactions.user);
        writeRaw(out, dataset.interactions.item);
        writeRaw(out, dataset.interactions.timestamp);
        writeRaw(out, dataset.interactions.event);
        writeRaw(out, dataset.interactions.value);
    }
    if (FILE *f = std::fopen(rawPath.c_str(), "rb")) {
        fsync(fileno(f));
        std::fclose(f);
    }
    const double rawWrite = secondsSince(t);
    t = Clock::now();
    Interactions raw;
    {
        std::ifstream in(rawPath, std::ios::binary);
        const size_t n = dataset.interactions.size();
        readRaw(in, raw.user, n);
        readRaw(in, raw.item, n);
        readRaw(in, raw.timestamp, n);
        readRaw(in, raw.event, n);
        readRaw(in, raw.value, n);
    }
    const double rawRead = secondsSince(t);

    // Save into a fresh project and close it (the close checkpoints the WAL).
    t = Clock::now();
    int64_t id = 0;
    {
        auto project = Project::open(path.string());
        if (!project)
            fail(project.error());
        auto saved = (*project)->saveDataset(dataset, {}, "generator");
        if (!saved)
            fail(saved.error());
        id = *saved;
    }
    const double save = secondsSince(t);
    const uint64_t bytes = sizeOnDisk(path);

    // Reopen + load: what the GUI does when a project is opened.
    t = Clock::now();
    auto project = Project::open(path.string(), false);
    if (!project)
        fail(project.error());
    const double reopen = secondsSince(t);
    t = Clock::now();
    auto loaded = (*project)->loadDataset(id);
    if (!loaded)
        fail(loaded.error());
    const double load = secondsSince(t);
    t = Clock::now();
    auto list = (*project)->listDatasets();
    const double listing = secondsSince(t);
    if (!list || loaded->interactions.item != dataset.interactions.item ||
        loaded->items.ids() != dataset.items.ids() ||
        loaded->itemInfo.size() != dataset.itemInfo.size()) {
        std::fprintf(stderr, "bench_store: loaded dataset differs from the saved one\n");
        return 1;
    }

    // A split of the same size: role BLOB + params.
    Split split;
    split.params.kind = SplitKind::RandomRatio;
    split.role.resize(size_t(rows));
    for (size_t r = 0; r < split.role.size(); ++r)
        split.role[r] = uint8_t(r % 10 == 0 ? SplitRole::Test : SplitRole::Train);
    t = Clock::now();
    auto splitId = (*project)->saveSplit(id, split, "random");
    if (!splitId)
        fail(splitId.error());
    const double splitSave = secondsSince(t);
    t = Clock::now();
    auto splitLoaded = (*project)->loadSplit(*splitId);
    if (!splitLoaded)
        fail(splitLoaded.error());
    const double splitLoad = secondsSince(t);

    const uint64_t rawBytes = fs::file_size(rawPath);
    std::printf("\n%-28s %10s %10s\n", "step", "seconds", "vs raw");
    std::printf("%-28s %10.3f %10s\n", "raw columns write+fsync", rawWrite, "1.00");
    std::printf("%-28s %10.3f %10s\n", "raw columns read", rawRead, "1.00");
    std::printf("%-28s %10.3f %9.1fx\n", "save (open+save+close)", save, save / rawWrite);
    std::printf("%-28s %10.3f\n", "reopen", reopen);
    std::printf("%-28s %10.3f %9.1fx\n", "loadDataset", load, load / rawRead);
    std::printf("%-28s %10.3f   (target < 2 s)\n", "reopen + loadDataset", reopen + load);
    std::printf("%-28s %10.4f\n", "listDatasets", listing);
    std::printf("%-28s %10.3f\n", "saveSplit (1 role/row)", splitSave);
    std::printf("%-28s %10.3f\n", "loadSplit", splitLoad);
    std::printf("\non disk: project %.1f MB (raw interaction columns %.1f MB)\n", megabytes(bytes),
                megabytes(rawBytes));

    project->reset();
    std::error_code ec;
    fs::remove_all(dir, ec);
    return reopen + load < 2.0 ? 0 : 2;
}
