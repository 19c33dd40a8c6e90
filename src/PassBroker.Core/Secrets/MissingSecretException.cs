namespace PassBroker.Core.Secrets;

/// <summary>
/// A secret PassBroker cannot work without is not in the store: a deployment problem for the operators (503
/// <c>service_misconfigured</c>), not something the caller did.
/// </summary>
public sealed class MissingSecretException : Exception
{
    public MissingSecretException() { }
    public MissingSecretException(string message) : base(message) { }
    public MissingSecretException(string message, Exception innerException) : base(message, innerException) { }

    public static MissingSecretException For(string name) =>
        new($"Secret '{name}' is missing: add it to Key Vault (or Secrets:Values in development).") { SecretName = name };

    public string? SecretName { get; private init; }
}
