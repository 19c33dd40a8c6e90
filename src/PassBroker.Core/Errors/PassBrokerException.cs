namespace PassBroker.Core.Errors;

/// <summary>
/// A request PassBroker refuses, with a stable machine-readable <see cref="Code"/> (see <see cref="ErrorCodes"/>).
/// Hosts turn it into an RFC 9457 Problem Details answer with <see cref="Status"/>.
/// </summary>
public sealed class PassBrokerException : Exception
{
    public PassBrokerException(int status, string code, string title, string? detail = null)
        : base(detail ?? title)
    {
        Status = status;
        Code = code;
        Title = title;
        Detail = detail;
    }

    public PassBrokerException() : this(500, ErrorCodes.InternalError, "Internal error") { }
    public PassBrokerException(string message) : this(500, ErrorCodes.InternalError, "Internal error", message) { }
    public PassBrokerException(string message, Exception innerException) : base(message, innerException)
    {
        Status = 500;
        Code = ErrorCodes.InternalError;
        Title = "Internal error";
    }

    public int Status { get; }
    public string Code { get; }
    public string Title { get; }
    public string? Detail { get; }

    /// <summary>Extra members for the problem body (e.g. which field was wrong, the upstream code).</summary>
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>();

    /// <summary>Seconds the caller should wait before trying again, for 429/503 answers.</summary>
    public int? RetryAfterSeconds { get; init; }

    public static PassBrokerException Validation(string field, string detail) =>
        new(400, ErrorCodes.ValidationFailed, "The request is not valid.", detail) { Extensions = { ["field"] = field } };

    public static PassBrokerException NotFound(string code, string detail) => new(404, code, "Not found.", detail);
}
