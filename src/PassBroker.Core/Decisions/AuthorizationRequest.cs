using PassBroker.Core.Devices;

namespace PassBroker.Core.Decisions;

/// <summary>What a business rule sees of a play request: the device, the MVPD and the resource.</summary>
public sealed record AuthorizationRequest(DeviceRecord Device, DeviceContext Context, string Mvpd, string Resource)
{
    // Rules are singletons; what one starts before Adobe is asked and finishes after travels with the request. Most
    // requests leave no note, so the dictionary is made only when one does.
    private Dictionary<string, object>? _notes;

    /// <summary>Keeps <paramref name="note"/> for the rule named <paramref name="rule"/> until this request ends.</summary>
    /// <param name="rule">The rule's <see cref="IAuthorizationRule.Name"/>.</param>
    /// <param name="note">What the rule needs again in a later step of this request.</param>
    public void SetNote(string rule, object note) => (_notes ??= new(StringComparer.Ordinal))[rule] = note;

    /// <summary>The note the rule named <paramref name="rule"/> left in this request, if any.</summary>
    /// <typeparam name="T">The note's type.</typeparam>
    /// <param name="rule">The rule's <see cref="IAuthorizationRule.Name"/>.</param>
    public T? GetNote<T>(string rule) where T : class => _notes?.GetValueOrDefault(rule) as T;
}
