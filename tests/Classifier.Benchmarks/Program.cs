using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;
using Classifier.Benchmarks;

// Takes BenchmarkDotNet's usual arguments: --filter '*Reader*', --list flat, --inProcess, --job short, --artifacts DIR, ...
var config = DefaultConfig.Instance
    .AddColumn(new ThroughputColumn())
    .AddDiagnoser(MemoryDiagnoser.Default)
    .WithArtifactsPath(Path.Combine(Corpus.RepositoryRoot, "tests", "Classifier.Benchmarks", "BenchmarkDotNet.Artifacts"));

BenchmarkSwitcher.FromAssembly(typeof(ThroughputColumn).Assembly).Run(args, config);
