namespace PassBroker.Core.Upstream;

/// <summary>The <c>action</c> values of Adobe's enhanced errors: what the client should do about an error.</summary>
public static class UpstreamActions
{
    public const string None = "none";
    public const string Configuration = "configuration";
    public const string ApplicationRegistration = "application-registration";
    public const string Authentication = "authentication";
    public const string Authorization = "authorization";
    public const string Retry = "retry";
}
