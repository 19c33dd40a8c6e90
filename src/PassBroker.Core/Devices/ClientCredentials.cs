namespace PassBroker.Core.Devices;

/// <summary>A DCR client (RFC 7591) registered for one device. Unlimited lifetime; reused for every token request.</summary>
public sealed record ClientCredentials(string ClientId, string ClientSecret);
