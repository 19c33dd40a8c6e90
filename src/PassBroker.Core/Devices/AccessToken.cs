namespace PassBroker.Core.Devices;

/// <summary>A DCR bearer token and the moment it stops being valid (from <c>expires_in</c>, never a hard-coded TTL).</summary>
public sealed record AccessToken(string Value, DateTimeOffset ExpiresAt)
{
    /// <summary>True while the token has at least <paramref name="margin"/> of life left at <paramref name="now"/>.</summary>
    public bool IsFreshAt(DateTimeOffset now, TimeSpan margin) => ExpiresAt - margin > now;
}
