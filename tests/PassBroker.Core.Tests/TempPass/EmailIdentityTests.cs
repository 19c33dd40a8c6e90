using PassBroker.Core.Errors;
using PassBroker.Core.TempPass;

namespace PassBroker.Core.Tests.TempPass;

public sealed class EmailIdentityTests
{
    [Theory]
    [InlineData("viewer.one@example.org")]
    [InlineData("  Viewer.One@Example.ORG \t")]
    public void Hash_NormalizesThenHashes_AdobeNotesExample(string email) =>
        // adobe-pass-v2.md section 2.5's constructed example.
        Assert.Equal("58b1508ae622738c9ee3594951b62f14717249ca0dc46941033478a2c65365c4", EmailIdentity.Hash(email));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not-an-address")]
    [InlineData("a@b")]
    [InlineData("@example.org")]
    [InlineData("viewer@")]
    [InlineData("two words@example.org")]
    [InlineData("Viewer <viewer@example.org>")]
    [InlineData("a@example.org, b@example.org")]
    [InlineData("viewer@example.org.")]
    [InlineData("viewer\u0000@example.org")]
    public void Hash_NotOneAddress_IsValidationErrorThatDoesNotEchoIt(string? email)
    {
        var error = Assert.Throws<PassBrokerException>(() => EmailIdentity.Hash(email));

        Assert.Equal((400, "email"), (error.Status, error.Extensions["field"]));
        if (!string.IsNullOrWhiteSpace(email))
        {
            Assert.DoesNotContain(email.Trim(), error.Detail ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Hash_TooLong_IsValidationError() =>
        Assert.Throws<PassBrokerException>(() => EmailIdentity.Hash(new string('a', 250) + "@example.org"));
}
