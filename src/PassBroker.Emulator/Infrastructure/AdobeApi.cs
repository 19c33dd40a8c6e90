namespace PassBroker.Emulator.Infrastructure;

/// <summary>The three Adobe APIs the emulator serves; each answers a bad request in its own error shape.</summary>
public enum AdobeApi
{
    /// <summary>REST API V2 under <c>/api/v2</c>: enhanced errors.</summary>
    RestApiV2,

    /// <summary>Dynamic Client Registration under <c>/o</c>: OAuth-style <c>{"error": …}</c> bodies.</summary>
    Dcr,

    /// <summary>The TempPass reset (management) API under <c>/reset-tempass</c>: enhanced errors.</summary>
    TempPassReset,
}
