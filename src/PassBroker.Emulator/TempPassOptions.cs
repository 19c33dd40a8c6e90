namespace PassBroker.Emulator;

/// <summary>
/// How a TempPass pseudo-MVPD grants temporary access (adobe-pass-v2.md section 6.1). Only on an MVPD with
/// <c>IsTempPass: true</c>.
/// </summary>
public sealed class TempPassOptions
{
    // Shape: { "Kind": "Promotional", "Ttl": "1.00:00:00", "MaxResources": 3, "IdentityKey": "email" }

    /// <summary><c>Basic</c> (time only, identity = device) or <c>Promotional</c> (time and N distinct resources).</summary>
    public TempPassKind Kind { get; set; } = TempPassKind.Basic;

    /// <summary>How long a trial lasts from its first authorize; no default, so a configured TempPass must say.</summary>
    public TimeSpan Ttl { get; set; }

    /// <summary>Promotional only: how many distinct resources a trial may authorize.</summary>
    public int MaxResources { get; set; }

    /// <summary>Promotional only: the JSON key in <c>AP-TempPass-Identity</c> that holds the user's identifier hash.</summary>
    public string IdentityKey { get; set; } = "email";

    internal bool IsPromotional => Kind == TempPassKind.Promotional;
}
