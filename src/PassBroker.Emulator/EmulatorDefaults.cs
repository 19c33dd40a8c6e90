using PassBroker.Emulator.Decisions;

namespace PassBroker.Emulator;

/// <summary>The tenant the emulator serves when configuration adds nothing: enough to cover every picker case.</summary>
internal static class EmulatorDefaults
{
    public const string LogoBaseUrl = "https://passbroker.example/logos/";

    // Resource ids with scripted decisions; every other resource is permitted.
    public const string PremiumMovieResource = "premium-movie";
    public const string LateNightShowResource = "late-night-show";
    public const string FlakyChannelResource = "flaky-channel";
    public const string FlakyOnceChannelResource = "flaky-once-channel";
    public const string LiveSportsResource = "live-sports";

    public const string TempPassMvpd = "TempPass_REF30";
    public const string PromotionalTempPassMvpd = "TempPassPromo_REF30";

    public static List<MvpdOptions> CreateMvpds() =>
    [
        new()
        {
            Id = "ExampleCable",
            DisplayName = "Example Cable",
            LogoUrl = LogoBaseUrl + "example-cable.png",
            BoardingStatus = "PICKER",
            HasLogoutEndpoint = true,
        },
        new()
        {
            Id = "ExampleSat",
            DisplayName = "Example Satellite",
            LogoUrl = LogoBaseUrl + "example-sat.png",
            AuthPerAggregator = true,
        },
        new()
        {
            Id = TempPassMvpd,
            DisplayName = "Temp Pass",
            LogoUrl = LogoBaseUrl + "no-logo.png",
            IsTempPass = true,
            AuthPerAggregator = true,
            TempPass = new() { Kind = TempPassKind.Basic, Ttl = TimeSpan.FromHours(1) },
        },
        new()
        {
            Id = PromotionalTempPassMvpd,
            DisplayName = "Promotional Temp Pass",
            LogoUrl = LogoBaseUrl + "no-logo.png",
            IsTempPass = true,
            TempPass = new()
            {
                Kind = TempPassKind.Promotional,
                Ttl = TimeSpan.FromHours(24),
                MaxResources = 3,
                IdentityKey = "email",
            },
        },
        // A test MVPD, so clients can prove they hide test providers from real users.
        new()
        {
            Id = "ExampleTestMvpd",
            DisplayName = "Example Test MVPD",
            LogoUrl = LogoBaseUrl + "no-logo.png",
        },
    ];

    public static List<TestUserOptions> CreateUsers()
    {
        var alice = new TestUserOptions { Username = "alice", Password = "alice-pw", UserId = "alice-0001" };
        alice.Attributes["householdID"] = "household-alice";
        alice.Attributes["upstreamUserID"] = "upstream-alice";
        alice.Attributes["maxRating"] = "TV-MA";
        alice.ListAttributes["zip"] = ["10001"];
        AddDecisionTestEntitlements(alice);

        var bob = new TestUserOptions { Username = "bob", Password = "bob-pw", UserId = "bob-0002" };
        bob.Attributes["householdID"] = "household-bob";
        bob.ListAttributes["zip"] = ["94105", "94107"];
        // Bob's package includes what Alice's lacks, so the same resource can be checked both ways.
        bob.Entitlements[LiveSportsResource] = Entitlement.DenyValue;

        // Carol subscribes to one MVPD only, so the login form's "not a subscriber" path is testable.
        var carol = new TestUserOptions { Username = "carol", Password = "carol-pw", UserId = "carol-0003" };
        carol.Mvpds.Add("ExampleSat");
        carol.Attributes["householdID"] = "household-carol";

        return [alice, bob, carol];
    }

    /// <summary>One resource per MVPD answer, so a single preauthorize call can show a client every item-level case.</summary>
    private static void AddDecisionTestEntitlements(TestUserOptions user)
    {
        user.Entitlements[PremiumMovieResource] = Entitlement.DenyValue;
        user.Entitlements[LateNightShowResource] = Entitlement.ParentalValue;
        user.Entitlements[FlakyChannelResource] = Entitlement.TimeoutValue;
        user.Entitlements[FlakyOnceChannelResource] = Entitlement.TimeoutOnceValue;
    }
}
