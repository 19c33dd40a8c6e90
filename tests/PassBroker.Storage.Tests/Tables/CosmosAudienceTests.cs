using Azure.Core;
using Azure.Data.Tables;

namespace PassBroker.Storage.Tests.Tables;

/// <summary>
/// The multi-region deployment points Storage:ConnectionString at Cosmos DB for Table's endpoint and relies on the
/// Tables SDK asking Entra ID for Cosmos DB's audience there, and Storage's on a storage endpoint (docs/deployment.md).
/// The credential records the scope and stops the request before anything is sent.
/// </summary>
public sealed class CosmosAudienceTests
{
    [Theory]
    [InlineData("https://cosmos-abc-westus2.table.cosmos.azure.com:443/", "https://cosmos.azure.com/.default")]
    [InlineData("https://stabc.table.core.windows.net/", "https://storage.azure.com/.default")]
    public async Task The_sdk_asks_for_the_audience_of_the_endpoint(string endpoint, string scope)
    {
        var credential = new RecordingCredential();
        var table = new TableServiceClient(new Uri(endpoint), credential).GetTableClient("devices");

        await Assert.ThrowsAsync<StoppedException>(() => table.GetEntityIfExistsAsync<TableEntity>("p", "r"));

        Assert.Equal([scope], credential.Scopes);
    }

    private sealed class StoppedException : Exception;

    private sealed class RecordingCredential : TokenCredential
    {
        public string[] Scopes { get; private set; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes = requestContext.Scopes;
            throw new StoppedException();
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
