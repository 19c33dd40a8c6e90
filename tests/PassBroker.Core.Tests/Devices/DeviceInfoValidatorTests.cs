using PassBroker.Core.Devices;
using PassBroker.Core.Errors;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.Core.Tests.Devices;

public sealed class DeviceInfoValidatorTests
{
    [Theory]
    [InlineData("osName", "x")]
    [InlineData("osName", "android")]
    [InlineData("primaryHardwareType", "Server")]
    [InlineData("osFamily", "Tizen OS")]
    [InlineData("osVendor", "Acme")]
    [InlineData("browserName", "Netscape Navigator")]
    [InlineData("browserVendor", "Acme")]
    public void ValueOffAdobesList_IsValidationErrorNamingTheFieldAndTheValues(string field, string value)
    {
        var info = field switch
        {
            "osName" => TestDevices.Info() with { OsName = value },
            "primaryHardwareType" => TestDevices.Info() with { PrimaryHardwareType = value },
            "osFamily" => TestDevices.Info() with { OsFamily = value },
            "osVendor" => TestDevices.Info() with { OsVendor = value },
            "browserName" => TestDevices.Info() with { BrowserName = value },
            _ => TestDevices.Info() with { BrowserVendor = value },
        };

        var error = Assert.Throws<PassBrokerException>(() => DeviceInfoValidator.Validate(info));

        Assert.Equal((400, ErrorCodes.ValidationFailed, $"deviceInfo.{field}"), (error.Status, error.Code, error.Extensions["field"]));
        Assert.Contains(DeviceInfoValues.Restricted[field][0], error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ValuesOnAdobesLists_AreAccepted()
    {
        DeviceInfoValidator.Validate(TestDevices.Info() with
        {
            PrimaryHardwareType = "TV", OsName = "webOS", OsFamily = "webOS", OsVendor = "LG", BrowserName = "Chrome", BrowserVendor = "Google",
        });
    }
}
