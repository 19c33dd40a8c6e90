using System.Text.Json;

namespace PassBroker.Emulator.Decisions;

/// <summary>
/// The decisions body <c>{"resources":["r1",…]}</c> (OpenAPI <c>retrieveAuthorizeDecisionsForMvpdUsingPOST_request</c>).
/// Binding never fails: a bad body becomes <see cref="Problem"/>, so the handler can answer Adobe's
/// <c>invalid_parameter_resources</c> after it has checked the headers.
/// </summary>
internal sealed record ResourcesRequest(IReadOnlyList<string> Resources, string? Problem)
{
    public const string ResourcesKey = "resources";

    public static async ValueTask<ResourcesRequest?> BindAsync(HttpContext context)
    {
        // Any charset parameter is fine: Adobe's docs ask for ";charset=utf-8", their samples send plain application/json.
        if (!context.Request.HasJsonContentType())
        {
            return Invalid("The body must be sent as Content-Type: application/json.");
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            return Read(document.RootElement);
        }
        catch (JsonException)
        {
            return Invalid("The body is not valid JSON.");
        }
    }

    private static ResourcesRequest Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty(ResourcesKey, out var array)
            || array.ValueKind != JsonValueKind.Array)
        {
            return Invalid("The body must be a JSON object with a 'resources' array.");
        }

        var resources = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                return Invalid("Every resource must be a non-empty string (a resource id or MRSS).");
            }

            resources.Add(item.GetString()!);
        }

        return resources.Count == 0 ? Invalid("The 'resources' array must not be empty.") : new ResourcesRequest(resources, null);
    }

    private static ResourcesRequest Invalid(string problem) => new([], problem);
}
