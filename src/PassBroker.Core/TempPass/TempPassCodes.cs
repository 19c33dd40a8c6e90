namespace PassBroker.Core.TempPass;

/// <summary>Adobe's Temp Pass limit codes (adobe-pass-v2.md section 6.4): answers the user must see, not failures.</summary>
public static class TempPassCodes
{
    public const string DurationLimitExceeded = "temporary_access_duration_limit_exceeded";
    public const string ResourcesLimitExceeded = "temporary_access_resources_limit_exceeded";

    public static bool IsLimit(string? code) => code is DurationLimitExceeded or ResourcesLimitExceeded;
}
