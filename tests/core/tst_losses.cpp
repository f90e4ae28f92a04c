// The shared losses against plain autograd references and hand-computed values: the fused full
// softmax cross-entropy (value and gradients, with and without a bias, an underflowed target, the
// reused logits buffer), sampled softmax masking, BPR, cloze masking and the distillation loss
// (hand-computed, and its fused form against autograd in every mode: KL, ranking, both).
#include <cmath>

#include <QTest>

#include <torch/torch.h>

#include "train/distillobjective.h"
#include "train/fuseddistill.h"
#include "train/losses.h"

using namespace recforge;

namespace {

struct Grads {
    torch::Tensor loss, hidden, items, bias;
};

Grads run(bool fused, const torch::Tensor &h0, const torch::Tensor &t0, const torch::Tensor &y,
          const torch::Tensor &b0)
{
    torch::Tensor h = h0.clone().requires_grad_(true);
    torch::Tensor t = t0.clone().requires_grad_(true);
    torch::Tensor b = b0.defined() ? b0.clone().requires_grad_(true) : torch::Tensor();
    torch::Tensor loss;
    if (fused) {
        loss = fullSoftmaxLoss(h, t, y, b);
    } else {
        torch::Tensor logits = torch::mm(h, t.t());
        if (b.defined())
            logits = logits + b;
        loss = torch::cross_entropy_loss(logits, y);
    }
    (loss * 3.0).backward(); // an incoming gradient other than 1
    return {loss.detach(), h.grad(), t.grad(), b.defined() ? b.grad() : torch::Tensor()};
}

bool close(const torch::Tensor &a, const torch::Tensor &b, double tol = 1e-5)
{
    return a.defined() == b.defined() && (!a.defined() || torch::allclose(a, b, tol, tol));
}

} // namespace

class TestLosses : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fusedSoftmaxMatchesAutograd_data()
    {
        QTest::addColumn<bool>("withBias");
        QTest::newRow("no bias") << false;
        QTest::newRow("bias") << true;
    }

    void fusedSoftmaxMatchesAutograd()
    {
        QFETCH(bool, withBias);
        torch::manual_seed(3);
        // Several steps of different sizes: the logits buffer is reused and must not leak state.
        for (int64_t n : {37, 64, 5, 64}) {
            torch::Tensor h = torch::randn({n, 16}, torch::kDouble);
            torch::Tensor t = torch::randn({301, 16}, torch::kDouble);
            torch::Tensor y = torch::randint(301, {n}, torch::kLong);
            torch::Tensor b = withBias ? torch::randn({301}, torch::kDouble) : torch::Tensor();
            const Grads f = run(true, h, t, y, b), r = run(false, h, t, y, b);
            QVERIFY2(close(f.loss, r.loss), qPrintable(QString::number(f.loss.item<double>())));
            QVERIFY(close(f.hidden, r.hidden));
            QVERIFY(close(f.items, r.items));
            QVERIFY(close(f.bias, r.bias));
        }
    }

    void fusedSoftmaxFloatBufferReuse()
    {
        // float32 (the training dtype) through the pooled buffer, twice in a row with live graphs.
        torch::manual_seed(5);
        torch::Tensor h = torch::randn({50, 8}), t = torch::randn({400, 8});
        torch::Tensor y = torch::randint(400, {50}, torch::kLong);
        torch::Tensor hg = h.clone().requires_grad_(true);
        torch::Tensor first = fullSoftmaxLoss(hg, t, y);
        torch::Tensor second = fullSoftmaxLoss(hg, t * 2, y); // both graphs alive
        (first + second).backward();
        torch::Tensor hr = h.clone().requires_grad_(true);
        torch::Tensor ref = torch::cross_entropy_loss(torch::mm(hr, t.t()), y) +
                            torch::cross_entropy_loss(torch::mm(hr, (t * 2).t()), y);
        ref.backward();
        QVERIFY(torch::allclose(first + second, ref, 1e-5, 1e-5));
        QVERIFY(torch::allclose(hg.grad(), hr.grad(), 1e-5, 1e-5));
    }

    void fusedSoftmaxUnderflowedTargetKeepsExactLoss()
    {
        // The target's logit is 200 below the best: its float softmax is 0, the loss is ~200.
        torch::Tensor h = torch::ones({1, 1});
        torch::Tensor t = torch::tensor({100.0f, -100.0f, 0.0f}).unsqueeze(1);
        torch::Tensor y = torch::tensor({int64_t(1)});
        torch::Tensor hg = h.clone().requires_grad_(true);
        torch::Tensor loss = fullSoftmaxLoss(hg, t, y);
        QVERIFY(std::isfinite(loss.item<float>()));
        QVERIFY2(std::abs(loss.item<float>() - 200.0f) < 1e-3,
                 qPrintable(QString::number(loss.item<float>())));
        loss.backward();
        // d/dh = sum_j p_j t_j - t_y = 100 - (-100) = 200
        QVERIFY(std::abs(hg.grad().item<float>() - 200.0f) < 1e-3);
    }

    void sampledSoftmaxMasksTheTarget()
    {
        // Row 0's negatives are all its target: only the positive remains, loss 0.
        torch::Tensor h = torch::ones({1, 2}), t = torch::eye(2);
        torch::Tensor y = torch::tensor({int64_t(0)});
        torch::Tensor neg = torch::zeros({1, 3}, torch::kLong);
        QVERIFY(sampledSoftmaxLoss(h, t, y, neg).item<float>() < 1e-6f);
        // With one real negative of equal score: log 2.
        neg = torch::tensor({int64_t(1)});
        QVERIFY(std::abs(sampledSoftmaxLoss(h, t, y, neg).item<float>() - std::log(2.0f)) < 1e-6f);
    }

    // Uniform negatives over the whole table: with every item scored equally the loss is
    // log(1 + k) whichever items are drawn, minus the draws that hit the target (masked).
    void uniformSampledSoftmaxDrawsFromEveryItem()
    {
        torch::manual_seed(4);
        const int64_t items = 50, k = 20;
        torch::Tensor h = torch::ones({64, 4}), t = torch::ones({items, 4});
        torch::Tensor y = torch::randint(items, {64}, torch::kLong);
        const float loss = uniformSampledSoftmaxLoss(h, t, y, k).item<float>();
        // Each draw hits the target with probability 1/50: about 0.4 of the 20 per row.
        QVERIFY2(loss < std::log(1.0f + k) && loss > std::log(1.0f + k - 2),
                 qPrintable(QString::number(loss)));
        // Scores that single out the target drive it to zero.
        torch::Tensor peaked = torch::eye(items) * 50;
        torch::Tensor rows = peaked.index_select(0, y);
        QVERIFY(uniformSampledSoftmaxLoss(rows, peaked, y, k).item<float>() < 1e-6f);
    }

    void bprHandComputed()
    {
        // -log sigmoid(2 - 0) and -log sigmoid(0 - 1), averaged.
        torch::Tensor l = bprLoss(torch::tensor({2.0f, 0.0f}), torch::tensor({0.0f, 1.0f}));
        const double expected = 0.5 * (std::log1p(std::exp(-2.0)) + std::log1p(std::exp(1.0)));
        QVERIFY(std::abs(l.item<float>() - expected) < 1e-6);
    }

    void clozeMasksOnlyRealTokensAndEveryRow()
    {
        torch::manual_seed(1);
        torch::Tensor tokens = torch::tensor({0, 0, 4, 5, 0, 7, 8, 9}, torch::kLong).view({2, 4});
        auto [masked, mask] = clozeMask(tokens, 0.0, 99); // nothing drawn: last token per row
        QCOMPARE(mask.sum().item<int64_t>(), int64_t(2));
        QCOMPARE(masked[0][3].item<int64_t>(), int64_t(99));
        QCOMPARE(masked[1][3].item<int64_t>(), int64_t(99));
        auto [all, allMask] = clozeMask(tokens, 1.0, 99);
        QCOMPARE(allMask.sum().item<int64_t>(), int64_t(5)); // padding is never masked
        QCOMPARE(all[0][0].item<int64_t>(), int64_t(0));
        // maskLast: every row's last token besides the drawn ones (S3-Rec's prefix examples).
        torch::Tensor rows = torch::tensor({0, 3, 4, 5, 6, 7, 8, 9}, torch::kLong).view({2, 4});
        for (int draw = 0; draw < 20; ++draw) {
            auto [lastMasked, lastMask] = clozeMask(rows, 0.5, 99, true);
            QVERIFY(lastMask.select(1, 3).all().item<bool>());
            QVERIFY(!lastMask[0][0].item<bool>());
            QCOMPARE((lastMasked == 99).sum().item<int64_t>(), lastMask.sum().item<int64_t>());
        }
        // The drawn masks still come on top: at 0.5, some of the 60 earlier real tokens.
        torch::manual_seed(3);
        int64_t earlier = 0;
        for (int draw = 0; draw < 10; ++draw)
            earlier +=
                std::get<1>(clozeMask(rows, 0.5, 99, true)).narrow(1, 0, 3).sum().item<int64_t>();
        QVERIFY2(earlier > 10 && earlier < 50, std::to_string(earlier).c_str());
    }

    void distillationHandComputed()
    {
        // One row, two items, T = 2, alpha = 0.5:
        // p = softmax(teacher / T), q = softmax(student / T), KL = sum p log(p / q).
        torch::Tensor s = torch::tensor({{1.0f, 0.0f}}), t = torch::tensor({{0.0f, 2.0f}});
        torch::Tensor y = torch::tensor({int64_t(0)});
        const double q0 = 1 / (1 + std::exp(-0.5)), q1 = 1 - q0;
        const double p0 = 1 / (1 + std::exp(1.0)), p1 = 1 - p0;
        const double kl = p0 * std::log(p0 / q0) + p1 * std::log(p1 / q1);
        const double ce = std::log1p(std::exp(-1.0));
        const double expected = 0.5 * 4 * kl + 0.5 * ce;
        const double got = distillationLoss(s, t, y, 2.0, 0.5).item<float>();
        QVERIFY2(std::abs(got - expected) < 1e-5,
                 qPrintable(QStringLiteral("%1 vs %2").arg(got).arg(expected)));
        // alpha = 0 is plain cross-entropy.
        QVERIFY(std::abs(distillationLoss(s, t, y, 2.0, 0.0).item<float>() - ce) < 1e-6);
    }

    // Every mode (the teacher's softened softmax, its top-K list, both), fused, against
    // DistillObjective::combinedLoss on the same logits through autograd; the logits buffer is
    // reused across batches of different sizes.
    void fusedDistillationMatchesAutograd_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<double>("temperature");
        QTest::addColumn<double>("alpha");
        QTest::addColumn<int>("topK");
        QTest::newRow("kl, T 2, alpha 0.5") << "kl" << 2.0 << 0.5 << 1;
        QTest::newRow("kl, T 1, alpha 0.9") << "kl" << 1.0 << 0.9 << 1;
        QTest::newRow("kl, T 4, soft only") << "kl" << 4.0 << 1.0 << 1;
        QTest::newRow("ranking, alpha 0.3, top 5") << "ranking" << 1.0 << 0.3 << 5;
        QTest::newRow("ranking only, top 1") << "ranking" << 1.0 << 1.0 << 1;
        QTest::newRow("both, T 2, alpha 0.5, top 10") << "both" << 2.0 << 0.5 << 10;
        QTest::newRow("both, soft only, top 3") << "both" << 1.5 << 1.0 << 3;
    }

    void fusedDistillationMatchesAutograd()
    {
        QFETCH(QString, mode);
        QFETCH(double, temperature);
        QFETCH(double, alpha);
        QFETCH(int, topK);
        const DistillLossOptions options{temperature, alpha, *parseDistillMode(mode.toStdString()),
                                         topK, 2.0};
        torch::manual_seed(9);
        for (int64_t n : {29, 64, 7}) {
            const torch::Tensor h0 = torch::randn({n, 10}, torch::kDouble);
            const torch::Tensor w0 = torch::randn({157, 10}, torch::kDouble);
            const torch::Tensor teacher = torch::randn({n, 157}, torch::kDouble) * 3.0;
            const torch::Tensor y = torch::randint(157, {n}, torch::kLong);
            torch::Tensor h = h0.clone().requires_grad_(true), w = w0.clone().requires_grad_(true);
            torch::Tensor fused = fusedDistillationLoss(h, w, y, teacher.clone(), options);
            (fused * 2.0).backward();
            torch::Tensor rh = h0.clone().requires_grad_(true),
                          rw = w0.clone().requires_grad_(true);
            torch::Tensor reference =
                DistillObjective::combinedLoss(torch::mm(rh, rw.t()), teacher, y, options);
            (reference * 2.0).backward();
            QVERIFY2(close(fused.detach(), reference.detach()),
                     qPrintable(QStringLiteral("%1 vs %2")
                                    .arg(fused.item<double>())
                                    .arg(reference.item<double>())));
            QVERIFY(close(h.grad(), rh.grad()));
            QVERIFY(close(w.grad(), rw.grad()));
        }
    }

    void fusedDistillationFloatTraining_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("kl") << "kl";
        QTest::newRow("both (the default)") << "both";
    }

    void fusedDistillationFloatTraining()
    {
        // Float buffers as in training, a student far from its teacher: finite, equal to the
        // autograd value, and one SGD step on the fused gradient lowers the loss.
        QFETCH(QString, mode);
        const DistillLossOptions options{2.0, 0.5, *parseDistillMode(mode.toStdString()), 10, 5.0};
        torch::manual_seed(6);
        torch::Tensor h = torch::randn({50, 8}).requires_grad_(true);
        torch::Tensor w = torch::randn({500, 8}).requires_grad_(true);
        const torch::Tensor teacher = torch::randn({50, 500}) * 10.0;
        const torch::Tensor y = torch::randint(500, {50}, torch::kLong);
        torch::Tensor loss = fusedDistillationLoss(h, w, y, teacher.clone(), options);
        const double before = loss.item<double>();
        const double reference =
            DistillObjective::combinedLoss(torch::mm(h, w.t()), teacher, y, options).item<double>();
        QVERIFY(std::isfinite(before));
        QVERIFY2(std::abs(before - reference) < 1e-3 * std::abs(reference),
                 qPrintable(QStringLiteral("%1 vs %2").arg(before).arg(reference)));
        loss.backward();
        {
            torch::NoGradGuard noGrad;
            h.sub_(h.grad() * 0.05);
            w.sub_(w.grad() * 0.05);
        }
        QVERIFY(fusedDistillationLoss(h, w, y, teacher.clone(), options).item<double>() < before);
    }
};

QTEST_APPLESS_MAIN(TestLosses)
#include "tst_losses.moc"
