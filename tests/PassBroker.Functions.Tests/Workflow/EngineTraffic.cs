using Grpc.Core;
using Grpc.Core.Interceptors;
using P = Microsoft.DurableTask.Protobuf;

namespace PassBroker.Functions.Tests.Workflow;

/// <summary>
/// What passes between the engine and the worker, seen from the worker's gRPC client: the history the engine hands
/// over at every episode, and the new actions the orchestrator answers with. It stands in for
/// <c>DurableTaskClient.GetOrchestrationHistoryAsync</c>, which the 0.2.3-preview.1 test host answers with no events
/// (its StreamInstanceHistory serves only the worker's large-history work items).
/// </summary>
internal sealed class EngineTraffic : Interceptor
{
    private readonly Dictionary<string, P.OrchestratorRequest> _lastEpisode = [];
    private readonly Dictionary<string, List<P.OrchestratorAction>> _actions = [];

    /// <summary>The history the last episode of the instance replayed and received (past and new events). What that
    /// episode itself did is in <see cref="Actions"/>, not here.</summary>
    public IReadOnlyList<P.HistoryEvent> History(string instanceId)
    {
        lock (_lastEpisode)
        {
            return _lastEpisode.TryGetValue(instanceId, out var request) ? [.. request.PastEvents, .. request.NewEvents] : [];
        }
    }

    /// <summary>Every action the orchestrator sent for the instance, in order. An episode sends only what its history
    /// does not already hold, so a replay that re-ran an activity or a timer would show here twice.</summary>
    public IReadOnlyList<P.OrchestratorAction> Actions(string instanceId)
    {
        lock (_lastEpisode)
        {
            return _actions.TryGetValue(instanceId, out var actions) ? [.. actions] : [];
        }
    }

    // The worker's GetWorkItems stream: orchestration work items carry the instance's history.
    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var call = continuation(request, context);
        return new AsyncServerStreamingCall<TResponse>(
            new RecordingReader<TResponse>(call.ResponseStream, this), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    // CompleteOrchestratorTask: the episode's result.
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        if (request is P.OrchestratorResponse response)
        {
            lock (_lastEpisode)
            {
                if (!_actions.TryGetValue(response.InstanceId, out var actions))
                {
                    _actions[response.InstanceId] = actions = [];
                }
                actions.AddRange(response.Actions);
            }
        }
        return continuation(request, context);
    }

    private void Received(object? message)
    {
        if (message is P.WorkItem { OrchestratorRequest: { } request })
        {
            lock (_lastEpisode)
            {
                _lastEpisode[request.InstanceId] = request;
            }
        }
    }

    private sealed class RecordingReader<T>(IAsyncStreamReader<T> inner, EngineTraffic traffic) : IAsyncStreamReader<T>
    {
        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            var moved = await inner.MoveNext(cancellationToken);
            if (moved)
            {
                traffic.Received(inner.Current);
            }
            return moved;
        }
    }
}
