// safetensors: every supported dtype round-trips with its shape and metadata; the header is the
// reference layout (8-byte aligned data); malformed files fail with errors naming the file and
// the tensor; Python reads our file with a hand-written parser (no safetensors package needed).
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "io/safetensors.h"

using namespace recforge;

namespace {

// A raw file: 8-byte length, header text, data bytes.
QByteArray rawFile(const std::string &header, const QByteArray &data, int64_t lengthOverride = -1)
{
    QByteArray out;
    const uint64_t n = lengthOverride >= 0 ? uint64_t(lengthOverride) : header.size();
    for (int b = 0; b < 8; ++b)
        out.append(char((n >> (8 * b)) & 0xff));
    out.append(header.data(), qsizetype(header.size()));
    out.append(data);
    return out;
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

const char *kPythonReader = R"(
import json, struct, sys
import numpy as np
kinds = {"F32": np.float32, "F64": np.float64, "I64": np.int64, "I32": np.int32, "U8": np.uint8}
with open(sys.argv[1], "rb") as f:
    raw = f.read()
n = struct.unpack("<Q", raw[:8])[0]
header = json.loads(raw[8:8 + n])
data = raw[8 + n:]
out = {"__metadata__": header.pop("__metadata__", {})}
for name, e in header.items():
    b, end = e["data_offsets"]
    a = np.frombuffer(data[b:end], dtype=kinds[e["dtype"]]).reshape(e["shape"])
    out[name] = {"shape": list(a.shape), "sum": float(a.astype(np.float64).sum()),
                 "first": float(a.reshape(-1)[0]) if a.size else None}
print(json.dumps(out))
)";

} // namespace

class TestSafetensors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void roundTrip_data()
    {
        QTest::addColumn<int>("dtype");
        QTest::addColumn<QList<qint64>>("shape");
        QTest::newRow("f32 2x3") << int(torch::kFloat) << QList<qint64>{2, 3};
        QTest::newRow("f64 vector") << int(torch::kDouble) << QList<qint64>{5};
        QTest::newRow("i64 3d") << int(torch::kLong) << QList<qint64>{2, 2, 2};
        QTest::newRow("i32") << int(torch::kInt) << QList<qint64>{7};
        QTest::newRow("bf16") << int(torch::kBFloat16) << QList<qint64>{3, 1};
        QTest::newRow("f16") << int(torch::kHalf) << QList<qint64>{4};
        QTest::newRow("u8") << int(torch::kByte) << QList<qint64>{9};
        QTest::newRow("bool") << int(torch::kBool) << QList<qint64>{2, 2};
        QTest::newRow("scalar") << int(torch::kFloat) << QList<qint64>{};
        QTest::newRow("empty 0x3") << int(torch::kFloat) << QList<qint64>{0, 3};
    }
    void roundTrip()
    {
        QFETCH(int, dtype);
        QFETCH(QList<qint64>, shape);
        const std::vector<int64_t> dims(shape.begin(), shape.end());
        torch::manual_seed(1);
        torch::Tensor a = (torch::randn(dims) * 10).to(torch::ScalarType(dtype));
        torch::Tensor b = torch::arange(5, torch::kLong); // a second tensor after the first
        const std::string path = m_dir.filePath("rt.safetensors").toStdString();
        auto ok = writeSafetensors(path, {{"weights.a", a}, {"b", b}}, {{"model", "sasrec"}});
        QVERIFY2(ok, ok ? "" : ok.error().toString().c_str());
        auto file = readSafetensors(path);
        QVERIFY2(file, file ? "" : file.error().toString().c_str());
        QCOMPARE(file->tensors.size(), size_t(2));
        QCOMPARE(file->tensors[0].first, std::string("weights.a"));
        const torch::Tensor *read = file->find("weights.a");
        QVERIFY(read);
        QCOMPARE(read->scalar_type(), a.scalar_type());
        QCOMPARE(read->sizes().vec(), a.sizes().vec());
        QVERIFY(torch::equal(*read, a));
        QVERIFY(torch::equal(*file->find("b"), b));
        QCOMPARE(file->metadata.at("model"), std::string("sasrec"));
        QVERIFY(!file->find("missing"));
        // Reference layout: the data starts 8-byte aligned.
        QFile f(QString::fromStdString(path));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        uint64_t n = 0;
        for (int k = 7; k >= 0; --k)
            n = (n << 8) | uint8_t(bytes[k]);
        QCOMPARE((8 + n) % 8, uint64_t(0));
        QVERIFY(QDir(m_dir.path()).entryList({"*.tmp-*"}, QDir::Files).isEmpty());
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("mentions"); // part of the message
        QTest::addColumn<QString>("tensor");   // Location::field
        const QByteArray eight(8, '\0');
        const auto e = [](const char *body) { return std::string(body); };
        QTest::newRow("shorter than 8 bytes")
            << QByteArray("abc") << int(ErrorCode::Io) << "truncated"
            << "";
        QTest::newRow("header beyond file")
            << rawFile("{}", {}, 500) << int(ErrorCode::Io) << "truncated"
            << "";
        QTest::newRow("huge header length")
            << rawFile("{}", {}, int64_t(1) << 40) << int(ErrorCode::Parse) << "100 MB"
            << "";
        QTest::newRow("bad json") << rawFile("{\"a\": ", {}) << int(ErrorCode::Parse)
                                  << "not valid JSON"
                                  << "";
        QTest::newRow("not an object")
            << rawFile("[1, 2]", {}) << int(ErrorCode::Parse) << "not a JSON object"
            << "";
        QTest::newRow("unknown dtype")
            << rawFile(e(R"({"w": {"dtype": "F7", "shape": [2], "data_offsets": [0, 8]}})"), eight)
            << int(ErrorCode::InvalidArgument) << "unknown dtype 'F7'"
            << "w";
        QTest::newRow("unsupported dtype")
            << rawFile(e(R"({"w": {"dtype": "U16", "shape": [4], "data_offsets": [0, 8]}})"), eight)
            << int(ErrorCode::InvalidArgument) << "unsupported dtype 'U16'"
            << "w";
        QTest::newRow("offsets beyond data")
            << rawFile(e(R"({"w": {"dtype": "F32", "shape": [4], "data_offsets": [0, 16]}})"),
                       eight)
            << int(ErrorCode::Parse) << "outside the data"
            << "w";
        QTest::newRow("size mismatch")
            << rawFile(e(R"({"w": {"dtype": "F32", "shape": [3], "data_offsets": [0, 8]}})"), eight)
            << int(ErrorCode::Parse) << "need 12"
            << "w";
        QTest::newRow("overlap")
            << rawFile(e(R"({"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]},
                             "b": {"dtype": "F32", "shape": [1], "data_offsets": [4, 8]}})"),
                       eight)
            << int(ErrorCode::Parse) << "overlap"
            << "b";
        QTest::newRow("gap")
            << rawFile(e(R"({"a": {"dtype": "F32", "shape": [1], "data_offsets": [4, 8]}})"), eight)
            << int(ErrorCode::Parse) << "gap"
            << "a";
        QTest::newRow("trailing bytes")
            << rawFile(e(R"({"a": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}})"), eight)
            << int(ErrorCode::Parse) << "after the last tensor"
            << "";
        QTest::newRow("negative dim")
            << rawFile(e(R"({"a": {"dtype": "F32", "shape": [-2], "data_offsets": [0, 8]}})"),
                       eight)
            << int(ErrorCode::Parse) << "non-negative"
            << "a";
        QTest::newRow("missing offsets")
            << rawFile(e(R"({"a": {"dtype": "F32", "shape": [2]}})"), eight)
            << int(ErrorCode::Parse) << "data_offsets"
            << "a";
        QTest::newRow("metadata not strings")
            << rawFile(e(R"({"__metadata__": {"epochs": 3}})"), {}) << int(ErrorCode::Parse)
            << "not a string"
            << "";
    }
    void malformed()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        QFETCH(QString, mentions);
        QFETCH(QString, tensor);
        const QString path = m_dir.filePath("bad.safetensors");
        writeBytes(path, bytes);
        auto file = readSafetensors(path.toStdString());
        QVERIFY(!file);
        const Error &err = file.error();
        QVERIFY2(int(err.code) == code, err.toString().c_str());
        QVERIFY2(QString::fromStdString(err.message).contains(mentions), err.message.c_str());
        QVERIFY2(QString::fromStdString(err.message).contains("bad.safetensors"),
                 err.message.c_str());
        QCOMPARE(QString::fromStdString(err.location.field), tensor);
        QCOMPARE(QString::fromStdString(err.location.file), path);
    }

    void missingFileIsIo()
    {
        auto file = readSafetensors(m_dir.filePath("none.safetensors").toStdString());
        QVERIFY(!file);
        QCOMPARE(file.error().code, ErrorCode::Io);
    }

    void writeRejectsBadInput_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("duplicate");
        QTest::addColumn<bool>("undefinedTensor");
        QTest::addColumn<bool>("complex");
        QTest::newRow("empty name") << "" << false << false << false;
        QTest::newRow("reserved name") << "__metadata__" << false << false << false;
        QTest::newRow("duplicate") << "w" << true << false << false;
        QTest::newRow("undefined") << "w" << false << true << false;
        QTest::newRow("complex dtype") << "w" << false << false << true;
    }
    void writeRejectsBadInput()
    {
        QFETCH(QString, name);
        QFETCH(bool, duplicate);
        QFETCH(bool, undefinedTensor);
        QFETCH(bool, complex);
        NamedTensors tensors;
        torch::Tensor t = undefinedTensor ? torch::Tensor()
                          : complex       ? torch::zeros({2}, torch::kComplexFloat)
                                          : torch::zeros({2});
        tensors.emplace_back(name.toStdString(), t);
        if (duplicate)
            tensors.emplace_back(name.toStdString(), torch::ones({1}));
        const QString path = m_dir.filePath("rejected.safetensors");
        auto ok = writeSafetensors(path.toStdString(), tensors);
        QVERIFY(!ok);
        QCOMPARE(ok.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(QString::fromStdString(ok.error().location.field), name);
        QVERIFY(!QFile::exists(path));
        QVERIFY(QDir(m_dir.path()).entryList({"*.tmp-*"}, QDir::Files).isEmpty());
    }

    // The stated test dependency: /usr/bin/python3 with numpy (scripts/deps.sh installs it).
    void pythonReadsOurFile()
    {
        torch::Tensor w = torch::arange(12, torch::kFloat).reshape({3, 4}) * 0.5;
        torch::Tensor ids = torch::tensor({7, 8, 9}, torch::kLong);
        const QString path = m_dir.filePath("py.safetensors");
        QVERIFY(writeSafetensors(path.toStdString(), {{"item.weight", w}, {"ids", ids}},
                                 {{"model", "bprmf"}}));
        const QString script = m_dir.filePath("read.py");
        writeBytes(script, kPythonReader);
        QProcess p;
        p.start("/usr/bin/python3", {script, path});
        QVERIFY2(p.waitForStarted(), "/usr/bin/python3 is required by this test (scripts/deps.sh)");
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const auto out = nlohmann::json::parse(p.readAllStandardOutput().toStdString());
        QCOMPARE(out["__metadata__"]["model"].get<std::string>(), std::string("bprmf"));
        QVERIFY(out["item.weight"]["shape"] == nlohmann::json({3, 4}));
        QCOMPARE(out["item.weight"]["sum"].get<double>(), 33.0);
        QVERIFY(out["ids"]["shape"] == nlohmann::json::array({3}));
        QCOMPARE(out["ids"]["first"].get<double>(), 7.0);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_APPLESS_MAIN(TestSafetensors)
#include "tst_safetensors.moc"
