namespace PassBroker.Core.Workflow;

/// <summary>Activity names, shared by the workflow and by both hosts' activity registrations.</summary>
public static class WorkflowActivities
{
    /// <summary>Polls Adobe once for the session's profile and records what it finds. Input <see cref="SignInPollInput"/>,
    /// output <see cref="SignInCheck"/>.</summary>
    public const string CheckSignIn = nameof(CheckSignIn);

    /// <summary>Marks a still-pending session expired. Input <see cref="SignInPollInput"/>, output <see cref="SignInCheck"/>.</summary>
    public const string ExpireSignIn = nameof(ExpireSignIn);

    /// <summary>Marks a still-pending session failed when polling stops on a failure that waiting cannot fix. Input
    /// <see cref="SignInPollInput"/>, output <see cref="SignInCheck"/>.</summary>
    public const string FailSignIn = nameof(FailSignIn);
}
