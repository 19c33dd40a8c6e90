using System.Net;
using System.Text.Json;

namespace PassBroker.Emulator.Tests;

/// <summary>Assertions on Adobe's response shapes.</summary>
public static class JsonAssert
{
    public static async Task<JsonElement> EnhancedErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        AssertAdobeJson(response);
        var error = await EmulatorFixture.JsonAsync(response);
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal((int)status, error.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("action").GetString()));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        Assert.StartsWith("https://", error.GetProperty("helpUrl").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.GetProperty("trace").GetString()));
        return error;
    }

    /// <summary>The <c>decisions</c> of an HTTP 200 decisions response.</summary>
    public static async Task<JsonElement[]> DecisionsAsync(HttpResponseMessage response) =>
        [.. (await OkJsonAsync(response)).GetProperty("decisions").EnumerateArray()];

    /// <summary>
    /// An item-level error: the decision is a deny without a media token, and its error carries Adobe's status 403
    /// although the response was HTTP 200 (adobe-pass-v2.md section 8.1: check both).
    /// </summary>
    public static JsonElement ItemError(JsonElement decision, string code, string action)
    {
        Assert.False(decision.GetProperty("authorized").GetBoolean());
        Assert.False(decision.TryGetProperty("token", out _));
        var error = decision.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(action, error.GetProperty("action").GetString());
        Assert.Equal(403, error.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        Assert.StartsWith("https://", error.GetProperty("helpUrl").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.GetProperty("trace").GetString()));
        return error;
    }

    public static async Task OAuthErrorAsync(HttpResponseMessage response, string error)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await EmulatorFixture.JsonAsync(response);
        Assert.Equal(error, body.GetProperty("error").GetString());
    }

    public static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        Assert.Equal(status, response.StatusCode);
        AssertAdobeJson(response);
        return await EmulatorFixture.JsonAsync(response);
    }

    /// <summary>Adobe answers <c>application/json;charset=UTF-8</c>.</summary>
    public static void AssertAdobeJson(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("UTF-8", response.Content.Headers.ContentType?.CharSet);
    }

    public static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    public static string[] Names(JsonElement obj) => [.. obj.EnumerateObject().Select(p => p.Name)];
}
