namespace PassBroker.Core.Common;

/// <summary>A dependency the health route reports on (storage, …). Must be cheap: it runs on every health probe.</summary>
public interface IReadinessCheck
{
    string Name { get; }

    /// <summary>True when the dependency answers.</summary>
    Task<bool> IsReadyAsync(CancellationToken cancellationToken);
}
