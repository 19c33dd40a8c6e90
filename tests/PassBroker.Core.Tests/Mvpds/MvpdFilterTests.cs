using PassBroker.Core.Mvpds;
using PassBroker.Core.Upstream;

namespace PassBroker.Core.Tests.Mvpds;

public sealed class MvpdFilterTests
{
    private static readonly Mvpd Cable = new("ExampleCable", "Example Cable", null, false, false, null);
    private static readonly Mvpd Sat = new("ExampleSat", "Example Sat", null, false, false, null);
    private static readonly Mvpd TempPass = new("TempPass_REF30", "Temp Pass", null, true, false, null);
    private static readonly Mvpd Test = new("ExampleTestMvpd", "Test", null, false, false, null);
    private static readonly Mvpd[] All = [Cable, Sat, TempPass, Test];

    [Fact]
    public void Apply_Defaults_HidesTempPassAndTestMvpds() =>
        Assert.Equal([Cable, Sat], MvpdFilter.Apply(All, new MvpdCatalogOptions()));

    [Fact]
    public void Apply_ShowTestMvpds_KeepsThem() =>
        Assert.Equal([Cable, Sat, Test], MvpdFilter.Apply(All, new MvpdCatalogOptions { HideTestMvpds = false }));

    [Fact]
    public void Apply_AllowList_OnlyThose() =>
        Assert.Equal([Sat], MvpdFilter.Apply(All, new MvpdCatalogOptions { Allow = ["ExampleSat", "TempPass_REF30"] }));

    [Fact]
    public void Apply_DenyList_HidesNotYetLiveMvpd() =>
        Assert.Equal([Sat], MvpdFilter.Apply(All, new MvpdCatalogOptions { Deny = ["ExampleCable"] }));

    [Fact]
    public void Apply_PatternWithRegexCharacters_IsMatchedLiterally() =>
        Assert.Equal([Cable, Sat, Test], MvpdFilter.Apply(All, new MvpdCatalogOptions { TestMvpdPatterns = ["Example(Test|X)*"] }));
}
