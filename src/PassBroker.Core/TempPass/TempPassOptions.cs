using System.ComponentModel.DataAnnotations;

namespace PassBroker.Core.TempPass;

/// <summary>
/// The Temp Pass pseudo-MVPDs Adobe integrated for this service provider (TVE Dashboard), one per kind; leave a kind
/// empty when it is not bought. Per brand (<c>Brands:{id}:TempPass</c>): a brand without Temp Pass leaves both empty.
/// <code>
/// "TempPass": { "BasicMvpd": "TempPass_REF30", "PromotionalMvpd": "TempPassPromo_REF30", "IdentityKey": "email" }
/// </code>
/// </summary>
public sealed class TempPassOptions
{
    public const string SectionName = "TempPass";

    /// <summary>Time-only trial by device.</summary>
    public string? BasicMvpd { get; set; }

    /// <summary>Trial of a number of titles for a time, by the user's e-mail hash together with the device.</summary>
    public string? PromotionalMvpd { get; set; }

    /// <summary>The "User Information Key" configured with Adobe: the JSON key in <c>AP-TempPass-Identity</c>.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_]{1,64}$")]
    public string IdentityKey { get; set; } = "email";

    internal string? MvpdOf(TempPassKind kind) => kind == TempPassKind.Basic ? BasicMvpd : PromotionalMvpd;

    internal bool IsPromotional(string mvpd) => PromotionalMvpd is { Length: > 0 } promotional && string.Equals(promotional, mvpd, StringComparison.Ordinal);

    internal bool IsTempPass(string mvpd) => IsPromotional(mvpd) || (BasicMvpd is { Length: > 0 } basic && string.Equals(basic, mvpd, StringComparison.Ordinal));
}
