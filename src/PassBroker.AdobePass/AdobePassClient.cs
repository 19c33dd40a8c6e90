using PassBroker.AdobePass.Brands;
using PassBroker.AdobePass.Contracts;
using PassBroker.AdobePass.Dcr;
using PassBroker.AdobePass.Errors;
using PassBroker.AdobePass.Handlers;
using PassBroker.AdobePass.Management;
using PassBroker.AdobePass.V2;
using PassBroker.Core.Devices;
using PassBroker.Core.Upstream;

namespace PassBroker.AdobePass;

/// <summary>
/// Core's <see cref="IAdobePassClient"/> over the Refit clients. Each call names the headers Adobe's API page lists for
/// that operation (where the page and the OpenAPI differ, the page: docs/adobe-pass-conformance.md): the code-based calls
/// carry only the token (they are usable from a second screen), the others identify the device as well. Every path names
/// the service provider of the device's brand.
/// </summary>
internal sealed class AdobePassClient(IRestApiV2 api, DcrClient dcr, TempPassResetClient resets, BrandedAdobePassOptions options) : IAdobePassClient
{
    private string Sp(DeviceContext device) => options.For(device.Brand).ServiceProvider;

    private Uri BaseUrl => options.Deployment.BaseUrl;

    public Task<ClientCredentials> RegisterClientAsync(DeviceContext device, CancellationToken cancellationToken) =>
        dcr.RegisterAsync(device, cancellationToken);

    public Task<AccessToken> RequestAccessTokenAsync(DeviceContext device, ClientCredentials credentials, CancellationToken cancellationToken) =>
        dcr.RequestTokenAsync(device, credentials, cancellationToken);

    public Task<IReadOnlyList<Mvpd>> GetMvpdsAsync(DeviceContext device, CancellationToken cancellationToken) =>
        Call(async () => ContractMapper.ToMvpds(
            await api.GetConfigurationAsync(Sp(device), new UpstreamCall(device, UpstreamHeaders.Device), cancellationToken)));

    public Task<UpstreamSession> CreateSessionAsync(DeviceContext device, SessionParameters parameters, CancellationToken cancellationToken) =>
        Call(async () => ContractMapper.ToSession(
            await api.CreateSessionAsync(Sp(device), Form(parameters), new UpstreamCall(device, UpstreamHeaders.Device), cancellationToken), BaseUrl));

    public Task<UpstreamSession> ResumeSessionAsync(DeviceContext device, string code, SessionParameters parameters, CancellationToken cancellationToken) =>
        Call(async () => ContractMapper.ToSession(
            await api.ResumeSessionAsync(Sp(device), code, Form(parameters), TokenOnly(device), cancellationToken), BaseUrl));

    public Task<UpstreamSessionInfo> GetSessionAsync(DeviceContext device, string code, CancellationToken cancellationToken) =>
        Call(async () => ContractMapper.ToSessionInfo(await api.GetSessionAsync(Sp(device), code, TokenOnly(device), cancellationToken)));

    public Task<IReadOnlyList<Profile>> GetProfilesAsync(DeviceContext device, CancellationToken cancellationToken) =>
        Call(async () => ContractMapper.ToProfiles(await api.GetProfilesAsync(Sp(device), new UpstreamCall(device, UpstreamHeaders.Device), cancellationToken)));

    public Task<IReadOnlyList<Profile>> GetProfilesForMvpdAsync(DeviceContext device, string mvpd, CancellationToken cancellationToken) =>
        Call(async () => ContractMapper.ToProfiles(
            await api.GetProfilesForMvpdAsync(Sp(device), mvpd, new UpstreamCall(device, UpstreamHeaders.Device), cancellationToken)));

    public Task<IReadOnlyList<Profile>> GetProfilesForCodeAsync(DeviceContext device, string code, CancellationToken cancellationToken) =>
        Call(async () => ContractMapper.ToProfiles(await api.GetProfilesForCodeAsync(Sp(device), code, TokenOnly(device), cancellationToken)));

    public Task<IReadOnlyList<Decision>> PreauthorizeAsync(DeviceContext device, string mvpd, IReadOnlyList<string> resources, CancellationToken cancellationToken) =>
        Call(async () => ContractMapper.ToDecisions(
            await api.PreauthorizeAsync(Sp(device), mvpd, new DecisionsRequest(resources), new UpstreamCall(device, UpstreamHeaders.Device), cancellationToken), mvpd, resources));

    public Task<Decision> AuthorizeAsync(DeviceContext device, string mvpd, string resource, CancellationToken cancellationToken) =>
        Call(async () => ContractMapper.ToDecisions(
            await api.AuthorizeAsync(Sp(device), mvpd, new DecisionsRequest([resource]), new UpstreamCall(device, UpstreamHeaders.Device), cancellationToken), mvpd, [resource])[0]);

    public Task<IReadOnlyList<LogoutAction>> LogoutAsync(DeviceContext device, string mvpd, string? redirectUrl, CancellationToken cancellationToken) =>
        Call(async () => ContractMapper.ToLogoutActions(
            await api.LogoutAsync(Sp(device), mvpd, redirectUrl, new UpstreamCall(device, UpstreamHeaders.Device), cancellationToken), BaseUrl));

    public Task<int> ResetTempPassAsync(TempPassReset reset, CancellationToken cancellationToken) =>
        resets.ResetAsync(reset, cancellationToken);

    private static Task<T> Call<T>(Func<Task<T>> call) => UpstreamErrorTranslator.CallAsync(call);

    private static UpstreamCall TokenOnly(DeviceContext device) => new(device, UpstreamHeaders.TokenOnly);

    private static Dictionary<string, string> Form(SessionParameters parameters)
    {
        var form = new Dictionary<string, string>();
        if (parameters.Mvpd is { } mvpd) { form["mvpd"] = mvpd; }
        if (parameters.DomainName is { } domain) { form["domainName"] = domain; }
        if (parameters.RedirectUrl is { } redirect) { form["redirectUrl"] = redirect; }
        return form;
    }
}
