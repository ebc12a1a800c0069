[assembly: AssemblyFixture(typeof(DefaultService))]
