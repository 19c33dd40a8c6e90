using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PassBroker.Core.Brands;

/// <summary>
/// The keys a brand may set in a per-brand section whose other keys belong to the deployment (e.g. <c>SignIn</c>: a
/// brand has its own redirect URLs, but one poll interval serves every sign-in). A brand setting any other key is a
/// startup error naming it: ignored silently, the brand's operator would believe it applied.
/// </summary>
public static class BrandSettingsLimit
{
    /// <summary>
    /// Only <paramref name="perBrand"/> of <paramref name="section"/> may be set under <c>Brands:{id}</c>; checked at
    /// startup. Use with <see cref="BrandedOptionsExtensions.AddBrandedOptions{T}"/>.
    /// </summary>
    /// <typeparam name="T">The section's options type: one limit per type.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="section">The section, e.g. <c>SignIn</c>.</param>
    /// <param name="perBrand">The keys of the section (its direct children) a brand may set.</param>
    public static IServiceCollection LimitBrandSettings<T>(this IServiceCollection services, string section, params string[] perBrand)
        where T : class
    {
        services.AddOptions<Marker<T>>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<Marker<T>>>(provider => new Validator<T>(provider.GetRequiredService<IConfiguration>(), section, perBrand));
        return services;
    }

    /// <summary>One failure per key a brand sets in <paramref name="section"/> outside <paramref name="perBrand"/>.</summary>
    /// <param name="configuration">The whole configuration.</param>
    /// <param name="section">The section.</param>
    /// <param name="perBrand">The keys a brand may set.</param>
    public static IReadOnlyList<string> Check(IConfiguration configuration, string section, IReadOnlyList<string> perBrand) =>
    [
        .. from brand in configuration.GetSection(BrandCatalog.SectionName).GetChildren()
           from setting in brand.GetSection(section).GetChildren()
           where !perBrand.Contains(setting.Key, StringComparer.OrdinalIgnoreCase)
           select $"{BrandCatalog.SectionName}:{brand.Key}:{section}:{setting.Key}: deployment-wide, so set only at the top level " +
                  $"({section}:{setting.Key}); a brand may set {string.Join(", ", perBrand)}.",
    ];

    /// <summary>Options type that exists only so the check runs with <c>ValidateOnStart</c>.</summary>
    /// <typeparam name="T">The section's options type.</typeparam>
    public sealed class Marker<T>
        where T : class;

    private sealed class Validator<T>(IConfiguration configuration, string section, IReadOnlyList<string> perBrand) : IValidateOptions<Marker<T>>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, Marker<T> options) =>
            Check(configuration, section, perBrand) is { Count: > 0 } failures ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
