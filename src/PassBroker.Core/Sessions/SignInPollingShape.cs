namespace PassBroker.Core.Sessions;

/// <summary>How pending sign-ins are polled (<c>SignIn:PollingShape</c>).</summary>
public enum SignInPollingShape
{
    /// <summary>One polling workflow per pending sign-in (<see cref="Workflow.SignInPollingWorkflow"/>).</summary>
    PerSignIn,

    /// <summary>A fixed set of shard workflows polling a table of pending sign-ins (<see cref="Workflow.Sharded.ShardPollingWorkflow"/>).</summary>
    Sharded,
}
