using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Browser.Tests.Support;

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
