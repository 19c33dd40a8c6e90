using PassBroker.Testing.EndToEnd;

namespace PassBroker.Integration.Tests.Authn;

/// <summary>What the second-screen page tests send as: a person's browser, and its forms.</summary>
internal static class PageClients
{
    /// <summary>A person's browser at its own IP (through the trusted loopback proxy), not following redirects.</summary>
    public static HttpClient PageBrowser(this PassBrokerApplication app, string ip)
    {
        var client = app.DevHost.CreateClient(followRedirects: false);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", ip);
        return client;
    }

    public static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));
}
