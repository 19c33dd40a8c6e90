namespace PassBroker.DevHost.LocalDependencies;

/// <summary>Azurite did not come up; the message holds what it printed.</summary>
public sealed class AzuriteStartException : DevHostStartException
{
    public AzuriteStartException() { }
    public AzuriteStartException(string message) : base(message) { }
    public AzuriteStartException(string message, Exception innerException) : base(message, innerException) { }
}
