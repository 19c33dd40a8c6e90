namespace PassBroker.Http.Mvpds;

/// <summary>One TV provider for the picker. Apps should persist the chosen id, name and logo (Adobe's checklist).</summary>
public sealed record MvpdResponse(string Id, string DisplayName, string? LogoUrl);
