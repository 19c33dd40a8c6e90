namespace PassBroker.Emulator.State;

/// <summary>
/// One TempPass trial (adobe-pass-v2.md section 6): started by the first authorize, over at <c>NotAfter</c>, and for
/// promotional TempPass limited to <c>MaxResources</c> distinct resources. Immutable: the store swaps in new instances
/// under its lock. Every device id and identifier hash belongs to at most one trial of an MVPD.
/// </summary>
internal sealed record TempPassTrial(
    string UserId,
    string ServiceProvider,
    string Mvpd,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    int? MaxResources,
    IReadOnlyList<string> DeviceIds,
    IReadOnlyList<string> Keys,
    IReadOnlyList<string> UsedAssets)
{
    public const string Issuer = "Adobe";

    public bool IsPromotional => MaxResources is not null;

    public int? RemainingResources => MaxResources - UsedAssets.Count;

    public bool IsExpired(DateTimeOffset now) => now >= NotAfter;

    /// <summary>Expired, or (promotional) every resource used: no new resource can be authorized.</summary>
    public bool IsUsedUp(DateTimeOffset now) => IsExpired(now) || RemainingResources <= 0;

    /// <summary>Whether authorizing the resource would be allowed, without consuming anything.</summary>
    public bool Allows(string resource, DateTimeOffset now) =>
        !IsExpired(now) && (!IsPromotional || UsedAssets.Contains(resource, StringComparer.Ordinal) || RemainingResources > 0);

    public bool Matches(string serviceProvider, string mvpd) =>
        string.Equals(ServiceProvider, serviceProvider, StringComparison.Ordinal) && string.Equals(Mvpd, mvpd, StringComparison.Ordinal);

    public bool HasDevice(string deviceId) => DeviceIds.Contains(deviceId, StringComparer.Ordinal);

    public bool HasKey(string? key) => key is not null && Keys.Contains(key, StringComparer.Ordinal);

    /// <summary>The <c>temporary</c> profile of adobe-pass-v2.md section 6.4; <c>expiration_date</c> = <c>notAfter</c>.</summary>
    public StoredProfile ToProfile(DeviceKey device)
    {
        var attributes = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["userID"] = UserId,
            ["expiration_date"] = NotAfter.ToUnixTimeMilliseconds(),
        };
        if (IsPromotional)
        {
            attributes["remaining_resources"] = Math.Max(0, RemainingResources ?? 0);
            attributes["used_assets"] = UsedAssets;
        }

        return new StoredProfile(new ProfileKey(device, Mvpd), "", Issuer, ProfileTypes.Temporary, NotBefore, NotAfter, attributes, "");
    }

    public EmulatorTempPassTrial ToInfo(DateTimeOffset now) =>
        new(UserId, ServiceProvider, Mvpd, NotBefore, NotAfter, MaxResources, RemainingResources, DeviceIds, Keys, UsedAssets, IsExpired(now));
}
