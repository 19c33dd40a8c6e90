namespace PassBroker.Core.TempPass;

public enum TempPassKind
{
    /// <summary>Access for a time, by device.</summary>
    Basic,

    /// <summary>Access to a number of titles for a time, by the user's e-mail hash together with the device.</summary>
    Promotional,
}
