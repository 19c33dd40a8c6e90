using PassBroker.Core.Upstream;

namespace PassBroker.Core.Errors;

/// <summary>
/// The one place that says which failures may pass by themselves, so that doing the same work again later is worth
/// it: storage that did not answer (<see cref="StoreUnavailableException"/>, which Storage throws for 5xx, 408, 429
/// and network errors), an optimistic-concurrency race lost to another writer (reading again decides), a timeout.
/// Anything else (a bug, a configuration error, a refusal) fails the same way every time and must surface at once.
/// </summary>
/// <remarks>
/// Decided by exception type alone, because the type is all a failure keeps when it crosses to a Durable orchestration
/// (<c>TaskFailureDetails.IsCausedBy</c>). That is also why an upstream failure is not in the list: whether an
/// <see cref="AdobePassException"/> may pass depends on Adobe's answer, not on its type, so the activities that call
/// Adobe turn a transient one into their result (<c>CheckSignInActivity</c>: the sign-in stays pending) and one that
/// escapes an activity is a refusal.
/// </remarks>
public static class TransientFailures
{
    /// <summary>The exception types (and their subclasses) that are transient.</summary>
    public static IReadOnlyList<Type> Types { get; } =
        [typeof(StoreUnavailableException), typeof(ConcurrencyConflictException), typeof(TimeoutException)];

    /// <summary>Whether <paramref name="exception"/> may pass if the same work is tried again later.</summary>
    public static bool IsTransient(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is AggregateException { InnerExceptions: { Count: > 0 } inner }
            ? inner.All(IsTransient)
            : IsTransient(exception.GetType().IsAssignableTo);
    }

    /// <summary>Whether a failure known only by its type may pass.</summary>
    /// <param name="isCausedBy">Whether the failure is of the given exception type or a subclass of it (Durable's
    /// <c>TaskFailureDetails.IsCausedBy</c>).</param>
    public static bool IsTransient(Func<Type, bool> isCausedBy)
    {
        ArgumentNullException.ThrowIfNull(isCausedBy);
        return Types.Any(isCausedBy);
    }
}
