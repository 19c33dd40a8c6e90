namespace PassBroker.Core.Decisions.Rules;

/// <summary>A resource a device was permitted to play, counted as playing until <paramref name="LeaseEnds"/>.</summary>
/// <param name="Resource">The resource as the app sent it.</param>
/// <param name="LeaseEnds">When the play stops counting, unless authorized again before.</param>
public sealed record ActivePlay(string Resource, DateTimeOffset LeaseEnds);
