#include <QtTest>

#include <set>

#include "models/paramschema.h"
#include "models/registry.h"

using namespace recforge;
using nlohmann::json;

namespace {

ModelSchema demoSchema()
{
    ModelSchema s;
    s.id = "demo";
    s.displayName = "Demo";
    s.family = "sequential";
    s.params = {intParam("hiddenSize", 64, 8, 1024, "Hidden size", "width", true),
                realParam("dropout", 0.2, 0, 0.9, "Dropout", "rate"),
                boolParam("tied", true, "Tie embeddings", "share weights"),
                choiceParam("loss", "ce", {"ce", "bpr"}, "Loss", "objective"),
                stringParam("note", "", "Note", "free text")};
    s.presets = {{"small", "tiny", {{"hiddenSize", 32}}},
                 {"large", "big", {{"hiddenSize", 512}, {"dropout", 0.1}}}};
    return s;
}

} // namespace

class TestRegistry : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultsAndFirstPreset()
    {
        const auto r = resolveParams(demoSchema(), json());
        QVERIFY(r.has_value());
        QCOMPARE((*r)["hiddenSize"].get<int>(), 32); // first preset is the default
        QCOMPARE((*r)["dropout"].get<double>(), 0.2);
        QCOMPARE((*r)["preset"].get<std::string>(), std::string("small"));
        QCOMPARE((*r)["loss"].get<std::string>(), std::string("ce"));
        QCOMPARE(*r, demoSchema().defaults());
    }

    void presetThenExplicitOverrides()
    {
        const auto r = resolveParams(demoSchema(), {{"preset", "large"}, {"dropout", 0.3}});
        QVERIFY(r.has_value());
        QCOMPARE((*r)["hiddenSize"].get<int>(), 512);
        QCOMPARE((*r)["dropout"].get<double>(), 0.3); // explicit beats the preset
        // Resolving a resolved object is the identity.
        const auto again = resolveParams(demoSchema(), *r);
        QVERIFY(again.has_value());
        QCOMPARE(*again, *r);
    }

    void integralRealAcceptedForInt()
    {
        const auto r = resolveParams(demoSchema(), {{"hiddenSize", 128.0}});
        QVERIFY(r.has_value());
        QVERIFY((*r)["hiddenSize"].is_number_integer());
        QCOMPARE((*r)["hiddenSize"].get<int>(), 128);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("unknown key") << R"({"hidenSize": 3})"
                                     << "hidenSize"
                                     << "unknown parameter";
        QTest::newRow("int below min") << R"({"hiddenSize": 4})"
                                       << "hiddenSize"
                                       << "[8, 1024]";
        QTest::newRow("int above max") << R"({"hiddenSize": 4096})"
                                       << "hiddenSize"
                                       << "[8, 1024]";
        QTest::newRow("fractional int") << R"({"hiddenSize": 64.5})"
                                        << "hiddenSize"
                                        << "an integer";
        QTest::newRow("string for real") << R"({"dropout": "0.1"})"
                                         << "dropout"
                                         << "a number";
        QTest::newRow("real above max") << R"({"dropout": 0.95})"
                                        << "dropout"
                                        << "[0, 0.9]";
        QTest::newRow("int for bool") << R"({"tied": 1})"
                                      << "tied"
                                      << "true or false";
        QTest::newRow("bad choice") << R"({"loss": "mse"})"
                                    << "loss"
                                    << "one of: ce, bpr";
        QTest::newRow("number for string") << R"({"note": 3})"
                                           << "note"
                                           << "a string";
        QTest::newRow("unknown preset") << R"({"preset": "huge"})"
                                        << "preset"
                                        << "small, large";
        QTest::newRow("not an object") << R"([1, 2])"
                                       << ""
                                       << "JSON object";
    }

    void errors()
    {
        QFETCH(QString, given);
        QFETCH(QString, field);
        QFETCH(QString, messagePart);
        const auto r = resolveParams(demoSchema(), json::parse(given.toStdString()));
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(QString::fromStdString(r.error().location.field), field);
        QVERIFY2(QString::fromStdString(r.error().message).contains(messagePart),
                 r.error().message.c_str());
    }

    void registryListsModelsWithValidDefaults()
    {
        const auto &schemas = modelSchemas();
        QVERIFY(schemas.size() >= 4);
        std::set<std::string> ids;
        const std::set<std::string> families{"baseline", "neighbourhood", "factorisation",
                                             "sequential"};
        for (const auto &s : schemas) {
            QVERIFY2(ids.insert(s.id).second, s.id.c_str());
            QVERIFY(families.count(s.family));
            QVERIFY(!s.displayName.empty() && !s.description.empty());
            for (const auto &p : s.params) {
                QVERIFY2(!p.label.empty() && !p.help.empty(), p.key.c_str());
                // Every documented default passes its own checks.
                QVERIFY2(checkParam(s, p, p.defaultValue).has_value(), p.key.c_str());
            }
            QVERIFY2(resolveParams(s, json()).has_value(), s.id.c_str());
            QCOMPARE(findModelSchema(s.id), &s);
            QCOMPARE(toJson(s)["params"].size(), s.params.size());
        }
        for (const char *id : {"popularity", "itemknn", "userknn", "ease"})
            QVERIFY2(findModelSchema(id), id);
        QCOMPARE(findModelSchema("nope"), nullptr);
    }
};

QTEST_GUILESS_MAIN(TestRegistry)
#include "tst_registry.moc"
