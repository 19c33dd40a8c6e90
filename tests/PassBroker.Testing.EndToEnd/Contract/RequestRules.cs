using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using PassBroker.Emulator.Infrastructure;

namespace PassBroker.Testing.EndToEnd.Contract;

/// <summary>Checks one request against the header table, the page rules and the OpenAPI operation.</summary>
internal sealed class RequestRules(AdobeSchemas schemas, string promotionalTempPassMvpd)
{
    private static readonly string[] DeviceHeaders = [AdobeHeaders.DeviceIdentifier, AdobeHeaders.DeviceInfo];

    public IEnumerable<string> Check(UpstreamExchange exchange, EndpointHeaders row, OpenApiOperation? operation) =>
        Headers(exchange, row, operation).Concat(Query(exchange, row, operation)).Concat(Body(exchange, row, operation));

    private IEnumerable<string> Headers(UpstreamExchange exchange, EndpointHeaders row, OpenApiOperation? operation)
    {
        foreach (var header in row.Required.Where(h => exchange.Header(h) is null))
        {
            yield return $"missing required header {header} (page {row.Page})";
        }

        var specRequired = operation?.Parameters.Where(p => p is { In: "header", Required: true }).Select(p => p.Name) ?? [];
        foreach (var header in specRequired.Where(h => !row.Requires(h) && exchange.Header(h) is null))
        {
            yield return $"missing required header {header} ({operation!.Location(exchange.Method)})";
        }

        foreach (var problem in Formats(exchange))
        {
            yield return problem;
        }

        if (row.Api == AdobeApi.RestApiV2 && exchange.Header(AdobeHeaders.ForwardedFor) is null)
        {
            yield return "missing X-Forwarded-For: every page lists it for server-to-server calls, and the S2S cookbook requires the device IP";
        }

        foreach (var header in DeviceHeaders.Where(h => !row.Requires(h) && exchange.Header(h) is not null))
        {
            yield return $"undocumented header {header}: page {row.Page} does not list it (the checklist: send only documented headers)";
        }

        var identity = exchange.Header(AdobeHeaders.TempPassIdentity);
        if (identity is not null && !PageRules.ListsTempPassIdentity(row))
        {
            yield return $"undocumented header {AdobeHeaders.TempPassIdentity}: page {row.Page} does not list it";
        }

        if (identity is null && PageRules.NeedsTempPassIdentity(row) && exchange.Path.EndsWith("/" + promotionalTempPassMvpd, StringComparison.Ordinal))
        {
            yield return $"missing {AdobeHeaders.TempPassIdentity}, which a promotional TempPass MVPD needs";
        }
    }

    private static IEnumerable<string> Formats(UpstreamExchange exchange)
    {
        (string Name, Func<string, IEnumerable<string>> Check)[] formats =
        [
            (AdobeHeaders.Authorization, HeaderFormats.Authorization),
            (AdobeHeaders.DeviceIdentifier, HeaderFormats.DeviceIdentifier),
            (AdobeHeaders.DeviceInfo, HeaderFormats.DeviceInfo),
            (AdobeHeaders.ForwardedFor, HeaderFormats.ForwardedFor),
            (AdobeHeaders.TempPassIdentity, HeaderFormats.TempPassIdentity),
            ("Accept", HeaderFormats.Accept),
        ];
        return formats.Where(f => exchange.Header(f.Name) is not null)
            .SelectMany(f => f.Check(exchange.Header(f.Name)!).Select(problem => $"header {f.Name} {problem}"));
    }

    private static IEnumerable<string> Query(UpstreamExchange exchange, EndpointHeaders row, OpenApiOperation? operation)
    {
        var documented = PageRules.QueryParameters(row)
            ?? operation?.Parameters.Where(p => p.In == "query").ToDictionary(p => p.Name, p => p.Required)
            ?? new Dictionary<string, bool>();
        var sent = QueryHelpers.ParseQuery(exchange.Query);
        return documented.Where(p => p.Value && string.IsNullOrEmpty(sent.GetValueOrDefault(p.Key).ToString()))
            .Select(p => $"missing required query parameter {p.Key}")
            .Concat(sent.Keys.Where(k => !documented.ContainsKey(k)).Select(k => $"undocumented query parameter {k}"));
    }

    private IEnumerable<string> Body(UpstreamExchange exchange, EndpointHeaders row, OpenApiOperation? operation)
    {
        if (row.MediaType is null)
        {
            return exchange.RequestBody.Length == 0 ? [] : ["a body on a call that takes none"];
        }

        var contentType = exchange.Header(AdobeHeaders.ContentType) ?? "";
        if (HeaderFormats.MediaType(contentType) != row.MediaType)
        {
            return [$"Content-Type '{contentType}' is not {row.MediaType}"];
        }

        if (contentType.Contains("charset", StringComparison.OrdinalIgnoreCase) && !contentType.Contains("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return [$"Content-Type '{contentType}' names a charset other than utf-8"];
        }

        var schema = (row.MediaType == RequiredHeaders.Form ? PageRules.FormSchema(row) : null) ?? operation?.RequestSchema(row.MediaType);
        if (schema is null || Body(exchange, row.MediaType) is not { } body)
        {
            return schema is null ? [$"no documented body schema for {row.MediaType}"] : ["the body does not parse as " + row.MediaType];
        }

        return schemas.Validate(schema, body).Select(problem => "request body " + problem);
    }

    private static JsonElement? Body(UpstreamExchange exchange, string mediaType)
    {
        try
        {
            var node = mediaType == RequiredHeaders.Json
                ? JsonNode.Parse(exchange.RequestBody)
                : new JsonObject(QueryHelpers.ParseQuery(exchange.RequestText).Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value.ToString())));
            return JsonSerializer.SerializeToElement(node);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
