namespace PassBroker.Core.Upstream;

/// <summary>One entry of the configuration's MVPD list (Adobe's <c>MvpdType</c>), the fields a provider picker needs.</summary>
public sealed record Mvpd(string Id, string DisplayName, string? LogoUrl, bool IsTempPass, bool IsProxy, string? BoardingStatus);
