namespace PassBroker.Core.Upstream;

/// <summary>An authentication profile (adobe-pass-v2.md section 5.1): who the user is at one MVPD, and until when.</summary>
public sealed record Profile
{
    public required string Mvpd { get; init; }
    public required DateTimeOffset NotBefore { get; init; }
    public required DateTimeOffset NotAfter { get; init; }
    public required string Issuer { get; init; }

    /// <summary><c>regular</c>, <c>degraded</c>, <c>temporary</c>, <c>appleSSO</c>, <c>platformSSO</c> or <c>serviceTokenSSO</c>.</summary>
    public required string Type { get; init; }

    public IReadOnlyDictionary<string, ProfileAttribute> Attributes { get; init; } = new Dictionary<string, ProfileAttribute>();
}
