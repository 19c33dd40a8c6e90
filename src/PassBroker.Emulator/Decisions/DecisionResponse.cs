using PassBroker.Emulator.Infrastructure;

namespace PassBroker.Emulator.Decisions;

/// <summary>
/// OpenAPI <c>DecisionResponse</c> (adobe-pass-v2.md section 5.2). A deny is still HTTP 200: it carries an item-level
/// <c>error</c>. <c>notBefore</c>/<c>notAfter</c> are epoch ms, on every answer the MVPD gave, permit or deny (Adobe's
/// authorize samples show them on both); an item nobody decided (no profile, a timeout) has none.
/// </summary>
internal sealed record DecisionResponse(
    string Resource,
    string ServiceProvider,
    string Mvpd,
    string Source,
    bool Authorized,
    long? NotBefore,
    long? NotAfter,
    MediaTokenResponse? Token,
    EnhancedError? Error)
{
    /// <summary>The MVPD's endpoint decided.</summary>
    public const string MvpdSource = "mvpd";

    /// <summary>A TempPass trial decided; the emulator has no degradation or dummy decisions.</summary>
    public const string TempPassSource = "temppass";
}
