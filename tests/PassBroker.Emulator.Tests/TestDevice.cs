namespace PassBroker.Emulator.Tests;

/// <summary>A device registered through DCR: its credentials, a current access token and its device id.</summary>
public sealed record TestDevice(string ClientId, string ClientSecret, string AccessToken, string DeviceId)
{
    public string DeviceIdentifierHeader => "fingerprint " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(DeviceId));
}
