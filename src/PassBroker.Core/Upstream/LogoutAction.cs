namespace PassBroker.Core.Upstream;

/// <summary>What the app must do after logging out of one MVPD (adobe-pass-v2.md section 5.5).</summary>
/// <param name="Mvpd">The MVPD logged out of.</param>
/// <param name="ActionName"><c>logout</c> (open <paramref name="Url"/>), <c>partner_logout</c>, <c>complete</c> or <c>invalid</c>.</param>
/// <param name="ActionType"><c>interactive</c>, <c>partner_interactive</c> or <c>none</c>.</param>
/// <param name="Url">Absolute URL to open in a browser, for <c>logout</c>.</param>
public sealed record LogoutAction(string Mvpd, string ActionName, string ActionType, string? Url);
