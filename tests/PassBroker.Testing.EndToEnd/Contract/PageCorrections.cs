using System.Text.Json.Nodes;

namespace PassBroker.Testing.EndToEnd.Contract;

/// <summary>
/// Where Adobe's API page and its OpenAPI schema disagree, the page wins (docs/adobe-pass-conformance.md names both
/// sources for each). Applied to the converted <c>$defs</c> of both documents.
/// </summary>
internal static class PageCorrections
{
    public static void Apply(JsonObject defs)
    {
        // ErrorInformation.message is "$ref Message" (an empty object type) in the OpenAPI; every page and sample has a string.
        Replace(defs, "Message", new JsonObject { ["type"] = "string" });

        // UserMetadataResponse.value is an object in the OpenAPI; the profiles pages allow "simple, list, map".
        if (defs["UserMetadataResponse"]?["properties"] is JsonObject metadata)
        {
            metadata["value"] = new JsonObject();
        }

        // Connection.ipAddress is a Java InetAddress object in the OpenAPI; the session-information samples show a string.
        if (defs["Connection"]?["properties"] is JsonObject connection)
        {
            connection["ipAddress"] = new JsonObject { ["type"] = "string" };
        }

        // The register page marks redirect_uri optional; the OpenAPI requires it.
        if (defs["ClientRegistrationRequest"] is JsonObject registration)
        {
            registration["required"] = new JsonArray("software_statement");
        }

        // The decisions pages mark resources required; the OpenAPI schema requires nothing.
        if (defs["retrieveAuthorizeDecisionsForMvpdUsingPOST_request"] is JsonObject decisions)
        {
            decisions["required"] = new JsonArray("resources");
            decisions["properties"]!["resources"]!["minItems"] = 1;
        }
    }

    private static void Replace(JsonObject defs, string name, JsonObject schema)
    {
        if (defs.ContainsKey(name))
        {
            defs[name] = schema;
        }
    }
}
