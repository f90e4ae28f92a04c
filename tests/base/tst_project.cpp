#include <QtTest>

#include <cmath>
#include <cstring>
#include <thread>

#include "common/sha256.h"
#include "data/split.h"
#include "store/columncodec.h"
#include "store/project.h"
#include "store/sqlite.h"

using namespace recforge;

namespace {

// A small shop with everything the store must keep exactly: Chinese text, NaN prices and values,
// an item with catalogue info only, an empty catalogue entry, user attributes, a custom event kind.
Dataset sampleDataset(const std::string &name = "shop")
{
    Dataset d;
    d.name = name;
    const int32_t u0 = d.users.intern("u_1"), u1 = d.users.intern("用户二"),
                  u2 = d.users.intern("u 3");
    const int32_t i0 = d.items.intern("B00A"), i1 = d.items.intern("商品-2"),
                  i2 = d.items.intern("i3");
    d.items.intern("new-item"); // catalogue only, no interactions
    const uint16_t wishlist = d.eventKinds.intern("wishlist");
    d.interactions.append(u0, i0, 1700000000, uint16_t(EventType::View), 1.0f);
    d.interactions.append(u0, i1, 1700000100, uint16_t(EventType::Purchase), 1.0f);
    d.interactions.append(u1, i1, 1700000200, uint16_t(EventType::Rating), 4.5f);
    d.interactions.append(u1, i2, -5, wishlist, std::numeric_limits<float>::quiet_NaN());
    d.interactions.append(u2, i0, INT64_MAX, uint16_t(EventType::Cart), -0.0f);
    d.syncInfoSizes();
    d.itemInfo[0] = {"Face cream", {"Beauty", "Skin Care", "Face"},   "Acme", 19.99,
                     "Rich.",      {{"size", "50ml"}, {"colour", ""}}};
    d.itemInfo[1] = {"保湿面霜 50ml", {"美妆", "护肤"},   "品牌",
                     kMissingPrice,   "中文描述\nline 2", {}};
    // itemInfo[2] stays empty; itemInfo[3] has only a price.
    d.itemInfo[3].price = 0.0;
    d.userInfo[0].attributes = {{"age", "25-34"}, {"region", "上海"}};
    d.userInfo[2].attributes = {{"segment", "vip"}};
    return d;
}

ImportReport sampleReport()
{
    ImportReport report;
    report.seconds = 1.25;
    FileImportReport f;
    f.file = "/data/events.csv";
    f.format = "delimited";
    f.encoding = "gb18030";
    f.delimiter = '\t';
    f.header = true;
    f.rowsRead = 8;
    f.rowsAccepted = 5;
    f.rowsRejected = 3;
    f.rejected = {{"/data/events.csv", 3, 2, "item", "empty item id", "u1\t\t123"},
                  {"/data/events.csv", 7, 3, "ts", "not a timestamp: 'x'", "u2\ti\tx"},
                  {"/data/events.csv", 9, 0, "", "wrong field count", "错误的行"}};
    report.files.push_back(f);
    FileImportReport items;
    items.file = "/data/items.jsonl";
    items.format = "jsonl";
    items.encoding = "utf-8-bom";
    items.rowsRead = 4;
    items.rowsAccepted = 4;
    report.files.push_back(items);
    report.warnings = {{"3 rows rejected", {"/data/events.csv", 0, 0, ""}},
                       {"price column has text", {"/data/items.jsonl", 2, 5, "price"}}};
    return report;
}

Split sampleSplit()
{
    Split s;
    s.params.kind = SplitKind::Temporal;
    s.params.seed = UINT64_MAX; // must survive the int64 column
    s.params.validCutoff = 1700000100;
    s.params.testCutoff = 1700000200;
    s.params.name = "by time";
    s.role = {uint8_t(SplitRole::Train), uint8_t(SplitRole::Validation), uint8_t(SplitRole::Test),
              uint8_t(SplitRole::Excluded), uint8_t(SplitRole::Test)};
    s.validCutoff = 1700000100;
    s.testCutoff = 1700000200;
    s.testUsers = 2;
    return s;
}

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}
bool sameBits(const std::vector<float> &a, const std::vector<float> &b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

void compareDatasets(const Dataset &a, const Dataset &b)
{
    QCOMPARE(a.name, b.name);
    QCOMPARE(a.users.ids(), b.users.ids());
    QCOMPARE(a.items.ids(), b.items.ids());
    for (int32_t i = 0; i < a.items.size(); ++i)
        QCOMPARE(b.items.find(a.items.id(i)).value_or(-1), i); // lookup index rebuilt too
    QCOMPARE(a.eventKinds.names(), b.eventKinds.names());
    QCOMPARE(a.interactions.user, b.interactions.user);
    QCOMPARE(a.interactions.item, b.interactions.item);
    QCOMPARE(a.interactions.timestamp, b.interactions.timestamp);
    QCOMPARE(a.interactions.event, b.interactions.event);
    QVERIFY(sameBits(a.interactions.value, b.interactions.value));
    QCOMPARE(a.itemInfo.size(), b.itemInfo.size());
    for (size_t i = 0; i < a.itemInfo.size(); ++i) {
        const ItemInfo &x = a.itemInfo[i], &y = b.itemInfo[i];
        QCOMPARE(x.title, y.title);
        QCOMPARE(x.categoryPath, y.categoryPath);
        QCOMPARE(x.brand, y.brand);
        QVERIFY2(sameBits(x.price, y.price), qPrintable(QString::number(i)));
        QCOMPARE(x.description, y.description);
        QCOMPARE(x.attributes, y.attributes);
    }
    QCOMPARE(a.userInfo.size(), b.userInfo.size());
    for (size_t i = 0; i < a.userInfo.size(); ++i)
        QCOMPARE(a.userInfo[i].attributes, b.userInfo[i].attributes);
}

void compareRejected(const RejectedRow &a, const RejectedRow &b)
{
    QCOMPARE(a.file, b.file);
    QCOMPARE(a.line, b.line);
    QCOMPARE(a.column, b.column);
    QCOMPARE(a.field, b.field);
    QCOMPARE(a.reason, b.reason);
    QCOMPARE(a.text, b.text);
}

std::unique_ptr<Project> openProject(const QString &path, bool create = true)
{
    auto project = Project::open(path.toStdString(), create);
    if (!project)
        qWarning("%s", project.error().toString().c_str());
    return project ? std::move(*project) : nullptr;
}

std::unique_ptr<sqlite::Connection> rawOpen(const QString &path)
{
    auto c = sqlite::Connection::open(path.toStdString(), SQLITE_OPEN_READWRITE);
    return c ? std::move(*c) : nullptr;
}

// Everything listDatasets() says, for before/after comparisons.
QStringList describe(const Project &project)
{
    QStringList out;
    auto list = project.listDatasets();
    if (!list)
        return {"error: " + QString::fromStdString(list.error().toString())};
    for (const auto &d : *list)
        out << QStringLiteral("%1|%2|%3|%4|%5|%6|%7")
                   .arg(d.id)
                   .arg(QString::fromStdString(d.name))
                   .arg(d.users)
                   .arg(d.items)
                   .arg(d.interactions)
                   .arg(QString::fromStdString(d.contentHash))
                   .arg(QString::fromStdString(d.createdAt));
    return out;
}

// Rewrites one stored column's bytes and, when `consistent`, its sha256 and the dataset content
// hash too, so that only the structural checks can notice.
bool corruptColumn(const QString &path, int64_t datasetId, const std::string &column,
                   const std::vector<uint8_t> &bytes, bool consistent)
{
    auto db = rawOpen(path);
    if (!db)
        return false;
    {
        auto update = db->prepare("UPDATE dataset_column SET data = ? WHERE dataset_id = ? AND "
                                  "name = ?");
        if (!update || !update->bindBlob(1, bytes).bind(2, datasetId).bind(3, column).run())
            return false;
    }
    if (!consistent)
        return true;
    Sha256 hash;
    hash.update(bytes.data(), bytes.size());
    {
        auto update =
            db->prepare("UPDATE dataset_column SET sha256 = ? WHERE dataset_id = ? AND name = ?");
        if (!update || !update->bind(1, hash.finishHex()).bind(2, datasetId).bind(3, column).run())
            return false;
    }
    std::vector<store::EncodedColumn> columns;
    for (const std::string &name : store::columnNames()) {
        auto select =
            db->prepare("SELECT sha256 FROM dataset_column WHERE dataset_id = ? AND name = ?");
        if (!select)
            return false;
        select->bind(1, datasetId).bind(2, name);
        auto row = select->step();
        if (!row || !*row)
            return false;
        store::EncodedColumn c;
        c.name = name;
        c.sha256 = select->columnText(0);
        columns.push_back(std::move(c));
    }
    auto update = db->prepare("UPDATE dataset SET content_hash = ? WHERE id = ?");
    return update && update->bind(1, store::datasetHash(columns)).bind(2, datasetId).run();
}

template <typename T> std::vector<uint8_t> bytesOf(const std::vector<T> &values)
{
    std::vector<uint8_t> out(values.size() * sizeof(T));
    std::memcpy(out.data(), values.data(), out.size());
    return out;
}

} // namespace

class TestProject : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }

    void openCreatesSchemaWalAndArtifacts()
    {
        const QString path = m_dir.filePath("new.recforge");
        auto project = openProject(path);
        QVERIFY(project);
        QCOMPARE(project->schemaVersion(), Project::latestSchemaVersion());
        QVERIFY(Project::latestSchemaVersion() >= 1);
        QCOMPARE(project->path(), path.toStdString());
        QCOMPARE(project->artifactsDir(), m_dir.filePath("new_artifacts").toStdString());
        QVERIFY(QFileInfo(m_dir.filePath("new_artifacts")).isDir());
        auto raw = rawOpen(path);
        QVERIFY(raw);
        auto mode = raw->prepare("PRAGMA journal_mode");
        QVERIFY(mode && mode->step().value_or(false));
        QCOMPARE(mode->columnText(0), std::string("wal"));
        QCOMPARE(raw->queryInt("PRAGMA user_version").value_or(-1),
                 int64_t(Project::latestSchemaVersion()));
    }

    void openMissingWithoutCreateIsNotFound()
    {
        auto project = Project::open(m_dir.filePath("absent.recforge").toStdString(), false);
        QVERIFY(!project);
        QCOMPARE(project.error().code, ErrorCode::NotFound);
        QVERIFY(!QFileInfo::exists(m_dir.filePath("absent.recforge")));
    }

    // A v0 file (empty, as left by a crash right after creation) is migrated to the latest version.
    void migratesEmptyV0File()
    {
        const QString path = m_dir.filePath("v0.recforge");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QCOMPARE(QFileInfo(path).size(), 0);
        {
            auto project = openProject(path, false);
            QVERIFY(project);
            QCOMPARE(project->schemaVersion(), Project::latestSchemaVersion());
            QVERIFY(project->saveDataset(sampleDataset(), sampleReport(), "test"));
        }
        auto again = openProject(path, false); // already migrated: opens as is
        QVERIFY(again);
        QCOMPARE(again->listDatasets()->size(), size_t(1));
    }

    void rejectsFutureSchemaVersion()
    {
        const QString path = m_dir.filePath("future.recforge");
        QVERIFY(openProject(path));
        const int future = Project::latestSchemaVersion() + 1;
        {
            auto raw = rawOpen(path);
            QVERIFY(raw && raw->exec("PRAGMA user_version = " + std::to_string(future)));
        }
        auto project = Project::open(path.toStdString());
        QVERIFY(!project);
        QCOMPARE(project.error().code, ErrorCode::Database);
        const QString message = QString::fromStdString(project.error().message);
        QVERIFY2(message.contains("newer"), qPrintable(message));
        QVERIFY2(message.contains(path), qPrintable(message));
        auto raw = rawOpen(path); // not downgraded
        QCOMPARE(raw->queryInt("PRAGMA user_version").value_or(-1), int64_t(future));
    }

    void rejectsForeignFiles_data()
    {
        QTest::addColumn<QByteArray>("kind");
        QTest::newRow("other sqlite database") << QByteArray("sqlite");
        QTest::newRow("text file") << QByteArray("text");
    }
    void rejectsForeignFiles()
    {
        QFETCH(QByteArray, kind);
        const QString path = m_dir.filePath("foreign-" + kind + ".recforge");
        if (kind == "sqlite") {
            auto raw = sqlite::Connection::open(path.toStdString(),
                                                SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
            QVERIFY(raw && (*raw)->exec("CREATE TABLE notes(x TEXT)"));
        } else {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(4096, 'x'));
        }
        const QByteArray before = QCryptographicHash::hash(
            [&] {
                QFile f(path);
                f.open(QIODevice::ReadOnly);
                return f.readAll();
            }(),
            QCryptographicHash::Sha256);
        auto project = Project::open(path.toStdString());
        QVERIFY(!project);
        QCOMPARE(project.error().code, ErrorCode::Database);
        QVERIFY(QString::fromStdString(project.error().message).contains(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256), before);
    }

    void datasetRoundTrip()
    {
        const QString path = m_dir.filePath("roundtrip.recforge");
        const Dataset original = sampleDataset();
        int64_t id = 0;
        {
            auto project = openProject(path);
            QVERIFY(project);
            auto saved = project->saveDataset(original, sampleReport(), "/data/events.csv", false,
                                              R"({"filter":{"rowsBefore":7}})");
            QVERIFY2(saved, saved ? "" : saved.error().toString().c_str());
            id = *saved;
        }
        auto project = openProject(path, false);
        QVERIFY(project);
        auto list = project->listDatasets();
        QVERIFY(list);
        QCOMPARE(list->size(), size_t(1));
        const DatasetSummary &s = list->front();
        QCOMPARE(s.id, id);
        QCOMPARE(s.name, std::string("shop"));
        QCOMPARE(s.users, 3);
        QCOMPARE(s.items, 4);
        QCOMPARE(s.interactions, int64_t(5));
        QCOMPARE(s.source, std::string("/data/events.csv"));
        QVERIFY2(QRegularExpression("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$")
                     .match(QString::fromStdString(s.createdAt))
                     .hasMatch(),
                 s.createdAt.c_str());
        QVERIFY(QRegularExpression("^[0-9a-f]{64}$")
                    .match(QString::fromStdString(s.contentHash))
                    .hasMatch());
        QCOMPARE(project->findDataset("shop").value_or(-1), id);
        auto missing = project->findDataset("nope");
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);

        auto loaded = project->loadDataset(id);
        QVERIFY2(loaded, loaded ? "" : loaded.error().toString().c_str());
        compareDatasets(original, *loaded);
        QVERIFY(std::isnan(loaded->itemInfo[1].price));
        QCOMPARE(loaded->eventKinds.name(loaded->interactions.event[3]), std::string("wishlist"));
        QCOMPARE(project->datasetMetadata(id).value_or(""),
                 std::string(R"({"filter":{"rowsBefore":7}})"));
        QCOMPARE(project->loadDataset(id + 100).error().code, ErrorCode::NotFound);
    }

    void emptyDatasetRoundTrip()
    {
        auto project = openProject(m_dir.filePath("empty.recforge"));
        Dataset empty;
        empty.name = "nothing";
        auto id = project->saveDataset(empty, {}, "generator");
        QVERIFY(id);
        auto loaded = project->loadDataset(*id);
        QVERIFY2(loaded, loaded ? "" : loaded.error().toString().c_str());
        compareDatasets(empty, *loaded);
    }

    void contentHashDependsOnContentOnly()
    {
        auto project = openProject(m_dir.filePath("hash.recforge"));
        const int64_t a = *project->saveDataset(sampleDataset("a"), {}, "x");
        const int64_t b = *project->saveDataset(sampleDataset("b"), sampleReport(), "y");
        Dataset changed = sampleDataset("c");
        changed.itemInfo[0].title = "Face cream!";
        const int64_t c = *project->saveDataset(changed, {}, "x");
        auto list = *project->listDatasets();
        QCOMPARE(list.size(), size_t(3));
        QCOMPARE(list[0].id, a);
        QCOMPARE(list[1].id, b);
        QCOMPARE(list[2].id, c);
        QCOMPARE(list[0].contentHash, list[1].contentHash); // the name is not content
        QVERIFY(list[0].contentHash != list[2].contentHash);
    }

    void importReportRoundTripAndPaging()
    {
        auto project = openProject(m_dir.filePath("report.recforge"));
        const ImportReport original = sampleReport();
        const int64_t id = *project->saveDataset(sampleDataset(), original, "x");
        auto report = project->loadImportReport(id);
        QVERIFY2(report, report ? "" : report.error().toString().c_str());
        QCOMPARE(report->seconds, original.seconds);
        QCOMPARE(report->files.size(), original.files.size());
        for (size_t f = 0; f < original.files.size(); ++f) {
            const FileImportReport &x = original.files[f], &y = report->files[f];
            QCOMPARE(y.file, x.file);
            QCOMPARE(y.format, x.format);
            QCOMPARE(y.encoding, x.encoding);
            QCOMPARE(y.delimiter, x.delimiter);
            QCOMPARE(y.header, x.header);
            QCOMPARE(y.rowsRead, x.rowsRead);
            QCOMPARE(y.rowsAccepted, x.rowsAccepted);
            QCOMPARE(y.rowsRejected, x.rowsRejected);
            QCOMPARE(y.rejected.size(), x.rejected.size());
            for (size_t r = 0; r < x.rejected.size(); ++r)
                compareRejected(x.rejected[r], y.rejected[r]);
        }
        QCOMPARE(report->warnings.size(), original.warnings.size());
        for (size_t w = 0; w < original.warnings.size(); ++w) {
            QCOMPARE(report->warnings[w].message, original.warnings[w].message);
            QCOMPARE(report->warnings[w].location.toString(),
                     original.warnings[w].location.toString());
        }

        QCOMPARE(project->rejectedRowCount(id).value_or(-1), int64_t(3));
        auto page = project->rejectedRows(id, 1, 10);
        QVERIFY(page);
        QCOMPARE(page->size(), size_t(2));
        compareRejected((*page)[0], original.files[0].rejected[1]);
        compareRejected((*page)[1], original.files[0].rejected[2]);
        QCOMPARE(project->rejectedRows(id, 3, 10)->size(), size_t(0));
        QCOMPARE(project->rejectedRowCount(id + 1).error().code, ErrorCode::NotFound);
        QCOMPARE(project->loadImportReport(id + 1).error().code, ErrorCode::NotFound);
    }

    void splitRoundTrip()
    {
        const QString path = m_dir.filePath("split.recforge");
        const Split original = sampleSplit();
        int64_t datasetId = 0, splitId = 0;
        {
            auto project = openProject(path);
            datasetId = *project->saveDataset(sampleDataset(), {}, "x");
            auto saved = project->saveSplit(datasetId, original, "temporal-1");
            QVERIFY2(saved, saved ? "" : saved.error().toString().c_str());
            splitId = *saved;
        }
        auto project = openProject(path, false);
        auto list = project->listSplits(datasetId);
        QVERIFY(list);
        QCOMPARE(list->size(), size_t(1));
        const SplitSummary &s = list->front();
        QCOMPARE(s.id, splitId);
        QCOMPARE(s.datasetId, datasetId);
        QCOMPARE(s.name, std::string("temporal-1"));
        QCOMPARE(s.kind, std::string(splitKindName(SplitKind::Temporal)));
        QCOMPARE(s.seed, UINT64_MAX);
        QCOMPARE(s.train, int64_t(1));
        QCOMPARE(s.validation, int64_t(1));
        QCOMPARE(s.test, int64_t(2));
        QCOMPARE(s.support, int64_t(0));
        QCOMPARE(s.excluded, int64_t(1));
        QVERIFY(!nlohmann::json::parse(s.paramsJson, nullptr, false).is_discarded());

        auto loaded = project->loadSplit(splitId);
        QVERIFY2(loaded, loaded ? "" : loaded.error().toString().c_str());
        QCOMPARE(loaded->role, original.role);
        QCOMPARE(toJson(loaded->params), toJson(original.params));
        QCOMPARE(loaded->params.seed, UINT64_MAX);
        QCOMPARE(loaded->validCutoff, original.validCutoff);
        QCOMPARE(loaded->testCutoff, original.testCutoff);
        QCOMPARE(loaded->itemCutoff, original.itemCutoff);
        QCOMPARE(loaded->testUsers, original.testUsers);
        QCOMPARE(loaded->coldItems, original.coldItems);
        QCOMPARE(project->loadSplit(splitId + 1).error().code, ErrorCode::NotFound);
    }

    void splitErrors()
    {
        auto project = openProject(m_dir.filePath("spliterr.recforge"));
        const int64_t id = *project->saveDataset(sampleDataset(), {}, "x");
        QVERIFY(project->saveSplit(id, sampleSplit(), "s"));
        auto duplicate = project->saveSplit(id, sampleSplit(), "s");
        QVERIFY(!duplicate);
        QCOMPARE(duplicate.error().code, ErrorCode::InvalidArgument);
        Split shortSplit = sampleSplit();
        shortSplit.role.pop_back();
        QCOMPARE(project->saveSplit(id, shortSplit, "short").error().code,
                 ErrorCode::InvalidArgument);
        Split badRole = sampleSplit();
        badRole.role[0] = 9;
        QCOMPARE(project->saveSplit(id, badRole, "bad").error().code, ErrorCode::InvalidArgument);
        QCOMPARE(project->saveSplit(id + 5, sampleSplit(), "s").error().code, ErrorCode::NotFound);
        QCOMPARE(project->listSplits(id)->size(), size_t(1));
        QCOMPARE(project->listSplits(id + 5).error().code, ErrorCode::NotFound);
        const int64_t splitId = project->listSplits(id)->front().id;
        QVERIFY(project->deleteSplit(splitId));
        QCOMPARE(project->deleteSplit(splitId).error().code, ErrorCode::NotFound);
        QCOMPARE(project->listSplits(id)->size(), size_t(0));
    }

    void duplicateNameAndReplace()
    {
        auto project = openProject(m_dir.filePath("replace.recforge"));
        const int64_t first = *project->saveDataset(sampleDataset(), sampleReport(), "one");
        QVERIFY(project->saveSplit(first, sampleSplit(), "s"));
        const QStringList before = describe(*project);

        auto duplicate = project->saveDataset(sampleDataset(), {}, "two");
        QVERIFY(!duplicate);
        QCOMPARE(duplicate.error().code, ErrorCode::InvalidArgument);
        QVERIFY(QString::fromStdString(duplicate.error().message).contains("shop"));
        QCOMPARE(describe(*project), before);

        Dataset smaller = sampleDataset();
        smaller.interactions.filter({true, true, false, false, true});
        auto replaced = project->saveDataset(smaller, {}, "two", true);
        QVERIFY2(replaced, replaced ? "" : replaced.error().toString().c_str());
        QVERIFY(*replaced != first);
        auto list = *project->listDatasets();
        QCOMPARE(list.size(), size_t(1));
        QCOMPARE(list[0].id, *replaced);
        QCOMPARE(list[0].interactions, int64_t(3));
        QCOMPARE(list[0].source, std::string("two"));
        compareDatasets(smaller, *project->loadDataset(*replaced));
        // The old dataset's splits and report went with it.
        QCOMPARE(project->listSplits(first).error().code, ErrorCode::NotFound);
        QCOMPARE(project->listSplits(*replaced)->size(), size_t(0));
        QCOMPARE(project->rejectedRowCount(*replaced).value_or(-1), int64_t(0));
        QCOMPARE(project->loadDataset(first).error().code, ErrorCode::NotFound);
    }

    // A save that fails halfway (a constraint on the last table written) leaves no trace: the list
    // and, after closing, the bytes of the file are as before.
    void failedSaveLeavesProjectUnchanged_data()
    {
        QTest::addColumn<bool>("replace");
        QTest::newRow("new name") << false;
        QTest::newRow("replace existing") << true;
    }
    void failedSaveLeavesProjectUnchanged()
    {
        QFETCH(bool, replace);
        const QString path = m_dir.filePath(QStringLiteral("atomic-%1.recforge").arg(replace));
        {
            auto project = openProject(path);
            const int64_t id = *project->saveDataset(sampleDataset(), sampleReport(), "x");
            QVERIFY(project->saveSplit(id, sampleSplit(), "s"));
            QVERIFY(project->setMeta("last", "shop"));
        }
        auto before = sha256File(path.toStdString());
        QVERIFY(before);
        QStringList listBefore;
        {
            auto project = openProject(path, false);
            listBefore = describe(*project);
            Dataset other = sampleDataset(replace ? "shop" : "other");
            other.interactions.value[0] = 2.0f;
            ImportReport bad = sampleReport();
            bad.files[0].rejected.back().line = -1; // violates CHECK(line >= 0), written late
            auto saved = project->saveDataset(other, bad, "y", replace);
            QVERIFY(!saved);
            QCOMPARE(saved.error().code, ErrorCode::Database);
            QVERIFY(QString::fromStdString(saved.error().message).contains(path));
            QCOMPARE(describe(*project), listBefore);
            QCOMPARE(project->listSplits(project->listDatasets()->front().id)->size(), size_t(1));
            compareDatasets(sampleDataset(),
                            *project->loadDataset(project->listDatasets()->front().id));
        }
        auto after = sha256File(path.toStdString());
        QVERIFY(after);
        QCOMPARE(*after, *before);
        QVERIFY(!QFileInfo::exists(path + "-wal") || QFileInfo(path + "-wal").size() == 0);
    }

    void invalidInputIsRejectedBeforeWriting_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("item index out of range") << 0;
        QTest::newRow("ragged columns") << 1;
        QTest::newRow("unknown event code") << 2;
        QTest::newRow("bad metadata json") << 3;
        QTest::newRow("empty name") << 4;
    }
    void invalidInputIsRejectedBeforeWriting()
    {
        QFETCH(int, which);
        auto project =
            openProject(m_dir.filePath(QStringLiteral("invalid-%1.recforge").arg(which)));
        Dataset d = sampleDataset();
        std::string metadata = "{}";
        switch (which) {
        case 0:
            d.interactions.item[2] = d.itemCount();
            break;
        case 1:
            d.interactions.timestamp.pop_back();
            break;
        case 2:
            d.interactions.event[0] = uint16_t(d.eventKinds.size());
            break;
        case 3:
            metadata = "{not json";
            break;
        case 4:
            d.name.clear();
            break;
        }
        auto saved = project->saveDataset(d, {}, "x", false, metadata);
        QVERIFY(!saved);
        QCOMPARE(saved.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(project->listDatasets()->size(), size_t(0));
    }

    void corruptBlobIsDetected_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<bool>("consistent"); // hashes updated to match the corrupt bytes
        QTest::addColumn<int>("kind");        // 0 flip a byte, 1 truncate, 2 out-of-range value
        QTest::newRow("item bytes changed") << "item" << false << 0;
        QTest::newRow("timestamp truncated") << "timestamp" << true << 1;
        QTest::newRow("item out of range") << "item" << true << 2;
        QTest::newRow("user ids truncated") << "user_ids" << true << 1;
        QTest::newRow("item info truncated") << "item_info" << true << 1;
        QTest::newRow("user info truncated") << "user_info" << true << 1;
        QTest::newRow("event kinds truncated") << "event_kinds" << true << 1;
    }
    void corruptBlobIsDetected()
    {
        QFETCH(QString, column);
        QFETCH(bool, consistent);
        QFETCH(int, kind);
        const QString path =
            m_dir.filePath(QStringLiteral("corrupt-%1.recforge").arg(QTest::currentDataTag()));
        const Dataset original = sampleDataset();
        const auto encoded = store::encodeDataset(original);
        std::vector<uint8_t> bytes;
        for (const auto &c : encoded)
            if (c.name == column.toStdString())
                bytes.assign(c.bytes.begin(), c.bytes.end());
        QVERIFY(!bytes.empty());
        if (kind == 0)
            bytes[1] ^= 0x40;
        else if (kind == 1)
            bytes.pop_back();
        else {
            std::vector<int32_t> items = original.interactions.item;
            items[4] = 1000;
            bytes = bytesOf(items);
        }
        int64_t id = 0;
        {
            auto project = openProject(path);
            id = *project->saveDataset(original, {}, "x");
        }
        QVERIFY(corruptColumn(path, id, column.toStdString(), bytes, consistent));
        auto project = openProject(path, false);
        QVERIFY(project);
        QCOMPARE(project->listDatasets()->size(), size_t(1)); // listing still works
        auto loaded = project->loadDataset(id);
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().code, ErrorCode::Database);
        const QString message = QString::fromStdString(loaded.error().message);
        QVERIFY2(message.contains("'shop'") && message.contains("'" + column + "'"),
                 qPrintable(message));
        QCOMPARE(QString::fromStdString(loaded.error().location.field), column);
    }

    void concurrentReadsFromTwoThreads()
    {
        auto project = openProject(m_dir.filePath("threads.recforge"));
        const Dataset original = sampleDataset();
        const int64_t id = *project->saveDataset(original, sampleReport(), "x");
        QVERIFY(project->saveSplit(id, sampleSplit(), "s"));
        std::atomic<int> failures{0}, loads{0};
        const auto reader = [&] {
            for (int i = 0; i < 50; ++i) {
                auto d = project->loadDataset(id);
                auto list = project->listDatasets();
                auto split = project->loadSplit(project->listSplits(id)->front().id);
                auto report = project->loadImportReport(id);
                if (!d || !list || !split || !report ||
                    d->interactions.item != original.interactions.item ||
                    d->items.ids() != original.items.ids() || split->role != sampleSplit().role ||
                    report->files.size() != 2)
                    ++failures;
                ++loads;
            }
        };
        std::thread a(reader), b(reader);
        // A writer in between must not disturb the readers.
        for (int i = 0; i < 5; ++i)
            QVERIFY(project->setMeta("k", std::to_string(i)));
        a.join();
        b.join();
        QCOMPARE(failures.load(), 0);
        QCOMPARE(loads.load(), 100);
    }

    void deleteDatasetCascades()
    {
        const QString path = m_dir.filePath("delete.recforge");
        auto project = openProject(path);
        const int64_t keep = *project->saveDataset(sampleDataset("keep"), sampleReport(), "x");
        const int64_t gone = *project->saveDataset(sampleDataset("gone"), sampleReport(), "x");
        QVERIFY(project->saveSplit(gone, sampleSplit(), "s"));
        QVERIFY(project->deleteDataset(gone));
        QCOMPARE(project->deleteDataset(gone).error().code, ErrorCode::NotFound);
        QCOMPARE(project->listDatasets()->size(), size_t(1));
        QCOMPARE(project->rejectedRowCount(keep).value_or(-1), int64_t(3));
        auto raw = rawOpen(path);
        for (const char *table :
             {"dataset_column", "import_file", "rejected_row", "import_warning", "split"}) {
            auto n = raw->queryInt(std::string("SELECT count(*) FROM ") + table +
                                   " WHERE dataset_id = " + std::to_string(gone));
            QVERIFY(n);
            QCOMPARE(*n, int64_t(0));
        }
    }

    void metaRoundTrip()
    {
        const QString path = m_dir.filePath("meta.recforge");
        {
            auto project = openProject(path);
            QCOMPARE(project->meta("last-dataset").error().code, ErrorCode::NotFound);
            QVERIFY(project->setMeta("last-dataset", "a"));
            QVERIFY(project->setMeta("last-dataset", "数据集 b"));
            QVERIFY(project->setMeta("", ""));
        }
        auto project = openProject(path, false);
        QCOMPARE(project->meta("last-dataset").value_or(""), std::string("数据集 b"));
        QCOMPARE(project->meta("").value_or("x"), std::string());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestProject)
#include "tst_project.moc"
