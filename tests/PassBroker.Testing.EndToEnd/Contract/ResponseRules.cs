using System.Text.Json;
using PassBroker.Emulator.Infrastructure;

namespace PassBroker.Testing.EndToEnd.Contract;

/// <summary>Checks one response: a status the OpenAPI or the page lists, a JSON media type, a body that fits its schema.</summary>
internal sealed class ResponseRules(AdobeSchemas schemas)
{
    public IEnumerable<string> Check(UpstreamExchange exchange, EndpointHeaders row, OpenApiOperation? operation)
    {
        var status = exchange.Status;
        if (operation?.DeclaresStatus(status) != true && !PageRules.ListsStatus(row, status))
        {
            return [$"status {status} is in neither {operation?.Location(exchange.Method) ?? "an OpenAPI document"} nor page {row.Page}"];
        }

        if (exchange.ResponseBody.Length == 0)
        {
            return status == 204 ? [] : [$"status {status} came without a body"];
        }

        if (status == 204)
        {
            return ["a 204 came with a body"];
        }

        var mediaType = HeaderFormats.MediaType(exchange.ResponseContentType ?? "");
        if (mediaType != "application/json")
        {
            return [$"response Content-Type '{exchange.ResponseContentType}' is not application/json"];
        }

        var schema = operation?.ResponseSchema(status) ?? PageRules.ErrorSchema(row, status);
        if (schema is null)
        {
            return [$"no documented body for status {status}"];
        }

        try
        {
            using var body = JsonDocument.Parse(exchange.ResponseBody);
            return schemas.Validate(schema, body.RootElement).Select(problem => $"response body ({status}) {problem}");
        }
        catch (JsonException e)
        {
            return [$"response body is not JSON: {e.Message}"];
        }
    }
}
