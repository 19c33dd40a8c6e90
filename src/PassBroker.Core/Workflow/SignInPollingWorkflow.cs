namespace PassBroker.Core.Workflow;

/// <summary>
/// Polls Adobe's <c>/profiles/code/{code}</c> until the user has signed in, the code expires, or a newer sign-in of
/// the same device replaces it (adobe-pass-v2.md section 4.4). Deterministic: replayable by Durable Functions.
/// </summary>
public static class SignInPollingWorkflow
{
    public const string Name = "SignInPolling";

    /// <summary>Polls per workflow generation before <see cref="IWorkflowContext.ContinueAsNew"/> trims the history.
    /// 30 minutes at 15 s is 120 polls; Durable replays the whole history at every timer, so keep it short.</summary>
    public const int PollsPerGeneration = 20;

    public static async Task<SignInCheck?> RunAsync(IWorkflowContext context, SignInPollInput input)
    {
        for (var polls = 0; polls < PollsPerGeneration; polls++)
        {
            // The user cannot have signed in the instant the code was issued, so each round waits first.
            var now = context.CurrentUtcDateTime;
            var fireAt = Min(now + input.PollInterval, input.ExpiresAt);
            if (fireAt > now)
            {
                await context.CreateTimer(fireAt, CancellationToken.None);
            }

            var check = await context.CallActivityAsync<SignInCheck>(WorkflowActivities.CheckSignIn, input);
            context.SetCustomStatus(new { status = check.Status.ToString(), polls = input.PollsSoFar + polls + 1 });
            if (check.IsFinal)
            {
                return check;
            }

            if (context.CurrentUtcDateTime >= input.ExpiresAt)
            {
                return await context.CallActivityAsync<SignInCheck>(WorkflowActivities.ExpireSignIn, input);
            }
        }

        context.ContinueAsNew(input with { PollsSoFar = input.PollsSoFar + PollsPerGeneration });
        return null;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
