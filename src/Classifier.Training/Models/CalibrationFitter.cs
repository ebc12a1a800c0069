using Classifier.Models;

namespace Classifier.Training.Models;

/// <summary>Fits calibration maps on out-of-fold probabilities: temperature for multiclass, Platt for binary.</summary>
public static class CalibrationFitter
{
    private const double Floor = 1e-7;

    /// <summary>Fits the map that minimises log-loss of <paramref name="probabilities"/> against <paramref name="truth"/>.</summary>
    public static Calibration Fit(IReadOnlyList<int> truth, IReadOnlyList<float[]> probabilities, bool binary) =>
        binary ? FitPlatt(truth, probabilities) : FitTemperature(truth, probabilities);

    private static Calibration FitTemperature(IReadOnlyList<int> truth, IReadOnlyList<float[]> probabilities)
    {
        // Log-loss is unimodal in log T: a coarse grid, then golden-section refinement.
        double Loss(double t) => LogLoss(truth, probabilities, new Calibration("temperature", Temperature: t));
        var best = 1.0;
        var bestLoss = Loss(best);
        for (var logT = -2.0; logT <= 2.0; logT += 0.1)
        {
            var loss = Loss(Math.Exp(logT));
            if (loss < bestLoss)
                (best, bestLoss) = (Math.Exp(logT), loss);
        }

        double lo = Math.Log(best) - 0.1, hi = Math.Log(best) + 0.1;
        var phi = (Math.Sqrt(5) - 1) / 2;
        for (var i = 0; i < 30; i++)
        {
            var a = hi - phi * (hi - lo);
            var b = lo + phi * (hi - lo);
            if (Loss(Math.Exp(a)) < Loss(Math.Exp(b)))
                hi = b;
            else
                lo = a;
        }

        return new Calibration("temperature", Temperature: Math.Round(Math.Exp((lo + hi) / 2), 6));
    }

    private static Calibration FitPlatt(IReadOnlyList<int> truth, IReadOnlyList<float[]> probabilities)
    {
        // Logistic regression of the label on logit(p), by Newton's method; Platt's smoothed targets avoid overconfidence.
        var positives = truth.Count(t => t == 1);
        var negatives = truth.Count - positives;
        var high = (positives + 1.0) / (positives + 2.0);
        var low = 1.0 / (negatives + 2.0);
        var x = probabilities.Select(p => Logit(p[1])).ToArray();
        var y = truth.Select(t => t == 1 ? high : low).ToArray();
        // Newton steps with backtracking: a plain Newton step overshoots (and diverges) when the raw model is very
        // overconfident, as a barely regularised linear model on n-grams is.
        double Loss(double a, double b)
        {
            double loss = 0;
            for (var i = 0; i < x.Length; i++)
            {
                var z = a * x[i] + b;
                // log(1 + e^z) - y z, computed without overflow.
                loss += Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z))) - y[i] * z;
            }

            return loss;
        }

        double a = 1, b = 0;
        var current = Loss(a, b);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
            for (var i = 0; i < x.Length; i++)
            {
                var p = 1 / (1 + Math.Exp(-(a * x[i] + b)));
                var d = p - y[i];
                var w = p * (1 - p);
                ga += d * x[i];
                gb += d;
                haa += w * x[i] * x[i];
                hab += w * x[i];
                hbb += w;
            }

            var det = haa * hbb - hab * hab;
            if (Math.Abs(det) < 1e-12)
                break;
            var da = (hbb * ga - hab * gb) / det;
            var db = (haa * gb - hab * ga) / det;
            var step = 1.0;
            var next = Loss(a - da, b - db);
            while (next > current && step > 1e-6)
            {
                step /= 2;
                next = Loss(a - step * da, b - step * db);
            }

            if (next > current)
                break;
            a -= step * da;
            b -= step * db;
            var improvement = current - next;
            current = next;
            if (improvement < 1e-10 * x.Length)
                break;
        }

        if (a < 0)
        {
            // Out-of-fold scores that run against the truth (a model that has learned nothing that generalises, as on a
            // handful of rows) must not turn the model's ranking upside down: keep the slope at zero, the base rate.
            a = 0;
            b = Math.Log(y.Average() / (1 - y.Average()));
        }

        return new Calibration("platt", A: Math.Round(a, 6), B: Math.Round(b, 6));
    }

    /// <summary>Mean log-loss after applying <paramref name="calibration"/>.</summary>
    public static double LogLoss(IReadOnlyList<int> truth, IReadOnlyList<float[]> probabilities, Calibration calibration)
    {
        double loss = 0;
        var buffer = new float[probabilities.Count == 0 ? 0 : probabilities[0].Length];
        for (var i = 0; i < truth.Count; i++)
        {
            probabilities[i].CopyTo(buffer, 0);
            calibration.Apply(buffer);
            loss -= Math.Log(Math.Max(buffer[truth[i]], Floor));
        }

        return loss / Math.Max(truth.Count, 1);
    }

    /// <summary>Applies <paramref name="calibration"/> to copies of <paramref name="probabilities"/>.</summary>
    public static float[][] Apply(IReadOnlyList<float[]> probabilities, Calibration calibration) =>
        probabilities.Select(p =>
        {
            var copy = (float[])p.Clone();
            calibration.Apply(copy);
            return copy;
        }).ToArray();

    private static double Logit(float p)
    {
        var q = Math.Clamp(p, Floor, 1 - Floor);
        return Math.Log(q / (1 - q));
    }
}
