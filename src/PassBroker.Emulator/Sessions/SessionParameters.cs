namespace PassBroker.Emulator.Sessions;

/// <summary>
/// The three parameters an authentication session needs. Read from the form leniently: blank values count as
/// missing, a non-form body as no parameters, and <c>domain</c> as an alias of <c>domainName</c> (Adobe's samples
/// use both; adobe-pass-v2.md section 4.2).
/// </summary>
internal sealed record SessionParameters(string? Mvpd, string? DomainName, string? RedirectUrl)
{
    public const string MvpdKey = "mvpd";
    public const string DomainNameKey = "domainName";
    public const string DomainAliasKey = "domain";
    public const string RedirectUrlKey = "redirectUrl";

    public static readonly SessionParameters None = new(null, null, null);

    /// <summary>The parameters still needed, named as the form field (<c>domainName</c>, never <c>domain</c>).</summary>
    public IReadOnlyList<string> Missing =>
    [
        .. Mvpd is null ? [MvpdKey] : Array.Empty<string>(),
        .. DomainName is null ? [DomainNameKey] : Array.Empty<string>(),
        .. RedirectUrl is null ? [RedirectUrlKey] : Array.Empty<string>(),
    ];

    public static async ValueTask<SessionParameters?> BindAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            return None;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        string? Read(string key) => string.IsNullOrWhiteSpace(form[key]) ? null : form[key].ToString().Trim();

        return new SessionParameters(Read(MvpdKey), Read(DomainNameKey) ?? Read(DomainAliasKey), Read(RedirectUrlKey));
    }

    /// <summary>Values the resume call supplied win; the rest are kept.</summary>
    public SessionParameters Merge(SessionParameters supplied) => new(
        supplied.Mvpd ?? Mvpd,
        supplied.DomainName ?? DomainName,
        supplied.RedirectUrl ?? RedirectUrl);

    /// <summary>The session-info <c>existingParameters</c> map.</summary>
    public IReadOnlyDictionary<string, string> Existing(string serviceProvider)
    {
        var existing = new Dictionary<string, string>(StringComparer.Ordinal) { ["serviceProvider"] = serviceProvider };
        AddIfPresent(existing, MvpdKey, Mvpd);
        AddIfPresent(existing, DomainNameKey, DomainName);
        AddIfPresent(existing, RedirectUrlKey, RedirectUrl);
        return existing;
    }

    private static void AddIfPresent(Dictionary<string, string> map, string key, string? value)
    {
        if (value is not null)
        {
            map[key] = value;
        }
    }
}
