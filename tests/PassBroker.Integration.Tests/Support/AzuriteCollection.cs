using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Integration.Tests.Support;

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
