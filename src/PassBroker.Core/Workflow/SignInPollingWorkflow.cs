namespace PassBroker.Core.Workflow;

/// <summary>
/// Polls Adobe (<c>/profiles/{mvpd}</c>, or <c>/profiles/code/{code}</c> when the MVPD is picked on the second screen)
/// until the user has signed in, the code expires, or a newer sign-in of the same device replaces it (adobe-pass-v2.md
/// section 4.4). Deterministic: replayable by Durable Functions.
/// A failed activity is retried only when the failure may pass (<see cref="Errors.TransientFailures"/>), with a log line
/// per failed round; any other failure is logged, marks the sign-in failed and fails the workflow at once.
/// </summary>
public static class SignInPollingWorkflow
{
    public const string Name = "SignInPolling";

    /// <summary>Polls per workflow generation before <see cref="IWorkflowContext.ContinueAsNew"/> trims the history.
    /// 30 minutes at 15 s is 120 polls; Durable replays the whole history at every timer, so keep it short.</summary>
    public const int PollsPerGeneration = 20;

    /// <summary>
    /// How long after the code's expiry a workflow whose activities keep failing transiently stops retrying and fails
    /// (the session then stays as storage last had it). Past the expiry only the expiring write is left to do.
    /// </summary>
    public static readonly TimeSpan GiveUpAfterExpiry = TimeSpan.FromHours(1);

    public static async Task<SignInCheck?> RunAsync(IWorkflowContext context, SignInPollInput input)
    {
        var failures = input.FailuresSoFar;
        for (var round = 0; round < PollsPerGeneration; round++)
        {
            // The user cannot have signed in the instant the code was issued, so each round waits first: the poll
            // interval, or after a failed activity (storage or the host down) a jittered back-off. Polling never waits
            // past the expiry; only retrying the final write does.
            var now = context.CurrentUtcDateTime;
            var fireAt = NextRoundAt(input, now, failures, round);
            if (fireAt > now)
            {
                await context.CreateTimer(fireAt, CancellationToken.None);
            }

            var polls = input.PollsSoFar + round + 1;
            try
            {
                // A retry past the deadline goes straight to the expiring write: the code is dead, no need to ask Adobe.
                var onlyExpire = failures > 0 && context.CurrentUtcDateTime >= input.ExpiresAt;
                var check = onlyExpire
                    ? await context.CallActivityAsync<SignInCheck>(WorkflowActivities.ExpireSignIn, input)
                    : await PollOrExpireAsync(context, input, polls);
                if (check is not null)
                {
                    return check;
                }
                failures = 0;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Only a failure that may pass (storage down, a lost race, a timeout) is worth another round; the
                // session row is still the truth, so the next round simply tries again. Anything else would fail the
                // same way every round until the give-up point, so it stops the workflow now.
                var failure = context.DescribeFailure(exception);
                if (!failure.IsTransient)
                {
                    context.Logger.PollingFailed(exception, input.DeviceKey, failure.Type, polls);
                    await FailSignInAsync(context, input);
                    throw;
                }
                failures++;
                if (context.CurrentUtcDateTime >= input.ExpiresAt + GiveUpAfterExpiry)
                {
                    context.Logger.PollingGaveUp(exception, input.DeviceKey, failure.Type, failures);
                    throw;
                }
                context.Logger.PollingRoundFailed(input.DeviceKey, failure.Type, failures, polls);
                context.SetCustomStatus(new { status = "retrying", failures, polls, failure = failure.Type });
            }
        }

        context.ContinueAsNew(input with { PollsSoFar = input.PollsSoFar + PollsPerGeneration, FailuresSoFar = failures });
        return null;
    }

    /// <summary>
    /// Ends the session as failed, so the app learns now rather than at its own timeout. Best effort: if this fails too
    /// (the same fault, say), the session stays pending and the workflow's failure is what is reported.
    /// </summary>
    private static async Task FailSignInAsync(IWorkflowContext context, SignInPollInput input)
    {
        try
        {
            await context.CallActivityAsync<SignInCheck>(WorkflowActivities.FailSignIn, input);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.Logger.SignInNotFailed(input.DeviceKey, context.DescribeFailure(exception).Type);
        }
    }

    /// <summary>One poll, and the expiry when the deadline has come: the final check, or null to go on polling.</summary>
    private static async Task<SignInCheck?> PollOrExpireAsync(IWorkflowContext context, SignInPollInput input, int polls)
    {
        var check = await context.CallActivityAsync<SignInCheck>(WorkflowActivities.CheckSignIn, input);
        context.SetCustomStatus(new { status = check.Status.ToString(), polls });
        if (check.IsFinal)
        {
            return check;
        }
        return context.CurrentUtcDateTime >= input.ExpiresAt
            ? await context.CallActivityAsync<SignInCheck>(WorkflowActivities.ExpireSignIn, input)
            : null;
    }

    private static DateTimeOffset NextRoundAt(SignInPollInput input, DateTimeOffset now, int failures, int round)
    {
        if (failures == 0)
        {
            return Min(now + input.PollInterval, input.ExpiresAt);
        }
        var backoff = WorkflowBackoff.Delay(failures, WorkflowBackoff.ReplaySafeJitter(input.InstanceId, input.PollsSoFar + round));
        // Before the expiry a retry still makes the last poll at the deadline; after it, the retry waits its back-off.
        return now < input.ExpiresAt ? Min(now + backoff, input.ExpiresAt) : now + backoff;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
