global using Classifier.Cli.Tests.Support;
global using Classifier.Tests.Support;
