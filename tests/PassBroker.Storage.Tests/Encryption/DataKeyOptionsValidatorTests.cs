using Microsoft.Extensions.Options;
using PassBroker.Storage.Encryption;
using PassBroker.Storage.Secrets;

namespace PassBroker.Storage.Tests.Encryption;

public sealed class DataKeyOptionsValidatorTests
{
    private static ValidateOptionsResult ValidateForKeyVault(string secretName) =>
        new DataKeyOptionsValidator(Options.Create(new SecretsOptions { Source = SecretSource.KeyVault }))
            .Validate(null, new StorageOptions { DataKeySecret = secretName });

    [Fact]
    public void KeyVault_ValidSecretName_Succeeds() => Assert.True(ValidateForKeyVault("data-key").Succeeded);

    [Theory]
    [InlineData("data_key")]
    [InlineData("")]
    public void KeyVault_NameKeyVaultWouldRefuse_FailsAtStartNamingTheSetting(string name)
    {
        var result = ValidateForKeyVault(name);

        Assert.True(result.Failed);
        Assert.Contains("Storage:DataKeySecret", result.FailureMessage, StringComparison.Ordinal);
    }
}
