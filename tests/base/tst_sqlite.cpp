#include <QtTest>

#include "store/schema.h"
#include "store/sqlite.h"

using namespace recforge;

namespace {

std::unique_ptr<sqlite::Connection> openDb(const QTemporaryDir &dir, const char *name)
{
    auto db = sqlite::Connection::open(dir.filePath(name).toStdString(),
                                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    return db ? std::move(*db) : nullptr;
}

} // namespace

// The RAII layer under the project store: cached statements, bind errors, transactions, migrations.
class TestSqlite : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void statementsAreCachedAndResetAfterUse()
    {
        QTemporaryDir dir;
        auto db = openDb(dir, "a.db");
        QVERIFY(db);
        QVERIFY(db->exec("CREATE TABLE t(x INTEGER, s TEXT, b BLOB NOT NULL)"));
        const std::string insert = "INSERT INTO t(x, s, b) VALUES(?, ?, ?)";
        const std::vector<uint8_t> bytes = {1, 0, 255};
        for (int i = 0; i < 3; ++i) {
            auto stmt = db->prepare(insert);
            QVERIFY(stmt);
            QVERIFY(stmt->bind(1, i).bind(2, "中文").bindBlob(3, bytes).run());
        }
        {
            // Bindings were cleared when the previous borrow ended: x is NULL now.
            auto stmt = db->prepare(insert);
            QVERIFY(stmt->bindBlob(3, std::span<const uint8_t>()).run()); // empty blob, not NULL
        }
        QCOMPARE(db->queryInt("SELECT count(*) FROM t").value_or(-1), int64_t(4));
        QCOMPARE(db->queryInt("SELECT count(*) FROM t WHERE x IS NULL").value_or(-1), int64_t(1));
        auto select = db->prepare("SELECT s, b FROM t WHERE x = ?");
        select->bind(1, 2);
        QVERIFY(select->step().value_or(false));
        QCOMPARE(select->columnText(0), std::string("中文"));
        const auto blob = select->columnBlob(1);
        QCOMPARE(std::vector<uint8_t>(blob.begin(), blob.end()), bytes);
        QVERIFY(!select->step().value_or(true));
    }

    void errorsNameThePathAndTheSql()
    {
        QTemporaryDir dir;
        auto db = openDb(dir, "b.db");
        auto bad = db->prepare("SELECT nope FROM missing");
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::Database);
        QVERIFY(QString::fromStdString(bad.error().message).contains(dir.filePath("b.db")));
        QVERIFY(QString::fromStdString(bad.error().message).contains("missing"));

        QVERIFY(db->exec("CREATE TABLE t(x INTEGER)"));
        auto stmt = db->prepare("INSERT INTO t(x) VALUES(?)");
        stmt->bind(7, 1); // no such parameter: reported by the next step, not lost
        auto ran = stmt->run();
        QVERIFY(!ran);
        QCOMPARE(ran.error().code, ErrorCode::Database);
        QCOMPARE(db->queryInt("SELECT count(*) FROM t").value_or(-1), int64_t(0));

        auto unopenable = sqlite::Connection::open(dir.filePath("no/such/dir/c.db").toStdString(),
                                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        QVERIFY(!unopenable);
        QVERIFY(QString::fromStdString(unopenable.error().message).contains("c.db"));
    }

    void transactionRollsBackUnlessCommitted()
    {
        QTemporaryDir dir;
        auto db = openDb(dir, "c.db");
        QVERIFY(db->exec("CREATE TABLE t(x INTEGER)"));
        {
            auto tx = sqlite::Transaction::begin(*db);
            QVERIFY(tx);
            QVERIFY(db->exec("INSERT INTO t VALUES(1)"));
        } // destroyed without commit
        QCOMPARE(db->queryInt("SELECT count(*) FROM t").value_or(-1), int64_t(0));
        {
            auto tx = sqlite::Transaction::begin(*db);
            QVERIFY(db->exec("INSERT INTO t VALUES(2)"));
            QVERIFY(tx->commit());
        }
        QCOMPARE(db->queryInt("SELECT count(*) FROM t").value_or(-1), int64_t(1));
    }

    void migrationsAreStepwiseAndIdempotent()
    {
        QTemporaryDir dir;
        auto db = openDb(dir, "d.recforge");
        QCOMPARE(store::migrate(*db, 0).value_or(-1), 0); // v0 stays v0, nothing written
        QCOMPARE(db->queryInt("SELECT count(*) FROM sqlite_schema").value_or(-1), int64_t(0));
        QCOMPARE(store::migrate(*db).value_or(-1), store::latestSchemaVersion());
        QCOMPARE(db->queryInt("PRAGMA user_version").value_or(-1),
                 int64_t(store::latestSchemaVersion()));
        QCOMPARE(db->queryInt("PRAGMA application_id").value_or(-1),
                 int64_t(store::kApplicationId));
        const int64_t tables = db->queryInt("SELECT count(*) FROM sqlite_schema").value_or(-1);
        QVERIFY(tables > 0);
        QCOMPARE(store::migrate(*db).value_or(-1), store::latestSchemaVersion()); // no-op
        QCOMPARE(db->queryInt("SELECT count(*) FROM sqlite_schema").value_or(-1), tables);
        QCOMPARE(store::checkProjectFile(*db).value_or(-1), store::latestSchemaVersion());
    }
};

QTEST_GUILESS_MAIN(TestSqlite)
#include "tst_sqlite.moc"
