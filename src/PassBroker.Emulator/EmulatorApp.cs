using PassBroker.Emulator.Authenticate;
using PassBroker.Emulator.Configuration;
using PassBroker.Emulator.Dcr;
using PassBroker.Emulator.Decisions;
using PassBroker.Emulator.Faults;
using PassBroker.Emulator.Infrastructure;
using PassBroker.Emulator.Logout;
using PassBroker.Emulator.Mvpd;
using PassBroker.Emulator.Profiles;
using PassBroker.Emulator.Sessions;
using PassBroker.Emulator.TempPass;
using PassBroker.Emulator.TestHooks;

namespace PassBroker.Emulator;

/// <summary>
/// Builds the Adobe Pass emulator: REST API V2 under <c>/api/v2</c>, DCR under <c>/o</c>, the TempPass reset
/// (management) API under <c>/reset-tempass</c>, and the emulated MVPD login pages and test hooks under <c>/emulator</c>.
/// </summary>
public static class EmulatorApp
{
    /// <summary>
    /// Builds (does not start) the emulator.
    /// </summary>
    /// <param name="args">Normal ASP.NET Core arguments, e.g. <c>--urls=http://127.0.0.1:0</c>.</param>
    /// <param name="configureServices">
    /// Runs after the emulator's own registrations, so a test can replace <see cref="TimeProvider"/> or
    /// post-configure <see cref="EmulatorOptions"/>.
    /// </param>
    public static WebApplication Create(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Hosted in-process by test and DevHost assemblies; without this the entry assembly would name the app.
            ApplicationName = typeof(EmulatorApp).Assembly.GetName().Name,
        });

        builder.AddEmulatorServices();
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();

        // Faults and Adobe's throttle come before anything Adobe would do for the request.
        app.UseMiddleware<FaultInjectionMiddleware>();
        app.UseAuthentication();

        // Every Adobe route's documented required headers (RequiredHeaders), before its handler runs.
        app.UseMiddleware<RequiredHeadersMiddleware>();

        // Adobe's upstream resources, one route group each.
        app.MapDcrApi();
        app.MapConfigurationApi();
        app.MapSessionsApi();
        app.MapAuthenticateApi();
        app.MapProfilesApi();
        app.MapDecisionsApi();
        app.MapLogoutApi();
        app.MapTempPassResetApi();

        // Emulator-only pages and hooks.
        app.MapMvpdLoginApi();
        app.MapMvpdLogoutApi();
        app.MapTestHooksApi().MapFaultsApi();

        return app;
    }
}
