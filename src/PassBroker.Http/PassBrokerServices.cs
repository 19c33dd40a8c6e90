using Microsoft.Extensions.Hosting;
using PassBroker.AdobePass;
using PassBroker.Core;
using PassBroker.Core.Decisions.Rules;
using PassBroker.Http.Telemetry;
using PassBroker.Storage;
using PassBroker.Storage.Secrets;

namespace PassBroker.Http;

public static class PassBrokerServices
{
    /// <summary>
    /// Everything PassBroker registers, in one place for both hosts (DevHost and Functions), so they cannot drift apart.
    /// The host adds only what differs: its <c>IWorkflowStarter</c> and its local dependencies.
    /// </summary>
    public static IHostApplicationBuilder AddPassBroker(this IHostApplicationBuilder builder)
    {
        builder.AddPassBrokerCore();
        builder.AddAdobePass();
        builder.AddPassBrokerStorage();
        builder.AddPassBrokerSecrets();
        builder.AddPassBrokerHttp();

        // Programmer business rules around every authorize (resource allow/deny lists, concurrent plays)
        builder.AddPassBrokerAuthorizationRules();

        // Traces, metrics and log correlation; each host adds its exporters
        builder.AddPassBrokerTelemetry();
        return builder;
    }
}
