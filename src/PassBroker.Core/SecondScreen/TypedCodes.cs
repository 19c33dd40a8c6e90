using PassBroker.Core.Sessions;

namespace PassBroker.Core.SecondScreen;

/// <summary>Codes as people type them from a TV screen.</summary>
public static class TypedCodes
{
    /// <summary>
    /// The code without the spaces and dashes people add, upper-cased (Adobe's codes are upper-case letters and digits,
    /// and the emulator, like Adobe, accepts any case); null when what is left is not a code's shape.
    /// </summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null)
        {
            return null;
        }
        var code = new string(typed.Where(c => c is not (' ' or '-' or '\t')).ToArray()).ToUpperInvariant();
        return SessionCodes.IsWellFormed(code) ? code : null;
    }
}
