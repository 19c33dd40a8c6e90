using PassBroker.Core.SecondScreen;

namespace PassBroker.Core.Tests.SecondScreen;

public sealed class TypedCodesTests
{
    [Theory]
    [InlineData("ABC1234", "ABC1234")]
    [InlineData("abc1234", "ABC1234")]
    [InlineData(" abc-12 34 ", "ABC1234")]
    public void Normalize_AsPeopleTypeIt_ReturnsTheCode(string typed, string expected) =>
        Assert.Equal(expected, TypedCodes.Normalize(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" - ")]
    [InlineData("AB$12")]
    [InlineData("ÄBC123")]
    [InlineData("<script>")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")]
    public void Normalize_NotACode_ReturnsNull(string? typed) =>
        Assert.Null(TypedCodes.Normalize(typed));
}
