using System.Text.Json;

namespace PassBroker.Core.Upstream;

/// <summary>
/// A user-metadata value: a string, number, list or map. <see cref="State"/> is Adobe's <c>plain</c> or <c>enc</c>, or
/// PassBroker's <c>decrypted</c> once it has opened an <c>enc</c> value for the app (<see cref="Profiles.ProfileAttributeStates"/>).
/// </summary>
/// <param name="Value">The value; for <c>enc</c>, the encrypted string as Adobe sent it.</param>
/// <param name="State">How to read <paramref name="Value"/>.</param>
/// <param name="Error">Why an <c>enc</c> value could not be decrypted (<c>decryption_failed</c>); null otherwise.</param>
public sealed record ProfileAttribute(JsonElement Value, string State, string? Error = null);
