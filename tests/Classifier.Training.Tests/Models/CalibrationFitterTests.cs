using Classifier.Models;
using Classifier.Training.Evaluation;
using Classifier.Training.Models;

namespace Classifier.Training.Tests.Models;

public sealed class CalibrationFitterTests
{
    // A model that is right 75% of the time but always says 99.99%: calibration must bring its confidence down.
    private static (int[] Truth, float[][] Probabilities) Overconfident(int classes, int seed)
    {
        var random = new Random(seed);
        var truth = new int[2000];
        var probabilities = new float[truth.Length][];
        for (var i = 0; i < truth.Length; i++)
        {
            truth[i] = random.Next(classes);
            var predicted = random.NextDouble() < 0.75 ? truth[i] : (truth[i] + 1 + random.Next(classes - 1)) % classes;
            probabilities[i] = Enumerable.Repeat((float)(0.0001 / (classes - 1)), classes).ToArray();
            probabilities[i][predicted] = 0.9999f;
        }

        return (truth, probabilities);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void Calibration_lowers_log_loss_and_calibration_error_of_an_overconfident_model(int classes)
    {
        var (truth, probabilities) = Overconfident(classes, seed: classes);
        var calibration = CalibrationFitter.Fit(truth, probabilities, binary: classes == 2);
        var calibrated = CalibrationFitter.Apply(probabilities, calibration);

        Assert.Equal(classes == 2 ? "platt" : "temperature", calibration.Method);
        Assert.True(CalibrationFitter.LogLoss(truth, probabilities, calibration) < 0.5 * CalibrationFitter.LogLoss(truth, probabilities, Calibration.None));
        var eceAfter = ClassificationMetrics.CalibrationError(truth, calibrated, [.. calibrated.Select(p => Array.IndexOf(p, p.Max()))]);
        Assert.InRange(eceAfter, 0, 0.03);
        Assert.All(calibrated, p => Assert.Equal(1.0, p.Sum(), 4));
    }

    [Fact]
    public void Platt_scaling_keeps_a_well_calibrated_model_close_to_the_identity()
    {
        var random = new Random(3);
        var probabilities = Enumerable.Range(0, 4000).Select(_ => (float)random.NextDouble()).Select(p => new[] { 1 - p, p }).ToArray();
        var truth = probabilities.Select(p => random.NextDouble() < p[1] ? 1 : 0).ToArray();

        var calibration = CalibrationFitter.Fit(truth, probabilities, binary: true);

        Assert.InRange(calibration.A, 0.85, 1.15);
        Assert.InRange(calibration.B, -0.15, 0.15);
    }

    [Fact]
    public void Platt_scaling_never_inverts_the_models_ranking()
    {
        // Scores that run against the truth: a free fit would give a negative slope.
        var probabilities = Enumerable.Range(0, 200).Select(i => (float)(0.05 + 0.9 * i / 199.0)).Select(p => new[] { 1 - p, p }).ToArray();
        var truth = probabilities.Select((p, i) => p[1] < 0.5 == (i % 5 != 0) ? 1 : 0).ToArray();

        var calibration = CalibrationFitter.Fit(truth, probabilities, binary: true);

        Assert.Equal(0, calibration.A);
        var low = CalibrationFitter.Apply([probabilities[0]], calibration)[0][1];
        var high = CalibrationFitter.Apply([probabilities[^1]], calibration)[0][1];
        Assert.Equal(low, high);
        Assert.InRange(high, 0.3, 0.7);
    }
}
