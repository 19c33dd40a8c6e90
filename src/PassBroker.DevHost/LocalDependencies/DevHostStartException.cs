namespace PassBroker.DevHost.LocalDependencies;

/// <summary>
/// The local run cannot start for a reason the developer can fix; the message says how. <c>Program</c> prints it alone,
/// without a stack trace.
/// </summary>
public class DevHostStartException : Exception
{
    public DevHostStartException() { }
    public DevHostStartException(string message) : base(message) { }
    public DevHostStartException(string message, Exception innerException) : base(message, innerException) { }
}
