using PassBroker.Emulator.Infrastructure;

namespace PassBroker.Testing.EndToEnd.Contract;

/// <summary>
/// Adobe's contract for PassBroker's upstream exchanges: the OpenAPI documents (Contract/Adobe), the emulator's table of
/// documented required headers (<see cref="RequiredHeaders"/>) and the page rules (<see cref="PageRules"/>).
/// </summary>
public sealed class UpstreamContract
{
    private static readonly Lazy<UpstreamContract> Default = new(() => new UpstreamContract("TempPassPromo_REF30"));
    private readonly OpenApiDocument _rest = OpenApiDocument.Load("rest-api-v2.openapi.json", "/api/v2");
    private readonly OpenApiDocument _dcr = OpenApiDocument.Load("dcr-api.openapi.json", "/o");
    private readonly AdobeSchemas _restSchemas;
    private readonly AdobeSchemas _dcrSchemas;
    private readonly string _promotionalTempPassMvpd;

    /// <param name="promotionalTempPassMvpd">The MVPD whose calls need <c>AP-TempPass-Identity</c>.</param>
    public UpstreamContract(string promotionalTempPassMvpd)
    {
        _restSchemas = new AdobeSchemas(_rest);
        _dcrSchemas = new AdobeSchemas(_dcr);
        _promotionalTempPassMvpd = promotionalTempPassMvpd;
    }

    /// <summary>The contract with the test settings' promotional TempPass MVPD (<c>TempPass:PromotionalMvpd</c>).</summary>
    public static UpstreamContract ForTests => Default.Value;

    /// <summary>
    /// Why an exchange is not PassBroker's to answer for, or null when it is checked: answers the emulator's fault layer
    /// wrote (throttling, injected statuses, resets, timeouts: not Adobe's API), and the authenticate endpoint, which the
    /// user's browser opens, never PassBroker.
    /// </summary>
    public static string? Exclusion(UpstreamExchange exchange) =>
        exchange.InjectedFault is { } fault ? $"injected by the emulator's fault layer ({fault})"
        : RequiredHeaders.ForRequest(exchange.Method, exchange.Path) is { UserAgentOnly: true } ? "opened by the user agent"
        : null;

    /// <summary>Every way the exchange breaks the contract; empty when it keeps it.</summary>
    public IReadOnlyList<string> Check(UpstreamExchange exchange)
    {
        if (RequiredHeaders.ForRequest(exchange.Method, exchange.Path) is not { } row)
        {
            return ["no such endpoint in Adobe's documents"];
        }

        var document = row.Api == AdobeApi.Dcr ? _dcr : _rest;
        var schemas = row.Api == AdobeApi.Dcr ? _dcrSchemas : _restSchemas;
        var operation = document.Find(exchange.Method, exchange.Path);
        if (operation is null && row.Api != AdobeApi.TempPassReset)
        {
            return [$"{exchange.Method} {exchange.Path} is not an operation of {document.Name}"];
        }

        return [.. new RequestRules(schemas, _promotionalTempPassMvpd).Check(exchange, row, operation)
            .Concat(new ResponseRules(schemas).Check(exchange, row, operation))];
    }

    /// <summary>Checks every exchange that is PassBroker's; the report lists the violations and what was left out.</summary>
    public ContractReport Check(IEnumerable<UpstreamExchange> exchanges)
    {
        var report = new ContractReport();
        foreach (var exchange in exchanges)
        {
            if (Exclusion(exchange) is { } reason)
            {
                report.Excluded.Add((exchange, reason));
                continue;
            }

            report.Checked.Add(exchange);
            report.Violations.AddRange(Check(exchange).Select(problem => (exchange, problem)));
        }

        return report;
    }
}
