// Distillation on Amazon Beauty (leave-one-out, full ranking): a SASRec base teacher (hidden 128,
// 4 layers) teaches small students (SASRec hidden 32, MLP, GRU4Rec); each student is also trained
// without the teacher. Prints params, size, p50/p99 single-user latency, users/s, NDCG@10 /
// HR@10 under the same protocol and Jaccard@10 against the teacher, then the targets:
// student <= 25% of the teacher's parameters, >= 95% of its NDCG@10, >= 3x faster at p50, and
// better than the same student trained without the teacher.
//
//   bench_distill_beauty [--teacher FILE]  (a cached teacher checkpoint; trained and saved there
//                         when missing) [--teacher-epochs 10] [--students sasrec,mlprec,gru4rec]
//                         [--epochs 8] [--alpha 0.5] [--temperature 1] [--mode both|kl|ranking]
//                         [--hidden 32] [--validation-users 3000] [--seed 42] [--patience 2] [--lr
//                         2e-3]
//                         [--features] (catalogue attributes as item features)
//                         [--teacher-from-trainer trainer-eN.ckpt --teacher-epochs N]
//                         [--teacher-params '{json}'] (merged over the base teacher's params,
//                         e.g. '{"preset":"small","hiddenSize":256,"ffnSize":1024}')
//                         [--student-params '{json}'] (merged over every student's params)
//                         [--threads N] (intra-op threads, default all cores)
//                         [--student-dir /tmp] (student checkpoints: recforge-distill-<id>[-kd])
//                         [--reuse-students] (load those checkpoints instead of training: the
//                         comparison alone, e.g. on a quiet machine after training elsewhere)
//                         [--variants alone,taught] (which students of each model to train)
//
// --teacher-from-trainer builds the teacher from a per-epoch trainer checkpoint of a SASRec base
// run (e.g. `recforge-cli train` on the imported Beauty.txt, leave-one-out seed 42): the fit
// resumes there with --teacher-epochs = that epoch, so nothing more is trained and the best
// validated weights are restored.
//
// Minutes to hours on 2 cores: start it with nohup and a log file.

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>

#include "beautydata.h"
#include "eval/comparemodels.h"
#include "eval/evaluator.h"
#include "models/itemfeatures.h"
#include "models/modelfactory.h"
#include "models/seqtransformer.h"
#include "models/objectivehost.h"
#include "models/positionscorer.h"
#include "runtime/runtime.h"
#include "train/distillobjective.h"
#include "train/trainevents.h"

using namespace recforge;

namespace {

class Log final : public TrainObserver {
public:
    void onEpoch(const EpochEvent &e) override
    {
        std::printf("  epoch %3d  loss %.4f  valid NDCG@10 %.4f  %.0f seq/s  %.1f s\n", e.epoch,
                    e.trainLoss, e.monitored, e.samplesPerSecond, e.seconds);
        std::fflush(stdout);
    }
    void onMessage(const std::string &m) override
    {
        std::printf("  %s\n", m.c_str());
        std::fflush(stdout);
    }
};

struct Options {
    std::string teacherPath = "/tmp/recforge-distill-teacher.ckpt";
    std::string teacherTrainerCheckpoint;
    int teacherEpochs = 10;
    std::vector<std::string> students{"sasrec", "mlprec", "gru4rec"};
    int epochs = 8;
    int hidden = 32;
    int64_t validationUsers = 3000;
    uint64_t seed = 42;
    bool features = false; // catalogue attributes as item features (teacher and SASRec students)
    std::string studentDir = "/tmp";
    bool reuseStudents = false;
    bool trainAlone = true, trainTaught = true;
    int threads = 0;  // intra-op threads (0 = all cores)
    int patience = 2; // early stopping of teacher and students (validation NDCG@10)
    double lr = 2e-3; // learning rate of teacher and students
    nlohmann::json teacherParams = nlohmann::json::object(); // --teacher-params overrides
    nlohmann::json studentParams = nlohmann::json::object(); // --student-params overrides
    std::shared_ptr<ItemFeatures> itemFeatures; // built from the catalogue when features is on
    DistillLossOptions loss{2.0, 0.5, DistillMode::Kl, 10, 5.0};
};

double seconds(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

FitContext context(Log &log, const TrainingData &data, const Options &o)
{
    FitContext ctx(log);
    ctx.seed = o.seed;
    ctx.device = "cpu";
    ctx.threads = o.threads; // the trainer applies it (0 = all cores)
    ctx.validate = [&data, &o](Recommender &m, int) -> Expected<double> {
        EvalOptions eo;
        eo.stage = EvalStage::Validation;
        eo.ks = {10};
        eo.breakdown = false;
        eo.maxUsers = o.validationUsers;
        NullObserver quiet;
        auto r = evaluate(m, data, eo, quiet);
        if (!r)
            return tl::unexpected(r.error());
        return r->value("NDCG@10");
    };
    return ctx;
}

nlohmann::json studentParams(const std::string &id, const Options &o)
{
    nlohmann::json p = {{"hiddenSize", o.hidden}, {"maxLength", 50},        {"dropout", 0.5},
                        {"epochs", o.epochs},     {"patience", o.patience}, {"batchSize", 256},
                        {"learningRate", o.lr},   {"weightDecay", 0.0}};
    if (id == "sasrec")
        p.update({{"preset", "small"},
                  {"ffnSize", 4 * o.hidden},
                  {"layers", 2},
                  {"heads", 2},
                  {"attentionDropout", 0.5},
                  {"itemFeatures", o.features}});
    if (id == "mlprec")
        p.update({{"ffnSize", 4 * o.hidden}, {"window", 10}, {"dropout", 0.3}});
    if (id == "gru4rec")
        p["dropout"] = 0.3;
    p.update(o.studentParams);
    return p;
}

// SASRec models read the catalogue's attributes as input features when --features is on.
void applyFeatures(Recommender &model, const Options &o)
{
    if (auto *seq = dynamic_cast<SeqTransformer *>(&model); seq && o.itemFeatures)
        seq->setItemFeatures(o.itemFeatures);
}

std::unique_ptr<Recommender> loadOrTrainTeacher(const TrainingData &data, const Options &o)
{
    if (std::filesystem::exists(o.teacherPath)) {
        auto m = loadModel(o.teacherPath);
        if (!m) {
            std::fprintf(stderr, "teacher %s: %s\n", o.teacherPath.c_str(),
                         m.error().toString().c_str());
            std::exit(1);
        }
        std::printf("teacher loaded from %s\n", o.teacherPath.c_str());
        return std::move(*m);
    }
    nlohmann::json params = {{"preset", "base"},        {"dropout", 0.5},
                             {"attentionDropout", 0.5}, {"epochs", o.teacherEpochs},
                             {"patience", o.patience},  {"learningRate", o.lr},
                             {"weightDecay", 0.1},      {"itemFeatures", o.features}};
    params.update(o.teacherParams);
    auto m = createModel("sasrec", params);
    if (!m) {
        std::fprintf(stderr, "teacher: %s\n", m.error().toString().c_str());
        std::exit(1);
    }
    applyFeatures(**m, o);
    Log log;
    std::printf("training the teacher (SASRec %s)\n", params.dump().c_str());
    const auto start = std::chrono::steady_clock::now();
    FitContext ctx = context(log, data, o);
    if (!o.teacherTrainerCheckpoint.empty()) {
        std::printf("teacher from trainer checkpoint %s\n", o.teacherTrainerCheckpoint.c_str());
        ctx.resume = true;
        ctx.resumeFrom = o.teacherTrainerCheckpoint;
    }
    if (auto s = (*m)->fit(data, ctx); !s) {
        std::fprintf(stderr, "teacher fit: %s\n", s.error().toString().c_str());
        std::exit(1);
    }
    std::printf("teacher fitted in %.0f s\n", seconds(start));
    if (auto s = (*m)->save(o.teacherPath); !s)
        std::fprintf(stderr, "teacher not cached: %s\n", s.error().toString().c_str());
    return std::move(*m);
}

struct Row {
    std::string name;
    ModelComparison c;
    double fitSeconds = 0;
};

void printRow(const std::string &name, const ModelFigures &f, int64_t teacherParams, double jaccard)
{
    std::printf("| %-22s | %9lld | %5.1f%% | %7.2f | %8.3f | %8.3f | %8.0f | %.4f | %.4f | %s |\n",
                name.c_str(), static_cast<long long>(f.parameters),
                100.0 * double(f.parameters) / double(teacherParams), double(f.bytesOnDisk) / 1e6,
                f.latencyP50Ms, f.latencyP99Ms, f.usersPerSecond, f.metric("NDCG@10"),
                f.metric("HR@10"),
                std::isnan(jaccard) ? "-" : std::to_string(jaccard).substr(0, 5).c_str());
}

// The teacher under the other protocol of bench_sasrec_beauty (test, 99 uniform negatives), so
// a teacher shape can be compared with the published SASRec / S3-Rec figures.
void printUniformSampled(Recommender &model, const TrainingData &data)
{
    EvalOptions eo;
    eo.stage = EvalStage::Test;
    eo.ks = {1, 10};
    eo.breakdown = false;
    eo.candidates = Candidates::UniformSampled;
    eo.negatives = 99;
    NullObserver quiet;
    auto r = evaluate(model, data, eo, quiet);
    if (!r) {
        std::fprintf(stderr, "uni-99: %s\n", r.error().toString().c_str());
        return;
    }
    std::printf("teacher, test, 99 uniform negatives: HR@1 %.4f  HR@10 %.4f  NDCG@10 %.4f\n",
                r->value("HR@1"), r->value("HR@10"), r->value("NDCG@10"));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--features"))
            o.features = true;
        if (!std::strcmp(argv[i], "--reuse-students"))
            o.reuseStudents = true;
    }
    for (int i = 1; i + 1 < argc; ++i) {
        const std::string a = argv[i], v = argv[i + 1];
        if (a == "--teacher")
            o.teacherPath = v;
        else if (a == "--teacher-from-trainer")
            o.teacherTrainerCheckpoint = v;
        else if (a == "--teacher-epochs")
            o.teacherEpochs = std::stoi(v);
        else if (a == "--epochs")
            o.epochs = std::stoi(v);
        else if (a == "--lr")
            o.lr = std::stod(v);
        else if (a == "--patience")
            o.patience = std::stoi(v);
        else if (a == "--hidden")
            o.hidden = std::stoi(v);
        else if (a == "--alpha")
            o.loss.alpha = std::stod(v);
        else if (a == "--temperature")
            o.loss.temperature = std::stod(v);
        else if (a == "--mode") {
            auto mode = parseDistillMode(v);
            if (!mode) {
                std::fprintf(stderr, "--mode: %s\n", mode.error().message.c_str());
                return 1;
            }
            o.loss.mode = *mode;
        } else if (a == "--validation-users")
            o.validationUsers = std::stoll(v);
        else if (a == "--teacher-params" || a == "--student-params") {
            auto j = nlohmann::json::parse(v, nullptr, false);
            if (!j.is_object()) {
                std::fprintf(stderr, "%s: not a JSON object: %s\n", a.c_str(), v.c_str());
                return 1;
            }
            (a == "--teacher-params" ? o.teacherParams : o.studentParams) = j;
        } else if (a == "--student-dir")
            o.studentDir = v;
        else if (a == "--variants") {
            o.trainAlone = v.find("alone") != std::string::npos;
            o.trainTaught = v.find("taught") != std::string::npos;
        } else if (a == "--threads")
            o.threads = std::stoi(v);
        else if (a == "--seed")
            o.seed = std::stoull(v);
        else if (a == "--students") {
            o.students.clear();
            std::stringstream ss(v);
            for (std::string s; std::getline(ss, s, ',');)
                o.students.push_back(s);
        } else
            continue;
        ++i;
    }
    applyRuntime(RuntimeOptions{DeviceChoice::Cpu, o.threads});
    std::printf("threads: %d\n", torch::get_num_threads());
    bench::BeautyData beauty = bench::loadBeauty(o.features);
    const TrainingData &data = *beauty.data;
    if (o.features)
        o.itemFeatures = std::make_shared<ItemFeatures>(ItemFeatures::build(beauty.dataset));
    std::printf("Beauty: %d users, %d items, %lld fit rows\n", data.userCount(), data.itemCount(),
                (long long)data.fitRowCount());

    auto teacherModel = loadOrTrainTeacher(data, o);
    std::shared_ptr<Recommender> teacher = std::move(teacherModel);
    auto scorer = positionScorerFor(*teacher);
    if (!scorer) {
        std::fprintf(stderr, "%s\n", scorer.error().toString().c_str());
        return 1;
    }
    std::shared_ptr<PositionScorer> teacherScorer = std::move(*scorer);
    std::printf("teacher: %s, %lld parameters\n", teacher->params().dump().c_str(),
                (long long)teacher->parameterCount());
    printUniformSampled(*teacher, data);

    CompareOptions co;
    co.ks = {10, 20};
    co.latencyUsers = 300;
    co.warmupUsers = 30;
    co.teacherCheckpoint = o.teacherPath;
    std::vector<Row> rows;
    for (const std::string &id : o.students) {
        for (bool taught : {false, true}) {
            if (!(taught ? o.trainTaught : o.trainAlone))
                continue;
            const std::string path =
                o.studentDir + "/recforge-distill-" + id + (taught ? "-kd" : "") + ".ckpt";
            const bool reuse = o.reuseStudents && std::filesystem::exists(path);
            auto created = reuse ? loadModel(path) : createModel(id, studentParams(id, o));
            if (!created) {
                std::fprintf(stderr, "%s\n", created.error().toString().c_str());
                return 1;
            }
            auto student = std::move(*created);
            if (!reuse)
                applyFeatures(*student, o); // a checkpoint carries its own
            if (taught && !reuse) {
                const DistillLossOptions loss = o.loss;
                dynamic_cast<ObjectiveHost &>(*student).setObjectiveWrapper(
                    [teacherScorer, loss](Objective &own) -> Expected<std::unique_ptr<Objective>> {
                        auto d = DistillObjective::create(own, teacherScorer, loss);
                        if (!d)
                            return tl::unexpected(d.error());
                        return std::unique_ptr<Objective>(std::move(*d));
                    });
            }
            const std::string name = id + (taught ? " + teacher" : " alone");
            std::printf("\n== %s (%s) ==\n", name.c_str(), student->params().dump().c_str());
            std::fflush(stdout);
            Log log;
            const auto start = std::chrono::steady_clock::now();
            if (reuse) {
                std::printf("  loaded from %s\n", path.c_str());
            } else {
                if (auto s = student->fit(data, context(log, data, o)); !s) {
                    std::fprintf(stderr, "%s fit: %s\n", name.c_str(),
                                 s.error().toString().c_str());
                    return 1;
                }
                (void)student->save(path);
            }
            const double fitSeconds = reuse ? 0.0 : seconds(start);
            co.studentCheckpoint = path;
            NullObserver quiet;
            auto c = compareModels(*teacher, *student, data, co, quiet);
            if (!c) {
                std::fprintf(stderr, "compare: %s\n", c.error().toString().c_str());
                return 1;
            }
            std::printf("%s: fit %.0f s, NDCG@10 %.4f (teacher %.4f), Jaccard@10 %.3f, p50 "
                        "%.3f ms (teacher %.3f ms)\n",
                        name.c_str(), fitSeconds, c->student.metric("NDCG@10"),
                        c->teacher.metric("NDCG@10"), c->jaccard.mean, c->student.latencyP50Ms,
                        c->teacher.latencyP50Ms);
            std::fflush(stdout);
            rows.push_back({name, *c, fitSeconds});
        }
    }
    if (rows.empty())
        return 0;
    const ModelComparison &first = rows.front().c;
    std::printf("\n== Distillation on Amazon Beauty (%s) ==\n", first.protocol.label().c_str());
    std::printf("speed: %s, %d threads; latency = one user per request (score + top-10, %lld "
                "timed after %lld warm-up), users/s = %lld users per request\n",
                first.device.c_str(), first.threads, (long long)co.latencyUsers,
                (long long)co.warmupUsers, (long long)co.batchSize);
    std::printf("loss: alpha %.2f, T %.1f, mode %s\n\n", o.loss.alpha, o.loss.temperature,
                distillModeName(o.loss.mode));
    std::printf("| model | params | of teacher | MB | p50 ms | p99 ms | users/s | NDCG@10 | "
                "HR@10 | Jaccard@10 |\n|---|---|---|---|---|---|---|---|---|---|\n");
    printRow("teacher sasrec", first.teacher, first.teacher.parameters, NAN);
    for (const Row &r : rows)
        printRow(r.name, r.c.student, first.teacher.parameters, r.c.jaccard.mean);
    std::printf("\nTargets per taught student:\n");
    bool anyMet = false;
    for (size_t i = 0; o.trainAlone && o.trainTaught && i + 1 < rows.size(); i += 2) {
        const ModelComparison &plain = rows[i].c, &kd = rows[i + 1].c;
        const bool small = kd.parameterRatio() <= 0.25;
        const double keep = kd.qualityRatio("NDCG@10");
        const double speed = kd.speedupP50();
        const bool beats = kd.student.metric("NDCG@10") > plain.student.metric("NDCG@10");
        const bool all = small && keep >= 0.95 && speed >= 3.0 && beats;
        anyMet = anyMet || all;
        std::printf("  %-18s params %.1f%% (<= 25%%: %s)  NDCG@10 kept %.1f%% (>= 95%%: %s)  "
                    "p50 speed-up %.2fx (>= 3x: %s)  vs alone %.4f -> %.4f (%s)  => %s\n",
                    rows[i + 1].name.c_str(), 100 * kd.parameterRatio(), small ? "yes" : "no",
                    100 * keep, keep >= 0.95 ? "yes" : "no", speed, speed >= 3.0 ? "yes" : "no",
                    plain.student.metric("NDCG@10"), kd.student.metric("NDCG@10"),
                    beats ? "better" : "NOT better", all ? "all met" : "not all met");
    }
    return anyMet ? 0 : 2;
}
