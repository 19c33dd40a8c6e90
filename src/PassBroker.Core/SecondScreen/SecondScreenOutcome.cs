namespace PassBroker.Core.SecondScreen;

/// <summary>What the second-screen page does next.</summary>
public enum SecondScreenOutcome
{
    /// <summary>The code cannot be used: mistyped, unknown, expired, replaced or another programmer's. One outcome for
    /// all of them, so the page is no oracle for other devices' sessions.</summary>
    InvalidCode,

    /// <summary>The code, typed without the brand's link, is one that more than one brand can use now: the page asks for
    /// the link (or QR code) the TV shows, and says nothing of the brands.</summary>
    AmbiguousCode,

    /// <summary>The session has no MVPD yet: show the picker.</summary>
    ChooseMvpd,

    /// <summary>The picked MVPD is not one the user may pick: show the picker again.</summary>
    UnknownMvpd,

    /// <summary>Send the browser to Adobe's authenticate URL.</summary>
    Authenticate,

    /// <summary>Adobe needs no login: the device already has a valid profile for that MVPD.</summary>
    AlreadySignedIn,
}
