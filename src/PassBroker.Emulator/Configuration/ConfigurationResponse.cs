namespace PassBroker.Emulator.Configuration;

/// <summary>
/// <c>GET /configuration</c> body in the OpenAPI <c>ConfigurationResponse</c> shape. The page's sample names the first
/// fields differently (<c>device</c>, <c>clientType</c>, <c>os</c>) and its table adds <c>errorReporting</c> and
/// <c>time</c>; docs/adobe-pass-conformance.md records why the emulator follows the schema.
/// </summary>
/// <param name="PlatformCategory">The device's <c>primaryHardwareType</c>, or <c>Unknown</c>.</param>
/// <param name="Os">The device's <c>osName</c>, or <c>Unknown</c>.</param>
/// <param name="SdkType">Undocumented; the sample's <c>clientType</c> value, <c>html5</c>.</param>
/// <param name="Platform">The matched <see cref="PlatformOptions.Name"/>, or the sample's <c>unknown</c>.</param>
/// <param name="Requestor">The requestor with its domains and the platform's MVPDs.</param>
internal sealed record ConfigurationResponse(string PlatformCategory, string Os, string SdkType, string Platform, ProgrammerType Requestor);
