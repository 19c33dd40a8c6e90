using System.Text;
using PassBroker.Emulator.Infrastructure;

namespace PassBroker.Testing.EndToEnd.Contract;

/// <summary>The outcome of checking a run's upstream exchanges against <see cref="UpstreamContract"/>.</summary>
public sealed class ContractReport
{
    public List<UpstreamExchange> Checked { get; } = [];

    public List<(UpstreamExchange Exchange, string Reason)> Excluded { get; } = [];

    public List<(UpstreamExchange Exchange, string Problem)> Violations { get; } = [];

    /// <summary>The endpoints (table rows) the checked exchanges reached.</summary>
    public IReadOnlySet<EndpointHeaders> Covered =>
        Checked.Select(e => RequiredHeaders.ForRequest(e.Method, e.Path)).OfType<EndpointHeaders>().ToHashSet();

    /// <summary>Fails with every violation, grouped by endpoint, when there is any.</summary>
    public void AssertKept()
    {
        if (Violations.Count == 0)
        {
            return;
        }

        var message = new StringBuilder($"{Violations.Count} upstream contract violation(s) in {Checked.Count} checked exchanges:");
        foreach (var group in Violations.GroupBy(v => $"{v.Exchange.Method} {v.Exchange.Path} -> {v.Exchange.Status}: {v.Problem}").Take(40))
        {
            message.Append($"\n  {group.Key}{(group.Count() > 1 ? $" (x{group.Count()})" : "")}");
        }

        Assert.Fail(message.ToString());
    }
}
