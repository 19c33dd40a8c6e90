using System.Net;
using System.Text.Json;

namespace PassBroker.Integration.Tests.Support;

/// <summary>Asserts an RFC 9457 answer: status, media type, the stable <c>code</c> in the body, and a 401's challenge.</summary>
public static class ProblemAssert
{
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal("urn:passbroker:problem:" + code, problem.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        if (status == HttpStatusCode.Unauthorized)
        {
            // RFC 6750 §3: the scheme and realm; error="invalid_token" only when a credential was sent and refused.
            var challenge = Assert.Single(response.Headers.WwwAuthenticate);
            Assert.Equal("Bearer", challenge.Scheme);
            Assert.Matches(code.Contains("admin", StringComparison.Ordinal) ? "^realm=\"admin\"" : "^realm=\"devices\"", challenge.Parameter);
            Assert.Equal(code.StartsWith("invalid_", StringComparison.Ordinal), challenge.Parameter!.EndsWith(", error=\"invalid_token\"", StringComparison.Ordinal));
        }
        return problem;
    }
}
