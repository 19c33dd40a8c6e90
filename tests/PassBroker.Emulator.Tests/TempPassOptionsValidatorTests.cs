namespace PassBroker.Emulator.Tests;

public sealed class TempPassOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var result = new EmulatorOptionsValidator().Validate(null, new EmulatorOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_BadTempPassOptions_NameEveryProblem()
    {
        // Arrange
        var options = new EmulatorOptions();
        options.Mvpds.Add(new MvpdOptions { Id = "NotFlagged", TempPass = new TempPassOptions { Ttl = TimeSpan.FromHours(1) } });
        options.Mvpds.Add(new MvpdOptions
        {
            Id = "BadPromo",
            IsTempPass = true,
            TempPass = new TempPassOptions { Kind = TempPassKind.Promotional, MaxResources = 0, IdentityKey = " " },
        });

        // Act
        var result = new EmulatorOptionsValidator().Validate(null, options);

        // Assert
        Assert.False(result.Succeeded);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.Contains("'NotFlagged' TempPass needs IsTempPass", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("'BadPromo' TempPass:Ttl must be positive", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("'BadPromo' TempPass:MaxResources", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("'BadPromo' TempPass:IdentityKey", StringComparison.Ordinal));
        Assert.Equal(4, failures.Count);
    }
}
