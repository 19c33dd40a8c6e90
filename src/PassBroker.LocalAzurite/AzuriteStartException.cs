namespace PassBroker.LocalAzurite;

/// <summary>Azurite did not come up; the message holds what it printed. The DevHost tells it as a start-up problem
/// (<c>DevHostStartException</c>); the test fixtures retry on a port taken meanwhile.</summary>
public sealed class AzuriteStartException : Exception
{
    public AzuriteStartException() { }
    public AzuriteStartException(string message) : base(message) { }
    public AzuriteStartException(string message, Exception innerException) : base(message, innerException) { }
}
