namespace PassBroker.Emulator.State;

/// <summary>Profile <c>type</c> values (adobe-pass-v2.md section 5.1).</summary>
internal static class ProfileTypes
{
    public const string Regular = "regular";

    public const string Temporary = "temporary";
}
