namespace PassBroker.Core.Errors;

/// <summary>A store write lost an optimistic-concurrency race (ETag mismatch, or the key already exists).</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException() { }
    public ConcurrencyConflictException(string message) : base(message) { }
    public ConcurrencyConflictException(string message, Exception innerException) : base(message, innerException) { }
}
