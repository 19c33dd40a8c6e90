using System.Net;

namespace PassBroker.Emulator.Tests;

public sealed class LoginFlowTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task LoginFlow_ValidCredentials_CreatesProfileAndRedirectsToRedirectUrl()
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync();
        var code = await emulator.CreateCodeAsync(device);
        using var pollBefore = await emulator.GetAsync($"/api/v2/REF30/profiles/code/{code}", device);
        Assert.Equal("""{"profiles":{}}""", await OkBodyAsync(pollBefore));

        // Act: the browser opens the authenticate URL, follows it to the MVPD form and signs in.
        using var authenticate = await emulator.Http.GetAsync($"/api/v2/authenticate/REF30/{code}");
        Assert.Equal(HttpStatusCode.Redirect, authenticate.StatusCode);
        var loginUrl = authenticate.Headers.Location!.OriginalString;
        Assert.Equal($"/emulator/mvpd/ExampleCable/login?code={code}", loginUrl);
        using var form = await emulator.Http.GetAsync(loginUrl);
        var html = await form.Content.ReadAsStringAsync();
        using var login = await emulator.SignInAsync("ExampleCable", code, "alice", "alice-pw");

        // Assert
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal("text/html", form.Content.Headers.ContentType?.MediaType);
        Assert.Contains("""<form method="post" action="/emulator/mvpd/ExampleCable/login">""", html, StringComparison.Ordinal);
        Assert.Contains("""<label for="username">""", html, StringComparison.Ordinal);
        Assert.Contains("name=\"username\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"password\" type=\"password\"", html, StringComparison.Ordinal);
        Assert.Contains($"""<input type="hidden" name="code" value="{code}">""", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(EmulatorFixture.RedirectUrl, login.Headers.Location!.OriginalString);

        using var pollAfter = await emulator.GetAsync($"/api/v2/REF30/profiles/code/{code}", device);
        var profile = (await JsonAssert.OkJsonAsync(pollAfter)).GetProperty("profiles").GetProperty("ExampleCable");
        var now = emulator.Time.GetUtcNow();
        Assert.Equal(now.ToUnixTimeMilliseconds(), profile.GetProperty("notBefore").GetInt64());
        Assert.Equal(now.AddHours(24).ToUnixTimeMilliseconds(), profile.GetProperty("notAfter").GetInt64());
        Assert.Equal("ExampleCable", profile.GetProperty("issuer").GetString());
        Assert.Equal("regular", profile.GetProperty("type").GetString());
        var attributes = profile.GetProperty("attributes");
        Assert.Equal("alice-0001", attributes.GetProperty("userID").GetProperty("value").GetString());
        Assert.Equal("plain", attributes.GetProperty("userID").GetProperty("state").GetString());
        Assert.Equal("household-alice", attributes.GetProperty("householdID").GetProperty("value").GetString());
        Assert.Equal(["10001"], JsonAssert.Strings(attributes.GetProperty("zip").GetProperty("value")));
        Assert.Equal(EmulatorSessionStatus.Authenticated, emulator.State.ListSessions().Single(s => s.Code == code).Status);
    }

    [Fact]
    public async Task GetProfileForCode_AfterLogin_KeepsReturningProfileWhileCodeIsValid()
    {
        var device = await emulator.RegisterDeviceAsync();
        var code = await emulator.AuthenticateAsync(device);
        emulator.Time.Advance(TimeSpan.FromMinutes(10));

        using var again = await emulator.GetAsync($"/api/v2/REF30/profiles/code/{code}", device);

        Assert.Equal(["ExampleCable"], JsonAssert.Names((await JsonAssert.OkJsonAsync(again)).GetProperty("profiles")));
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsFormAgainWithAlert()
    {
        var device = await emulator.RegisterDeviceAsync();
        var code = await emulator.CreateCodeAsync(device);

        using var response = await emulator.SignInAsync("ExampleCable", code, "alice", "wrong");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("incorrect", html, StringComparison.Ordinal);
        Assert.Contains("value=\"alice\"", html, StringComparison.Ordinal);
        using var poll = await emulator.GetAsync($"/api/v2/REF30/profiles/code/{code}", device);
        Assert.Equal("""{"profiles":{}}""", await OkBodyAsync(poll));
    }

    [Fact]
    public async Task Login_UserWithoutSubscription_ShowsAlert()
    {
        var device = await emulator.RegisterDeviceAsync();
        var code = await emulator.CreateCodeAsync(device, "ExampleCable");

        using var response = await emulator.SignInAsync("ExampleCable", code, "carol", "carol-pw");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no Example Cable subscription", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bob", "bob-pw", "ExampleCable")]
    [InlineData("BOB", "bob-pw", "ExampleSat")]
    [InlineData("carol", "carol-pw", "ExampleSat")]
    public async Task Login_SubscribedUser_Redirects(string username, string password, string mvpd)
    {
        var device = await emulator.RegisterDeviceAsync();
        var code = await emulator.CreateCodeAsync(device, mvpd);

        using var response = await emulator.SignInAsync(mvpd, code, username, password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(EmulatorFixture.RedirectUrl, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Login_EchoedUsername_IsHtmlEncoded()
    {
        var device = await emulator.RegisterDeviceAsync();
        var code = await emulator.CreateCodeAsync(device);

        using var response = await emulator.SignInAsync("ExampleCable", code, "<script>alert(1)</script>\"", "x");

        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_UnknownCode_Returns400Html()
    {
        using var response = await emulator.Http.GetAsync("/api/v2/authenticate/REF30/NOCODE2");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("invalid_authentication_session", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_MissingParameters_Returns400Html()
    {
        var device = await emulator.RegisterDeviceAsync();
        using var created = await emulator.CreateSessionAsync(device, ("mvpd", "ExampleCable"));
        var code = (await JsonAssert.OkJsonAsync(created)).GetProperty("code").GetString();

        using var response = await emulator.Http.GetAsync($"/api/v2/authenticate/REF30/{code}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("redirectUrl", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginPage_CodeForOtherMvpd_Returns400Html()
    {
        var device = await emulator.RegisterDeviceAsync();
        var code = await emulator.CreateCodeAsync(device, "ExampleCable");

        using var response = await emulator.Http.GetAsync($"/emulator/mvpd/ExampleSat/login?code={code}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<string> OkBodyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonAssert.AssertAdobeJson(response);
        return await response.Content.ReadAsStringAsync();
    }
}
