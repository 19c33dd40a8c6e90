using PassBroker.Core.Brands;
using PassBroker.Core.Sessions;

namespace PassBroker.Storage.Tests.Support;

/// <summary>The code lookup as a single-brand deployment makes it: under the default brand only.</summary>
internal static class DefaultBrandCodes
{
    public static async Task<AuthenticationSession?> FindByCodeAsync(this ISessionStore store, string code, CancellationToken cancellationToken) =>
        (await store.FindByCodeAsync(code, [BrandKeys.Default], cancellationToken)).SingleOrDefault();
}
