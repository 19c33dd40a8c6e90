using PassBroker.Core.Errors;

namespace PassBroker.Core.Workflow;

/// <summary>What a workflow knows of a failed activity: its exception's type name, and whether trying again later may
/// succeed (<see cref="TransientFailures"/>).</summary>
/// <param name="Type">The full name of the activity's exception type; safe to log (no message, no data).</param>
/// <param name="IsTransient">Whether the failure may pass by itself.</param>
public sealed record WorkflowFailure(string Type, bool IsTransient)
{
    /// <summary>The failure an activity's own exception describes (in-process, nothing wraps it).</summary>
    public static WorkflowFailure Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var type = exception.GetType();
        return new WorkflowFailure(type.FullName ?? type.Name, TransientFailures.IsTransient(exception));
    }
}
