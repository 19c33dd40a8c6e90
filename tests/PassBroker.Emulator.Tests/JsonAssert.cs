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
