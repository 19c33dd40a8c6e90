using PassBroker.Core.Upstream;

namespace PassBroker.Core.Sessions;

/// <summary>
/// The outcome of starting a sign-in: either a pending session with a code for the user, or (no code) Adobe's word that
/// the device may go straight to authorization (already signed in, Temp Pass, degraded).
/// </summary>
public sealed record SignInStart(AuthenticationSession? Session, UpstreamSession Upstream)
{
    public bool NeedsUserLogin => Session is not null;
}
