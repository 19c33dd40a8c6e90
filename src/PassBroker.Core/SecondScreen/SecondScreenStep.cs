using PassBroker.Core.Upstream;

namespace PassBroker.Core.SecondScreen;

/// <summary>The second-screen page's next step, with what it needs to render it.</summary>
public sealed record SecondScreenStep(SecondScreenOutcome Outcome, string? Code = null, string? AuthenticateUrl = null, IReadOnlyList<Mvpd>? Mvpds = null)
{
    public static readonly SecondScreenStep InvalidCode = new(SecondScreenOutcome.InvalidCode);
    public static readonly SecondScreenStep AmbiguousCode = new(SecondScreenOutcome.AmbiguousCode);
    public static readonly SecondScreenStep AlreadySignedIn = new(SecondScreenOutcome.AlreadySignedIn);

    /// <summary>The brand of the code's device (<see cref="Brands.BrandKeys"/>), whose look the page takes; null when no
    /// device was found.</summary>
    public string? Brand { get; init; }

    public static SecondScreenStep ChooseMvpd(string code, IReadOnlyList<Mvpd> mvpds) => new(SecondScreenOutcome.ChooseMvpd, code, Mvpds: mvpds);

    public static SecondScreenStep UnknownMvpd(string code, IReadOnlyList<Mvpd> mvpds) => new(SecondScreenOutcome.UnknownMvpd, code, Mvpds: mvpds);

    public static SecondScreenStep Authenticate(string url) => new(SecondScreenOutcome.Authenticate, AuthenticateUrl: url);
}
