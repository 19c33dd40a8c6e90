using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Storage.Tests.Support;

/// <summary>One Azurite for every test that needs it; each test isolates itself with its own table prefix.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
