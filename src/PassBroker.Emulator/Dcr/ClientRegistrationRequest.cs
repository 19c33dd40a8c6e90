using System.Text.Json;

namespace PassBroker.Emulator.Dcr;

/// <summary>
/// The register body <c>{software_statement, redirect_uri?}</c>, read leniently: a missing or malformed body binds
/// to an empty request, so the handler can answer DCR's own <c>invalid_request</c> instead of a bare 400.
/// </summary>
internal sealed record ClientRegistrationRequest(string? SoftwareStatement, string? RedirectUri)
{
    public static async ValueTask<ClientRegistrationRequest?> BindAsync(HttpContext context)
    {
        var empty = new ClientRegistrationRequest(null, null);

        // HasJsonContentType accepts "application/json" with or without a charset (the [SPEC] and [DOC] differ).
        if (!context.Request.HasJsonContentType())
        {
            return empty;
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                ? new ClientRegistrationRequest(ReadString(root, "software_statement"), ReadString(root, "redirect_uri"))
                : empty;
        }
        catch (JsonException)
        {
            return empty;
        }
    }

    private static string? ReadString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
