using System.Text.Json;
using PassBroker.AdobePass.Contracts;
using PassBroker.AdobePass.V2;
using PassBroker.Core.Upstream;

namespace PassBroker.AdobePass.Tests.V2;

public sealed class ContractMapperDecisionsTests
{
    private static readonly Uri BaseUrl = new("https://sp.auth.adobe.com/");

    // Shaped like the OpenAPI document's DecisionsResponse: a permit with a media token (timestamps as numbers), a deny
    // with an item-level error (timestamps as strings of epoch ms), both in one HTTP 200.
    private const string Answer = """
        {"decisions":[
          {"resource":"premium","serviceProvider":"REF30","mvpd":"ExampleCable","source":"mvpd","authorized":false,
           "notBefore":"1700000000000","notAfter":"1700003600000",
           "error":{"action":"none","status":403,"code":"authorization_denied_by_mvpd","message":"Not entitled.",
                    "details":"Upgrade your package.","helpUrl":"https://help","trace":"t-9"}},
          {"resource":"news","serviceProvider":"REF30","mvpd":"ExampleCable","source":"degradation","authorized":true,
           "notBefore":1700000000000,"notAfter":1700003600000,
           "token":{"notBefore":1700000000000,"notAfter":1700000420000,"serializedToken":"PHNpZ25hdHVyZUluZm8+"}}
        ]}
        """;

    private static DecisionsResponse Parse(string json) => JsonSerializer.Deserialize<DecisionsResponse>(json)!;

    [Fact]
    public void ToDecisions_FollowsTheRequestedOrderWithEveryField()
    {
        var decisions = ContractMapper.ToDecisions(Parse(Answer), "ExampleCable", ["news", "premium"]);

        var permit = decisions[0];
        Assert.Equal(("news", true, "degradation"), (permit.Resource, permit.Authorized, permit.Source));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700003600000), permit.NotAfter);
        Assert.Equal(new MediaToken("PHNpZ25hdHVyZUluZm8+", DateTimeOffset.FromUnixTimeMilliseconds(1700000000000),
            DateTimeOffset.FromUnixTimeMilliseconds(1700000420000)), permit.Token);
        Assert.Null(permit.Error);

        var deny = decisions[1];
        Assert.Equal(("premium", false, null), (deny.Resource, deny.Authorized, deny.Token));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000000), deny.NotBefore);
        Assert.Equal(new UpstreamError
        {
            Code = "authorization_denied_by_mvpd", Action = "none", Status = 403, Message = "Not entitled.",
            Details = "Upgrade your package.", HelpUrl = "https://help", Trace = "t-9",
        }, deny.Error);
    }

    [Fact]
    public void ToDecisions_DenyWithoutAnErrorObject_StillCarriesAReason()
    {
        var response = Parse("""{"decisions":[{"resource":"r","authorized":false}]}""");

        var deny = Assert.Single(ContractMapper.ToDecisions(response, "ExampleCable", ["r"]));

        Assert.Equal(("authorization_denied", UpstreamActions.None), (deny.Error!.Code, deny.Error.Action));
        Assert.Equal("ExampleCable", deny.Mvpd);
    }

    [Fact]
    public void ToDecisions_RequestedResourceMissingFromTheAnswer_IsMalformed()
    {
        var error = Assert.Throws<AdobePassException>(() => ContractMapper.ToDecisions(Parse(Answer), "ExampleCable", ["news", "sports"]));

        Assert.Equal("malformed_response", error.Error!.Code);
    }

    [Fact]
    public void ToDecisions_PermitWithEmptyToken_HasNoToken()
    {
        var response = Parse("""{"decisions":[{"resource":"r","authorized":true,"token":{"serializedToken":""}}]}""");

        Assert.Null(Assert.Single(ContractMapper.ToDecisions(response, "ExampleCable", ["r"])).Token);
    }

    [Fact]
    public void ToLogoutActions_RelativeUrlMadeAbsoluteAbsoluteKept()
    {
        var response = JsonSerializer.Deserialize<LogoutResponse>("""
            {"logouts":{
              "ExampleCable":{"actionName":"logout","actionType":"interactive","mvpd":"ExampleCable","url":"/api/v2/REF30/logout/x?redirectUrl=https%3A%2F%2Fa"},
              "Other":{"actionName":"logout","actionType":"interactive","url":"https://mvpd.example/signout"},
              "Dummy":{"actionName":"complete","actionType":"none"}}}
            """)!;

        var actions = ContractMapper.ToLogoutActions(response, BaseUrl).ToDictionary(a => a.Mvpd);

        Assert.Equal("https://sp.auth.adobe.com/api/v2/REF30/logout/x?redirectUrl=https%3A%2F%2Fa", actions["ExampleCable"].Url);
        Assert.Equal("https://mvpd.example/signout", actions["Other"].Url);
        Assert.Equal(new LogoutAction("Dummy", "complete", "none", null), actions["Dummy"]);
    }
}
