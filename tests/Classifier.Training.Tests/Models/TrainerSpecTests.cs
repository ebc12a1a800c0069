using Classifier.Training.Models;

namespace Classifier.Tests.Models;

public sealed class TrainerSpecTests
{
    private static string[] Parse(string value) => [.. TrainerSpec.ParseList(value, "--trainers").Select(s => s.ToString())];

    [Fact]
    public void ATrainerNamedAloneStandsForItsWholeGrid()
    {
        Assert.Equal(["svm:l2=2e-4", "svm:l2=3e-4", "svm:l2=5e-4", "svm:l2=1e-3"], Parse("svm"));
        Assert.Equal(["lbfgs:l2=3e-4"], Parse("lbfgs"));
        Assert.Equal(TrainerSpec.DefaultL2Grid("svm").Select(l2 => new TrainerSpec("svm", l2)), TrainerSpec.ParseList("svm", "--trainers"));
        Assert.Equal(["perceptron"], Parse("perceptron"));
        Assert.Equal([null], TrainerSpec.ParseList("perceptron", "--trainers").Select(s => s.L2));
    }

    [Theory]
    [InlineData("svm:l2=2e-4", new[] { "svm:l2=2e-4" })]
    [InlineData(" svm : l2 = 0.0002 ", new[] { "svm:l2=2e-4" })]
    [InlineData("svm:L2=2.5E-4", new[] { "svm:l2=2.5e-4" })]
    [InlineData("svm:l2=1e-4/3e-4,lbfgs:l2=1e-3", new[] { "svm:l2=1e-4", "svm:l2=3e-4", "lbfgs:l2=1e-3" })]
    [InlineData("perceptron,svm:l2=1", new[] { "perceptron", "svm:l2=1e0" })]
    public void ASpecWithAPenaltyGivesThosePenaltiesInOrder(string value, string[] expected) =>
        Assert.Equal(expected, Parse(value));

    [Fact]
    public void ASpecReadsBackAsItself()
    {
        foreach (var spec in TrainerSpec.ParseList("svm,lbfgs,perceptron,svm:l2=2.5e-4", "--trainers"))
            Assert.Equal([spec], TrainerSpec.ParseList(spec.ToString(), "--trainers"));
    }

    [Theory]
    [InlineData("svm:l2=abc", "--trainers: 'svm:l2=abc': the L2 penalty 'abc' is not a positive number; expected for example svm:l2=2e-4.")]
    [InlineData("svm:l2=", "--trainers: 'svm:l2=': the L2 penalty '' is not a positive number; expected for example svm:l2=2e-4.")]
    [InlineData("svm:l2=-1e-4", "--trainers: 'svm:l2=-1e-4': the L2 penalty '-1e-4' is not a positive number")]
    [InlineData("svm:l2=0", "--trainers: 'svm:l2=0': the L2 penalty '0' is not a positive number")]
    [InlineData("svm:l2=NaN", "--trainers: 'svm:l2=NaN': the L2 penalty 'NaN' is not a positive number")]
    [InlineData("svm:l2=1e-4//3e-4", "--trainers: 'svm:l2=1e-4//3e-4': the L2 penalty '' is not a positive number")]
    [InlineData("svm:c=1", "--trainers: 'svm:c=1': expected 'svm:l2=VALUE' (for example svm:l2=2e-4, or svm:l2=1e-4/3e-4 for several).")]
    [InlineData("svm:", "--trainers: 'svm:': expected 'svm:l2=VALUE'")]
    [InlineData("svm:2e-4", "--trainers: 'svm:2e-4': expected 'svm:l2=VALUE'")]
    [InlineData("perceptron:l2=1e-3", "--trainers: 'perceptron:l2=1e-3': trainer 'perceptron' takes no settings; only svm, lbfgs take l2=VALUE.")]
    [InlineData("svn:l2=1e-4", "--trainers: unknown trainer 'svn' in 'svn:l2=1e-4'; expected one of sdca, lbfgs, svm, perceptron, fasttree.")]
    [InlineData("svm,,lbfgs", "--trainers: an empty trainer in the list; expected comma-separated trainers such as 'svm,lbfgs' or 'svm:l2=2e-4'.")]
    [InlineData("", "--trainers: an empty trainer in the list")]
    [InlineData("svm,svm:l2=2e-4", "--trainers: 'svm:l2=2e-4' is listed twice (a trainer named alone stands for its whole L2 grid: svm is svm:l2=2e-4,")]
    [InlineData("lbfgs:l2=1e-3/0.001", "--trainers: 'lbfgs:l2=1e-3' is listed twice")]
    public void ABadSpecIsRefusedNamingTheOptionAndWhatItExpects(string value, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => TrainerSpec.ParseList(value, "--trainers"));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Null(error.ParamName);
    }

    [Fact]
    public void TheTrainerRefusesABadSpecInItsOptions()
    {
        var trainer = new TextClassifierTrainer(new TextTrainingOptions { Featurizers = ["tfidf"], Trainers = ["svm:l2=x"], Folds = 2 });

        var error = Assert.Throws<ArgumentException>(() => trainer.Train(TextClassifierTrainerTests.Rows(), ["paragraph"]));
        Assert.StartsWith("Trainers: 'svm:l2=x': the L2 penalty 'x' is not a positive number", error.Message, StringComparison.Ordinal);
    }
}
