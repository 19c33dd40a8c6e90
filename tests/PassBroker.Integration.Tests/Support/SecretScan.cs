namespace PassBroker.Integration.Tests.Support;

/// <summary>Looks for secrets in texts (log lines, stored rows) and fails naming which secret turned up where.</summary>
public static class SecretScan
{
    /// <param name="secrets">What must not appear, by a name for the failure message.</param>
    /// <param name="texts">Where to look.</param>
    /// <param name="where">What the texts are, for the failure message.</param>
    public static void AssertAbsent(IReadOnlyDictionary<string, string> secrets, IEnumerable<string> texts, string where)
    {
        var all = texts.ToList();
        Assert.NotEmpty(all); // a scan of nothing proves nothing
        foreach (var (name, secret) in secrets)
        {
            Assert.False(string.IsNullOrWhiteSpace(secret), $"The {name} to look for is empty.");
            var found = all.FirstOrDefault(text => text.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.True(found is null, $"The {name} is in the {where}: {found?[..Math.Min(found.Length, 400)]}");
        }
    }
}
