namespace PassBroker.Emulator;

/// <summary>The two TempPass variants (adobe-pass-v2.md section 6.1).</summary>
public enum TempPassKind
{
    /// <summary>Access for a time; identity = the device id.</summary>
    Basic,

    /// <summary>Access for a time and up to N distinct resources; identity = identifier hash plus device id.</summary>
    Promotional,
}
