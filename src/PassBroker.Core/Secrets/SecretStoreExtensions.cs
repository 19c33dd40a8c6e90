namespace PassBroker.Core.Secrets;

public static class SecretStoreExtensions
{
    /// <summary>The secret's value; <see cref="MissingSecretException"/> when the store has none of that name.</summary>
    /// <param name="store">The secret store.</param>
    /// <param name="name">The secret's name.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public static async Task<string> RequireAsync(this ISecretStore store, string name, CancellationToken cancellationToken) =>
        await store.GetAsync(name, cancellationToken) ?? throw MissingSecretException.For(name);
}
