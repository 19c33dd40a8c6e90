namespace PassBroker.Emulator.Mvpd;

/// <summary>The profile attributes a test user's login produces; <c>userID</c> is always there (adobe-pass-v2.md section 5.1).</summary>
internal static class UserMetadata
{
    public const string UserIdKey = "userID";

    public static IReadOnlyDictionary<string, object> For(TestUserOptions user)
    {
        var attributes = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in user.Attributes)
        {
            attributes[key] = value;
        }

        foreach (var (key, values) in user.ListAttributes)
        {
            attributes[key] = values.ToArray();
        }

        attributes[UserIdKey] = string.IsNullOrWhiteSpace(user.UserId) ? user.Username : user.UserId;
        return attributes;
    }
}
