namespace PassBroker.Core.Errors;

/// <summary>The storage service did not answer (down, throttled, unreachable). Hosts answer 503 with Retry-After.</summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException() { }
    public StoreUnavailableException(string message) : base(message) { }
    public StoreUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
