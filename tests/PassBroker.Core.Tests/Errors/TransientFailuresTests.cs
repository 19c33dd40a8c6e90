using PassBroker.Core.Errors;
using PassBroker.Core.Upstream;

namespace PassBroker.Core.Tests.Errors;

public sealed class TransientFailuresTests
{
    public static TheoryData<Exception> Transient() =>
    [
        new StoreUnavailableException("Table storage did not serve table 'sessions'."),
        new ConcurrencyConflictException("The session kept changing while it was being ended."),
        new TimeoutException(),
        new SlowAnswerException(),
        new AggregateException(new StoreUnavailableException(), new TimeoutException()),
    ];

    public static TheoryData<Exception> NotTransient() =>
    [
        new InvalidOperationException("A bug."),
        new NullReferenceException(),
        new ArgumentException("Bad input."),
        // Transient or not, an upstream failure is not classified by its type (see TransientFailures' remarks).
        new AdobePassException(UpstreamFailure.Unavailable, 503, null),
        new AdobePassException(UpstreamFailure.Rejected, 400, null),
        // Whatever it wraps: a wrapper is a failure of its own.
        new InvalidOperationException("Wrapped.", new StoreUnavailableException()),
        new AggregateException(new StoreUnavailableException(), new InvalidOperationException()),
        new AggregateException(),
    ];

    [Theory]
    [MemberData(nameof(Transient))]
    public void IsTransient_FailureThatMayPass_IsTrue(Exception exception) => Assert.True(TransientFailures.IsTransient(exception));

    [Theory]
    [MemberData(nameof(NotTransient))]
    public void IsTransient_FailureThatWaitingDoesNotFix_IsFalse(Exception exception) => Assert.False(TransientFailures.IsTransient(exception));

    [Fact]
    public void IsTransient_KnownOnlyByType_AsksAboutEachTransientType()
    {
        // As Durable's TaskFailureDetails.IsCausedBy answers: the type or one of its base types.
        static Func<Type, bool> CausedBy(Type thrown) => thrown.IsAssignableTo;

        Assert.True(TransientFailures.IsTransient(CausedBy(typeof(StoreUnavailableException))));
        Assert.True(TransientFailures.IsTransient(CausedBy(typeof(SlowAnswerException))));
        Assert.False(TransientFailures.IsTransient(CausedBy(typeof(InvalidOperationException))));
        Assert.False(TransientFailures.IsTransient(CausedBy(typeof(AdobePassException))));
    }

    private sealed class SlowAnswerException : TimeoutException;
}
