using PassBroker.Core.Errors;

namespace PassBroker.Core.TempPass;

/// <summary>Reads the <c>kind</c> an app or operator names and finds its configured Temp Pass MVPD.</summary>
public static class TempPassKinds
{
    public const string NotOfferedCode = "temppass_not_offered";

    public static (TempPassKind Kind, string Mvpd) Resolve(string? kind, TempPassOptions options)
    {
        TempPassKind parsed = kind?.Trim().ToLowerInvariant() switch
        {
            "basic" => TempPassKind.Basic,
            "promotional" => TempPassKind.Promotional,
            _ => throw PassBrokerException.Validation("kind", "kind is \"basic\" or \"promotional\"."),
        };
        var mvpd = options.MvpdOf(parsed);
        return string.IsNullOrEmpty(mvpd)
            ? throw new PassBrokerException(404, NotOfferedCode, "This service offers no such trial.",
                $"No {parsed.ToString().ToLowerInvariant()} Temp Pass MVPD is configured (TempPass:{parsed}Mvpd).")
            : (parsed, mvpd);
    }
}
